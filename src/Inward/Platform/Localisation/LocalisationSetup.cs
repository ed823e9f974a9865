using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;

namespace Inward.Platform.Localisation;

public static class LocalisationSetup
{
    public static readonly string[] Languages = ["en", "ar", "pl"];

    public const string LanguageClaim = "inward:lang";

    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language);

    /// <summary>
    /// Runs <paramref name="compose"/> with the UI culture of <paramref name="language"/> (English when it is not a supported
    /// language), so resource lookups in e-mails and notifications follow the recipient, then restores the caller's.
    /// </summary>
    public static T InLanguage<T>(string? language, Func<T> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture(IsSupported(language) ? language! : "en");
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// The culture of a supported language, always with the Gregorian calendar: HR dates (hire dates, deadlines)
    /// must read the same in every language. Plain "ar" is Gregorian with today's ICU, but regional Arabic
    /// cultures such as ar-SA default to the Umm al-Qura (Hijri) calendar, so this does not rely on the default.
    /// Digits stay Western (0-9), as .NET formats them; Arabic separators and month names still apply.
    /// English is the UI language "en" (British texts) but formats dates and numbers as en-GB does (16/03/2025, not
    /// the neutral culture's US 3/16/2025).
    /// </summary>
    public static CultureInfo Culture(string language)
    {
        var culture = new CultureInfo(language);
        if (language == "en")
        {
            var british = CultureInfo.GetCultureInfo("en-GB");
            culture.DateTimeFormat = (DateTimeFormatInfo)british.DateTimeFormat.Clone();
            culture.NumberFormat = (NumberFormatInfo)british.NumberFormat.Clone();
        }
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        }
        return culture;
    }

    public static IHostApplicationBuilder AddLocalisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(Culture).ToList();
            // The instance, not the name: a new CultureInfo("en") would format dates US-style.
            o.DefaultRequestCulture = new RequestCulture(cultures.First(c => c.Name == "en"));
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
