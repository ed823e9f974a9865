namespace Inward.Features.Feedback;

/// <summary>A field error: the field, an English message key and its arguments.</summary>
public sealed record FeedbackError(string Field, string Message, params object[] Arguments);

/// <summary>What a card's timeline needs for the closure metrics.</summary>
public readonly record struct CardDates(DateOnly ReceivedOn, DateOnly? FirstAnsweredOn, DateOnly? ClosedOn);

/// <summary>The pure decisions of feedback cards: parsing, status moves, the daily limit and the closure statistics.</summary>
public static class FeedbackRules
{
    public const int CardsPerDay = 10;
    public const int AnswerWithinDays = 14;

    public static string CategoryName(FeedbackCategory category) => category switch
    {
        FeedbackCategory.CompanyPolicies => "Company policies",
        FeedbackCategory.HR => "HR",
        FeedbackCategory.InternalMarketing => "Internal marketing",
        FeedbackCategory.MyJob => "My job",
        FeedbackCategory.Customers => "Customers",
        _ => "Other",
    };

    public static string StatusName(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "Received",
        FeedbackStatus.UnderReview => "Under review",
        FeedbackStatus.Planned => "Planned",
        FeedbackStatus.Done => "Done",
        _ => "Declined",
    };

    public static string RecipientName(FeedbackRecipient recipient) => recipient switch
    {
        FeedbackRecipient.HR => "HR",
        FeedbackRecipient.Department => "A department",
        _ => "The plan owner",
    };

    /// <summary>Enum names only (no numbers: "3" must not pass as a category).</summary>
    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0]) && value.Trim()[0] != '-'
            && Enum.TryParse(value.Trim(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    public static bool IsClosed(FeedbackStatus status) => status is FeedbackStatus.Done or FeedbackStatus.Declined;

    /// <summary>Checks a card or reply text: required, at most <see cref="FeedbackCard.TextMax"/> characters.</summary>
    public static FeedbackError? CheckText(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? new FeedbackError(field, "Write something first.")
        : text.Trim().Length > FeedbackCard.TextMax ? new FeedbackError(field, "At most {0} characters.", FeedbackCard.TextMax)
        : null;

    /// <summary>
    /// A status move by a recipient: any open status may follow any other (a card can go back under review), a closed card
    /// stays closed, and done or declined need an answer in the same step.
    /// </summary>
    public static FeedbackError? CheckStatusChange(FeedbackStatus from, FeedbackStatus to, string? answer)
    {
        if (IsClosed(from))
        {
            return new FeedbackError("Status", "This card is already closed.");
        }
        if (from == to)
        {
            return new FeedbackError("Status", "The card already has this status.");
        }
        if (to == FeedbackStatus.Received)
        {
            return new FeedbackError("Status", "A card cannot go back to received.");
        }
        if (IsClosed(to) && string.IsNullOrWhiteSpace(answer))
        {
            return new FeedbackError("Answer", "Done and declined need an answer for the author.");
        }
        return answer is { } a && a.Trim().Length > FeedbackCard.TextMax ? new FeedbackError("Answer", "At most {0} characters.", FeedbackCard.TextMax) : null;
    }

    public static bool OverDailyLimit(int cardsToday) => cardsToday >= CardsPerDay;

    /// <summary>Median days from received to done/declined over the closed cards; null when none is closed.</summary>
    public static decimal? MedianClosureDays(IEnumerable<CardDates> cards)
    {
        var days = cards.Where(c => c.ClosedOn is not null).Select(c => c.ClosedOn!.Value.DayNumber - c.ReceivedOn.DayNumber).Order().ToList();
        if (days.Count == 0)
        {
            return null;
        }
        var mid = days.Count / 2;
        return days.Count % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2m;
    }

    /// <summary>
    /// Of the cards that were answered or have waited at least 14 days (younger unanswered cards cannot be judged yet), the
    /// ones first answered within 14 days: (answered in time, judged).
    /// </summary>
    public static (int InTime, int Judged) AnsweredWithin14Days(IEnumerable<CardDates> cards, DateOnly today)
    {
        var inTime = 0;
        var judged = 0;
        foreach (var c in cards)
        {
            var answeredInTime = c.FirstAnsweredOn is { } a && a.DayNumber - c.ReceivedOn.DayNumber <= AnswerWithinDays;
            if (answeredInTime || today.DayNumber - c.ReceivedOn.DayNumber >= AnswerWithinDays)
            {
                judged++;
                inTime += answeredInTime ? 1 : 0;
            }
        }
        return (inTime, judged);
    }
}
