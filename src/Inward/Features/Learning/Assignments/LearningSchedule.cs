namespace Inward.Features.Learning.Assignments;

/// <summary>What an assignment is now: its stored status, with "overdue" for an open one past its due date.</summary>
public enum AssignmentState
{
    Open,
    Overdue,
    Completed,
    Cancelled,
}

/// <summary>What the public verification of a certificate says.</summary>
public enum CertificateState
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>
/// The dates of learning: due dates, reminders, certificate expiry and re-certification. Pure (the caller passes
/// "today" or "now"), so every rule is unit-tested with any date.
/// </summary>
public static class LearningSchedule
{
    public const int MaxDueDays = 3650;
    public const int MaxRecertifyMonths = 120;

    /// <summary>
    /// The due date of an assignment made on <paramref name="assignedOn"/>: none, N days after assignment, or N days after
    /// hire. A due date counted from hire never falls before the assignment day (someone assigned late is not overdue
    /// from the start); a person without a hire date counts from the assignment.
    /// </summary>
    public static DateOnly? DueDate(DueBasis basis, int? days, DateOnly assignedOn, DateOnly? hiredOn)
    {
        if (basis == DueBasis.None || days is not { } n)
        {
            return null;
        }
        n = Math.Clamp(n, 0, MaxDueDays);
        if (basis == DueBasis.AfterHire && hiredOn is { } hired)
        {
            var due = hired.AddDays(n);
            return due < assignedOn ? assignedOn : due;
        }
        return assignedOn.AddDays(n);
    }

    /// <summary>The first day a "due soon" reminder may go out.</summary>
    public static DateOnly FirstReminderOn(DateOnly due, int daysBefore) => due.AddDays(-Math.Max(0, daysBefore));

    /// <summary>
    /// The reminder an open assignment calls for <paramref name="today"/>: "before" from <paramref name="daysBefore"/> days
    /// ahead until the due date itself (a missed day catches up), "overdue" from the day after; null otherwise or without
    /// a due date. The reminder log makes each kind happen at most once per assignment.
    /// </summary>
    public static string? ReminderFor(DateOnly? due, DateOnly today, int daysBefore)
    {
        if (due is not { } d)
        {
            return null;
        }
        if (today > d)
        {
            return LearningReminder.Overdue;
        }
        return today >= FirstReminderOn(d, daysBefore) ? LearningReminder.Before : null;
    }

    /// <summary>When a certificate earned at <paramref name="completedUtc"/> expires: N calendar months later, or never.</summary>
    public static DateTime? ExpiresUtc(DateTime completedUtc, int? recertifyMonths) =>
        recertifyMonths is > 0 and var months ? completedUtc.AddMonths(Math.Min(months, MaxRecertifyMonths)) : null;

    /// <summary>When the person is assigned the course again: <paramref name="daysBefore"/> days before the certificate expires.</summary>
    public static DateTime? RecertifyAssignmentUtc(DateTime? expiresUtc, int daysBefore) =>
        expiresUtc?.AddDays(-Math.Max(0, daysBefore));

    /// <summary>True once the re-assignment time has come (also after expiry, so a missed run catches up).</summary>
    public static bool RecertificationDue(DateTime? expiresUtc, DateTime nowUtc, int daysBefore) =>
        RecertifyAssignmentUtc(expiresUtc, daysBefore) is { } at && nowUtc >= at;

    /// <summary>The state to show: open assignments past their due date are overdue.</summary>
    public static AssignmentState StateOf(AssignmentStatus status, DateOnly? due, DateOnly today) => status switch
    {
        AssignmentStatus.Completed => AssignmentState.Completed,
        AssignmentStatus.Cancelled => AssignmentState.Cancelled,
        _ => due is { } d && today > d ? AssignmentState.Overdue : AssignmentState.Open,
    };

    /// <summary>Revoked wins over expired; a certificate is expired from its expiry instant on.</summary>
    public static CertificateState Validity(DateTime? expiresUtc, DateTime? revokedUtc, DateTime nowUtc) =>
        revokedUtc is not null ? CertificateState.Revoked
        : expiresUtc is { } e && nowUtc >= e ? CertificateState.Expired
        : CertificateState.Valid;
}
