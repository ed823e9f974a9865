using System.Text.Json;
using Inward.Features.People;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Touchpoints;

/// <summary>
/// The role expectation card of one job role ("what is expected of me"). The rows here are the working copy that
/// plan editors change; publishing freezes them into a numbered <see cref="RoleCardVersion"/>, which is what
/// employees read and acknowledge. The touchpoints on a card are not part of it: they are the touchpoints whose
/// owning roles include this job role, read live.
/// </summary>
public sealed class RoleCard : IAudited
{
    public int Id { get; set; }
    public int JobRoleId { get; set; }
    public JobRole? JobRole { get; set; }
    /// <summary>The brand promise for this role (Markdown).</summary>
    public string BrandPromise { get; set; } = "";
    /// <summary>Expected behaviours, one line each (see <see cref="TouchpointLines"/>).</summary>
    public string Behaviours { get; set; } = "";
    public List<RoleCardKpi> Kpis { get; set; } = [];
    public List<RequiredTraining> Training { get; set; } = [];
    /// <summary>Number of the latest published version; 0 while never published.</summary>
    public int PublishedVersion { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>How a person in the role is measured, e.g. "First-call resolution above 80 %".</summary>
public sealed class RoleCardKpi : IAudited
{
    public int Id { get; set; }
    public int RoleCardId { get; set; }
    public int SortOrder { get; set; }
    public required string Text { get; set; }
    /// <summary>Optional key of a live metric in the MetricRegistry that measures this KPI.</summary>
    public string? MetricKey { get; set; }
}

/// <summary>
/// Training the role needs: a title and an optional link today. <see cref="CourseId"/> is the hook for the Learning
/// feature: once courses exist, it points at the course (no foreign key yet, because the table does not exist) and
/// the card links to it instead of <see cref="Url"/>. The card editor keeps a row's CourseId while its title stays.
/// </summary>
public sealed class RequiredTraining : IAudited
{
    public int Id { get; set; }
    public int RoleCardId { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public int? CourseId { get; set; }
}

/// <summary>A published, frozen version of a role card (JSON of <see cref="RoleCardContent"/>).</summary>
public sealed class RoleCardVersion
{
    public int Id { get; set; }
    public int RoleCardId { get; set; }
    public int Number { get; set; }
    public DateTime PublishedUtc { get; set; }
    public string? PublishedByUserId { get; set; }
    public required string SnapshotJson { get; set; }
}

/// <summary>An employee's "I have read and accept this" for one version of a card; a new version asks again.</summary>
public sealed class RoleCardAcknowledgement
{
    public int Id { get; set; }
    public int RoleCardId { get; set; }
    public int Version { get; set; }
    public int EmployeeId { get; set; }
    public DateTime AcknowledgedUtc { get; set; }
}

public sealed record RoleCardKpiItem(string Text, string? MetricKey);

public sealed record TrainingItem(string Title, string? Url, int? CourseId);

/// <summary>What a card says: the working copy and every published version have this shape.</summary>
public sealed record RoleCardContent(string BrandPromise, IReadOnlyList<string> Behaviours, IReadOnlyList<RoleCardKpiItem> Kpis, IReadOnlyList<TrainingItem> Training)
{
    public static RoleCardContent Of(RoleCard card) => new(
        card.BrandPromise,
        TouchpointLines.Split(card.Behaviours),
        [.. card.Kpis.OrderBy(k => k.SortOrder).Select(k => new RoleCardKpiItem(k.Text, k.MetricKey))],
        [.. card.Training.OrderBy(t => t.SortOrder).Select(t => new TrainingItem(t.Title, t.Url, t.CourseId))]);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static RoleCardContent FromJson(string json) =>
        JsonSerializer.Deserialize<RoleCardContent>(json) ?? throw new InvalidOperationException("Empty role card snapshot.");
}

internal sealed class RoleCardConfiguration :
    IEntityTypeConfiguration<RoleCard>, IEntityTypeConfiguration<RoleCardKpi>, IEntityTypeConfiguration<RequiredTraining>,
    IEntityTypeConfiguration<RoleCardVersion>, IEntityTypeConfiguration<RoleCardAcknowledgement>
{
    public void Configure(EntityTypeBuilder<RoleCard> b)
    {
        b.Property(c => c.BrandPromise).HasMaxLength(TouchpointRules.MaxMarkdown);
        b.Property(c => c.Behaviours).HasMaxLength(TouchpointLines.MaxStored);
        // A deleted job role takes its card, versions and acknowledgements with it.
        b.HasOne(c => c.JobRole).WithMany().HasForeignKey(c => c.JobRoleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.JobRoleId).IsUnique();
        b.HasMany(c => c.Kpis).WithOne().HasForeignKey(k => k.RoleCardId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Training).WithOne().HasForeignKey(t => t.RoleCardId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RoleCardKpi> b)
    {
        b.Property(k => k.Text).HasMaxLength(RoleCardRules.MaxItem);
        b.Property(k => k.MetricKey).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<RequiredTraining> b)
    {
        b.ToTable("RequiredTraining");
        b.Property(t => t.Title).HasMaxLength(RoleCardRules.MaxItem);
        b.Property(t => t.Url).HasMaxLength(RoleCardRules.MaxUrl);
    }

    public void Configure(EntityTypeBuilder<RoleCardVersion> b)
    {
        b.Property(v => v.PublishedByUserId).HasMaxLength(450);
        b.HasOne<RoleCard>().WithMany().HasForeignKey(v => v.RoleCardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.RoleCardId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RoleCardAcknowledgement> b)
    {
        b.HasOne<RoleCard>().WithMany().HasForeignKey(a => a.RoleCardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.RoleCardId, a.Version, a.EmployeeId }).IsUnique();
        b.HasIndex(a => a.EmployeeId);
    }
}
