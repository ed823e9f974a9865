using Inward.Features.Learning.Assignments;

namespace Inward.Tests.Learning;

/// <summary>Due dates, reminders, certificate expiry and re-certification: pure date rules.</summary>
public sealed class LearningScheduleTests
{
    private static readonly DateOnly Assigned = new(2031, 3, 10);

    [Fact]
    public void Due_after_assignment_counts_from_the_assignment_day() =>
        Assert.Equal(new DateOnly(2031, 4, 9), LearningSchedule.DueDate(DueBasis.AfterAssignment, 30, Assigned, new DateOnly(2020, 1, 1)));

    [Fact]
    public void Due_after_hire_counts_from_the_hire_date() =>
        Assert.Equal(new DateOnly(2031, 3, 22), LearningSchedule.DueDate(DueBasis.AfterHire, 14, Assigned, new DateOnly(2031, 3, 8)));

    [Fact]
    public void Due_after_hire_is_never_before_the_assignment_day() =>
        Assert.Equal(Assigned, LearningSchedule.DueDate(DueBasis.AfterHire, 14, Assigned, new DateOnly(2030, 1, 1)));

    [Fact]
    public void Due_after_hire_without_a_hire_date_counts_from_the_assignment() =>
        Assert.Equal(Assigned.AddDays(14), LearningSchedule.DueDate(DueBasis.AfterHire, 14, Assigned, null));

    [Fact]
    public void No_basis_or_no_days_means_no_due_date()
    {
        Assert.Null(LearningSchedule.DueDate(DueBasis.None, 30, Assigned, null));
        Assert.Null(LearningSchedule.DueDate(DueBasis.AfterAssignment, null, Assigned, null));
    }

    [Fact]
    public void Zero_days_is_due_the_same_day_and_days_are_capped() =>
        Assert.Equal((Assigned, Assigned.AddDays(LearningSchedule.MaxDueDays)),
            (LearningSchedule.DueDate(DueBasis.AfterAssignment, 0, Assigned, null)!.Value,
                LearningSchedule.DueDate(DueBasis.AfterAssignment, 99_999, Assigned, null)!.Value));

    [Theory]
    [InlineData(6, null)]
    [InlineData(7, "before")]
    [InlineData(9, "before")]
    [InlineData(10, "before")]
    [InlineData(11, "overdue")]
    [InlineData(40, "overdue")]
    public void Reminder_is_due_soon_from_n_days_before_and_overdue_after_the_due_date(int todayDay, string? expected)
    {
        var due = new DateOnly(2031, 5, 10);
        Assert.Equal(expected, LearningSchedule.ReminderFor(due, due.AddDays(todayDay - 10), 3));
    }

    [Fact]
    public void No_due_date_means_no_reminder() => Assert.Null(LearningSchedule.ReminderFor(null, Assigned, 3));

    [Fact]
    public void First_reminder_date_ignores_negative_days() =>
        Assert.Equal((Assigned.AddDays(-3), Assigned), (LearningSchedule.FirstReminderOn(Assigned, 3), LearningSchedule.FirstReminderOn(Assigned, -5)));

    [Fact]
    public void Certificates_expire_n_calendar_months_after_completion()
    {
        var completed = new DateTime(2031, 1, 31, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2031, 7, 31, 9, 30, 0, DateTimeKind.Utc), LearningSchedule.ExpiresUtc(completed, 6));
        Assert.Equal(new DateTime(2031, 2, 28, 9, 30, 0, DateTimeKind.Utc), LearningSchedule.ExpiresUtc(completed, 1));
        Assert.Null(LearningSchedule.ExpiresUtc(completed, null));
        Assert.Null(LearningSchedule.ExpiresUtc(completed, 0));
    }

    [Fact]
    public void Re_certification_is_assigned_n_days_before_expiry_and_catches_up_after()
    {
        var expires = new DateTime(2031, 7, 31, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expires.AddDays(-30), LearningSchedule.RecertifyAssignmentUtc(expires, 30));
        Assert.False(LearningSchedule.RecertificationDue(expires, expires.AddDays(-30).AddTicks(-1), 30));
        Assert.True(LearningSchedule.RecertificationDue(expires, expires.AddDays(-30), 30));
        Assert.True(LearningSchedule.RecertificationDue(expires, expires.AddDays(10), 30));
        Assert.False(LearningSchedule.RecertificationDue(null, expires, 30));
    }

    [Fact]
    public void Open_assignments_past_their_due_date_are_overdue()
    {
        var due = new DateOnly(2031, 5, 10);
        Assert.Equal(AssignmentState.Open, LearningSchedule.StateOf(AssignmentStatus.Open, due, due));
        Assert.Equal(AssignmentState.Overdue, LearningSchedule.StateOf(AssignmentStatus.Open, due, due.AddDays(1)));
        Assert.Equal(AssignmentState.Open, LearningSchedule.StateOf(AssignmentStatus.Open, null, due.AddDays(100)));
        Assert.Equal(AssignmentState.Completed, LearningSchedule.StateOf(AssignmentStatus.Completed, due, due.AddDays(1)));
        Assert.Equal(AssignmentState.Cancelled, LearningSchedule.StateOf(AssignmentStatus.Cancelled, due, due.AddDays(1)));
    }

    [Fact]
    public void Certificate_validity_revoked_wins_over_expired()
    {
        var now = new DateTime(2031, 5, 10, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(CertificateState.Valid, LearningSchedule.Validity(null, null, now));
        Assert.Equal(CertificateState.Valid, LearningSchedule.Validity(now.AddTicks(1), null, now));
        Assert.Equal(CertificateState.Expired, LearningSchedule.Validity(now, null, now));
        Assert.Equal(CertificateState.Revoked, LearningSchedule.Validity(now.AddDays(-1), now.AddDays(-2), now));
    }
}
