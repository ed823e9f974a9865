using Inward.Platform.Cli;
using Inward.Platform.Identity;
using Inward.Platform.Localisation;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Account;

public static class AccountModule
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PasswordLinks>();
        services.AddScoped<AccountMail>();
        services.AddScoped<Invitations>();
        services.AddScoped<AccountDeactivation>();
        services.AddScoped<ApiTokens>();
        services.AddSingleton<ICliCommand, TokenCommand>();
        return builder;
    }

    public static WebApplication MapAccount(this WebApplication app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<InwardUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/sign-in");
        }).RequireAuthorization().AddEndpointFilter(RequireAntiforgery).ExcludeFromDescription();

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

        // WebAuthn options for wwwroot/js/passkeys.js. The ceremony state travels in Identity's own cookie;
        // the antiforgery header stops another site from starting a ceremony in the user's name.
        app.MapPost("/account/passkeys/creation-options", async (HttpContext ctx, UserManager<InwardUser> users, SignInManager<InwardUser> signIn) =>
        {
            if (await users.GetUserAsync(ctx.User) is not { } user)
            {
                return Results.Unauthorized();
            }
            var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
            {
                Id = user.Id,
                Name = user.Email ?? user.UserName ?? user.Id,
                DisplayName = user.DisplayName,
            });
            return Results.Content(options, "application/json");
        }).RequireAuthorization().RequireRateLimiting(WebSetup.SignInLimit).AddEndpointFilter(RequireAntiforgery).ExcludeFromDescription();

        // No user name is taken: the browser offers its discoverable passkeys, and nothing reveals whether an account exists.
        app.MapPost("/account/passkeys/request-options", async (SignInManager<InwardUser> signIn) =>
            Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json"))
            .AllowAnonymous().RequireRateLimiting(WebSetup.SignInLimit).AddEndpointFilter(RequireAntiforgery).ExcludeFromDescription();

        app.MapAccountApi();
        return app;
    }

    /// <summary>
    /// Endpoints without form parameters are not checked by the antiforgery middleware on their own:
    /// validate the token (form field or RequestVerificationToken header) explicitly.
    /// </summary>
    private static async ValueTask<object?> RequireAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return Results.Problem(title: "Invalid antiforgery token", detail: "Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }
}
