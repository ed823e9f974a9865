using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Listening;

/// <summary>
/// "This person was reminded in this round": the log that makes each reminder happen at most once per person, survey and
/// round, and lets a retried job e-mail only those not yet e-mailed. Deliberately no time, no generated id and no order:
/// the rows of a round are all written in one transaction by the job (or the manual action), never by a respondent, so
/// nothing in them can be lined up with a response. Never listed on any page or API (it names non-respondents).
/// </summary>
public sealed class SurveyReminder
{
    public int SurveyId { get; set; }
    public int EmployeeId { get; set; }
    /// <summary><see cref="SurveyReminderRules.Before"/>, <see cref="SurveyReminderRules.LastDay"/> or "manual-yyyy-MM-dd".</summary>
    public required string Round { get; set; }
    /// <summary>True once the e-mail went out (or could not: the person has no address or answered meanwhile).</summary>
    public bool Emailed { get; set; }
}

/// <summary>
/// One reminder round of a survey: which round, on which day (a date, not a time) and how many people it reached. The
/// count is shown to HR only through <see cref="SurveyReminderRules.ShownCount"/>. Its key makes a second manual
/// round on one day, or a second automatic round of one kind, impossible even when two instances race.
/// </summary>
public sealed class SurveyReminderRound
{
    public int SurveyId { get; set; }
    public required string Round { get; set; }
    public DateOnly SentOn { get; set; }
    public int Reminded { get; set; }
    /// <summary>The audience size then (frozen at launch), kept for the anonymity check of <see cref="Reminded"/>.</summary>
    public int Invited { get; set; }
}

internal sealed class SurveyReminderConfiguration : IEntityTypeConfiguration<SurveyReminder>, IEntityTypeConfiguration<SurveyReminderRound>
{
    public void Configure(EntityTypeBuilder<SurveyReminder> b)
    {
        b.ToTable("SurveyReminders");
        b.HasKey(r => new { r.SurveyId, r.EmployeeId, r.Round });
        b.Property(r => r.Round).HasMaxLength(30);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.EmployeeId);
        b.HasIndex(r => r.Emailed);
    }

    public void Configure(EntityTypeBuilder<SurveyReminderRound> b)
    {
        b.ToTable("SurveyReminderRounds");
        b.HasKey(r => new { r.SurveyId, r.Round });
        b.Property(r => r.Round).HasMaxLength(30);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
