using System.Collections.Frozen;
using Inward.Platform.Localisation;

namespace Inward.Features.Settings;

/// <summary>The settings form as typed in.</summary>
public sealed record SettingsInput(string? Name, string? PrimaryColour, string? AccentColour, string? Values,
    string? DefaultLanguage, string? Currency, int? AnonymityThreshold);

/// <summary>A problem with one field: the English message (a localisation key) and its arguments.</summary>
public sealed record FieldError(string Field, string Message, params object[] Arguments);

/// <summary>What happens to the anonymity threshold when the form is saved.</summary>
public enum ThresholdChange { Unchanged, Raised, LoweringNeedsApproval }

/// <summary>Validation of company settings: pure, unit-tested.</summary>
public static class SettingsRules
{
    public const int MaxNameLength = 200;
    public const int MaxValues = 12;
    public const int MaxValueLength = 100;
    public const int MaxThreshold = 1000;

    /// <summary>Active ISO 4217 currency codes.</summary>
    public static readonly FrozenSet<string> Currencies = new[]
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND",
        "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
        "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
        "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
        "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB",
        "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
        "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
        "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR",
        "ZMW", "ZWG",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The values list as stored: trimmed, blank lines dropped.</summary>
    public static IReadOnlyList<string> ValueLines(string? values) =>
        (values ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<FieldError> Validate(SettingsInput input)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new(nameof(input.Name), "Enter the company name."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new(nameof(input.Name), "The company name can have at most {0} characters.", MaxNameLength));
        }
        if (!SettingsModule.HexColour().IsMatch(input.PrimaryColour ?? ""))
        {
            errors.Add(new(nameof(input.PrimaryColour), "The primary colour must look like #1f5f8b."));
        }
        if (!SettingsModule.HexColour().IsMatch(input.AccentColour ?? ""))
        {
            errors.Add(new(nameof(input.AccentColour), "The accent colour must look like #1f5f8b."));
        }
        var values = ValueLines(input.Values);
        if (values.Count > MaxValues)
        {
            errors.Add(new(nameof(input.Values), "Enter at most {0} company values.", MaxValues));
        }
        if (values.Any(v => v.Length > MaxValueLength))
        {
            errors.Add(new(nameof(input.Values), "Each company value can have at most {0} characters.", MaxValueLength));
        }
        if (!LocalisationSetup.IsSupported(input.DefaultLanguage ?? ""))
        {
            errors.Add(new(nameof(input.DefaultLanguage), "Choose English, Arabic or Polish as the default language."));
        }
        if (!Currencies.Contains(input.Currency?.Trim().ToUpperInvariant() ?? ""))
        {
            errors.Add(new(nameof(input.Currency), "Enter a currency as its three-letter ISO 4217 code, such as EUR or USD."));
        }
        if (input.AnonymityThreshold is not { } k || k < CompanySettings.MinimumAnonymityThreshold)
        {
            errors.Add(new(nameof(input.AnonymityThreshold),
                "The anonymity threshold must be at least {0}: smaller groups would make answers identifiable.", CompanySettings.MinimumAnonymityThreshold));
        }
        else if (k > MaxThreshold)
        {
            errors.Add(new(nameof(input.AnonymityThreshold), "The anonymity threshold can be at most {0}.", MaxThreshold));
        }
        return errors;
    }

    public static ThresholdChange Classify(int current, int requested) =>
        requested > current ? ThresholdChange.Raised
        : requested < current ? ThresholdChange.LoweringNeedsApproval
        : ThresholdChange.Unchanged;

    /// <summary>A lowering is approved by an administrator other than the one who asked for it.</summary>
    public static bool MayApprove(string? requestedById, string? approverId) =>
        approverId is not null && requestedById is not null && !string.Equals(requestedById, approverId, StringComparison.Ordinal);
}
