using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;

namespace Inward.Platform.Localisation;

public static class LocalisationSetup
{
    public static readonly string[] Languages = ["en", "ar", "pl"];

    public const string LanguageClaim = "inward:lang";

    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language);

    public static IHostApplicationBuilder AddLocalisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(l => new CultureInfo(l)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The signed-in user's choice wins, then the language cookie (anonymous pages), then the browser.
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(ctx =>
                {
                    var lang = ctx.User.FindFirstValue(LanguageClaim);
                    return Task.FromResult(IsSupported(lang) ? new ProviderCultureResult(lang) : null);
                }),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}
