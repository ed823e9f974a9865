using System.Globalization;

namespace Inward.Features.Listening;

/// <summary>When survey reminders are due and what HR may be told about them, as pure functions.</summary>
public static class SurveyReminderRules
{
    /// <summary>The automatic round some days before the survey closes.</summary>
    public const string Before = "before";
    /// <summary>The automatic round in the last 24 hours.</summary>
    public const string LastDay = "last-day";
    public const string ManualPrefix = "manual-";

    /// <summary>
    /// The automatic round due at <paramref name="now"/>, or null: only open surveys with a closing time get them,
    /// <see cref="LastDay"/> in the final 24 hours and <see cref="Before"/> from <paramref name="daysBefore"/> days
    /// before the close until then (so a survey caught late gets the last-day round, not both at once).
    /// </summary>
    public static string? AutomaticRound(SurveyStatus status, DateTime? opensUtc, DateTime? closesUtc, DateTime now, int daysBefore)
    {
        if (SurveyRules.Window(status, opensUtc, closesUtc, now) != SurveyWindow.Open || closesUtc is not { } closes)
        {
            return null;
        }
        var left = closes - now;
        if (left <= TimeSpan.FromDays(1))
        {
            return LastDay;
        }
        return daysBefore > 1 && left <= TimeSpan.FromDays(daysBefore) ? Before : null;
    }

    /// <summary>The manual round of a day: at most one a day per survey (the round's key).</summary>
    public static string ManualRound(DateOnly day) => ManualPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsManual(string round) => round.StartsWith(ManualPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The number of people reminded as HR may see it, or null. The reminded and the rest of the audience (who have
    /// answered) are two groups that subtract from the audience: each must be at least k (or empty), so a round right
    /// after one person answered ("reminded 11 of 12") or with one person left ("reminded 1") shows nothing.
    /// </summary>
    public static int? ShownCount(int reminded, int invited, int k)
    {
        var answered = invited - reminded;
        if (reminded < 0 || answered < 0)
        {
            return null;
        }
        return (reminded == 0 || AnonymityGuard.MayShow(reminded, k)) && (answered == 0 || AnonymityGuard.MayShow(answered, k)) ? reminded : null;
    }
}
