using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Listening.Pulses;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PulseCadence>))]
public enum PulseCadence
{
    Weekly,
    Monthly,
    Quarterly,
}

/// <summary>
/// A recurring pulse: how often a new cycle opens and how many days each stays open. The cycles themselves are ordinary
/// surveys (<see cref="SurveyCycle"/>), each with its own frozen audience and answers (docs/adr/0014). The schedule is
/// anchored on the first cycle's opening, so nothing here has to be kept in step with it.
/// </summary>
public sealed class SurveySeries : IAudited
{
    public int Id { get; set; }
    public PulseCadence Cadence { get; set; }
    public int OpenDays { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>When HR stopped the series: no cycle is launched after it (an open one still closes on its date).</summary>
    public DateTime? StoppedUtc { get; set; }
    /// <summary>After HR changed the cadence or days open of the running series: the opening its periods count from since.</summary>
    public DateTime? AnchorUtc { get; set; }
    /// <summary>After such a change: no cycle opens before this (the change, or the end of the cycle open at the time).</summary>
    public DateTime? NotBeforeUtc { get; set; }

    /// <summary>The latest change for <see cref="PulseSchedule"/>; null while the series runs as first set.</summary>
    public ScheduleChange? LatestChange() => AnchorUtc is { } anchor && NotBeforeUtc is { } notBefore ? new(anchor, notBefore) : null;
}

/// <summary>A survey's place in a series: cycle 1, 2, 3... The pair (series, number) is unique, so a cycle cannot be launched twice.</summary>
public sealed class SurveyCycle
{
    public int SurveyId { get; set; }
    public int SeriesId { get; set; }
    public int Number { get; set; }
}

internal sealed class PulseConfiguration : IEntityTypeConfiguration<SurveySeries>, IEntityTypeConfiguration<SurveyCycle>
{
    public void Configure(EntityTypeBuilder<SurveySeries> b)
    {
        b.ToTable("SurveySeries");
        b.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.CreatedByUserId).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<SurveyCycle> b)
    {
        b.ToTable("SurveyCycles");
        b.HasKey(c => c.SurveyId);
        b.Property(c => c.SurveyId).ValueGeneratedNever();
        b.HasOne<Survey>().WithOne().HasForeignKey<SurveyCycle>(c => c.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveySeries>().WithMany().HasForeignKey(c => c.SeriesId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.SeriesId, c.Number }).IsUnique();
    }
}
