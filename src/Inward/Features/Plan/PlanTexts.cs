using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>Localised names of the plan's enums (literal keys, so the localisation test sees them).</summary>
public static class PlanTexts
{
    public static string Of(IStringLocalizer t, SuggestionStatus status) => status switch
    {
        SuggestionStatus.New => t["New"],
        SuggestionStatus.Considered => t["Considered"],
        SuggestionStatus.Adopted => t["Adopted"],
        SuggestionStatus.Declined => t["Declined"],
        _ => status.ToString(),
    };

    public static string Of(IStringLocalizer t, InitiativeStatus status) => status switch
    {
        InitiativeStatus.Planned => t["Planned"],
        InitiativeStatus.InProgress => t["In progress"],
        InitiativeStatus.Done => t["Done"],
        InitiativeStatus.OnHold => t["On hold"],
        InitiativeStatus.Cancelled => t["Cancelled"],
        _ => status.ToString(),
    };

    public static string Of(IStringLocalizer t, PlanStatus status) => status switch
    {
        PlanStatus.Draft => t["Draft"],
        PlanStatus.Published => t["Published"],
        PlanStatus.Archived => t["Archived"],
        _ => status.ToString(),
    };

    public static string Of(IStringLocalizer t, KpiDirection direction) => direction switch
    {
        KpiDirection.HigherIsBetter => t["Higher is better"],
        KpiDirection.LowerIsBetter => t["Lower is better"],
        _ => direction.ToString(),
    };

    public static string Of(IStringLocalizer t, KpiSource source) => source switch
    {
        KpiSource.Manual => t["Entered by hand"],
        KpiSource.Metric => t["Live metric"],
        _ => source.ToString(),
    };

    public static string Of(IStringLocalizer t, Effort effort) => effort switch
    {
        Effort.Low => t["Low effort"],
        Effort.Medium => t["Medium effort"],
        Effort.High => t["High effort"],
        _ => effort.ToString(),
    };

    public static string Of(IStringLocalizer t, Platform.Metrics.MetricUnit unit) => unit switch
    {
        Platform.Metrics.MetricUnit.Percent => "%",
        Platform.Metrics.MetricUnit.Count => t["number of people"],
        Platform.Metrics.MetricUnit.Score => t["points"],
        Platform.Metrics.MetricUnit.Money => t["money"],
        _ => unit.ToString(),
    };

    public static IEnumerable<string> Of(IStringLocalizer t, Channels channels)
    {
        if (channels.HasFlag(Channels.Email)) yield return t["E-mail"];
        if (channels.HasFlag(Channels.Chat)) yield return t["Chat tool"];
        if (channels.HasFlag(Channels.NoticeBoard)) yield return t["Notice boards"];
        if (channels.HasFlag(Channels.Meetings)) yield return t["Meetings"];
    }

    public static IEnumerable<string> Of(IStringLocalizer t, PainPoints pains)
    {
        if (pains.HasFlag(PainPoints.Turnover)) yield return t["Turnover"];
        if (pains.HasFlag(PainPoints.PoorServiceScores)) yield return t["Poor service scores"];
        if (pains.HasFlag(PainPoints.Silos)) yield return t["Silos between departments"];
        if (pains.HasFlag(PainPoints.LowMorale)) yield return t["Low morale"];
        if (pains.HasFlag(PainPoints.NewStrategy)) yield return t["New strategy to roll out"];
        if (pains.HasFlag(PainPoints.Growth)) yield return t["Growth and hiring"];
    }

    /// <summary>A percentage or number for display, in the current culture.</summary>
    public static string Number(decimal? value, Platform.Metrics.MetricUnit? unit = null) =>
        value is not { } v ? "–" : unit == Platform.Metrics.MetricUnit.Percent ? v.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " %"
            : v.ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture);
}
