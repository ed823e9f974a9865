using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Inward.Platform.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Account;

public static class AccountModule
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAccount(this WebApplication app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<InwardUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/sign-in");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        // Anyone may choose a language: a cookie for the browser, and the account's setting when signed in.
        app.MapPost("/account/language", async ([FromForm] string language, [FromForm] string? returnUrl, HttpContext ctx,
            UserManager<InwardUser> users, SignInManager<InwardUser> signIn) =>
        {
            if (!LocalisationSetup.IsSupported(language))
            {
                return Results.Problem(title: "Unknown language", detail: "Choose en, ar or pl.", statusCode: 400);
            }
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            if (ctx.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(ctx.User) is { } user)
            {
                user.Language = language;
                await users.UpdateAsync(user);
                await signIn.RefreshSignInAsync(user);
            }
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
