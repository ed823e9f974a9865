using Inward.Features.People;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Plan;

public enum PlanStatus
{
    /// <summary>Being written; only plan editors see it.</summary>
    Draft,
    /// <summary>At least one version is published; employees see the latest published version.</summary>
    Published,
    /// <summary>Kept for the record; no longer the current plan.</summary>
    Archived,
}

/// <summary>
/// The written internal-marketing plan for a period. The rows (goals, KPIs, initiatives) are the working
/// copy editors change; publishing freezes them into a numbered <see cref="PlanVersion"/>, which is what
/// employees read, acknowledge and comment on. KPI values stay live.
/// </summary>
public sealed class InternalMarketingPlan : IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Why this plan exists and what it wants to change (Markdown).</summary>
    public string? Summary { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Total budget in the company currency.</summary>
    public decimal Budget { get; set; }
    public int? OwnerEmployeeId { get; set; }
    public Employee? Owner { get; set; }
    public PlanStatus Status { get; set; }
    /// <summary>Number of the latest published version; 0 while never published.</summary>
    public int PublishedVersion { get; set; }
    /// <summary>True when the working copy differs from the latest published version.</summary>
    public bool HasUnpublishedChanges { get; set; } = true;
    /// <summary>The playbook answers this plan was generated from (JSON), if any.</summary>
    public string? PlaybookProfileJson { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public List<PlanGoal> Goals { get; set; } = [];
    public List<Initiative> Initiatives { get; set; } = [];
}

/// <summary>A goal of the plan, e.g. "Every employee can state our brand promise".</summary>
public sealed class PlanGoal : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public List<Kpi> Kpis { get; set; } = [];
}

public enum KpiSource
{
    /// <summary>Someone enters values (with date and note).</summary>
    Manual,
    /// <summary>The value is read live from a metric of the <see cref="Platform.Metrics.MetricRegistry"/>.</summary>
    Metric,
}

/// <summary>Whether a higher or a lower value is better, for judging progress towards the target.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A measurable indicator of a goal, with baseline and target.</summary>
public sealed class Kpi : IAudited
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public required string Name { get; set; }
    public KpiSource Source { get; set; }
    /// <summary>Registry key when <see cref="Source"/> is Metric.</summary>
    public string? MetricKey { get; set; }
    /// <summary>Narrows a metric to a department (and its sub-departments); null means the whole company.</summary>
    public int? MetricDepartmentId { get; set; }
    public Department? MetricDepartment { get; set; }
    /// <summary>Free unit for manual KPIs ("%", "points", "calls"); metric KPIs take the metric's unit.</summary>
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public KpiDirection Direction { get; set; }
    public List<KpiReading> Readings { get; set; } = [];
}

/// <summary>A manually entered KPI value.</summary>
public sealed class KpiReading : IAudited
{
    public int Id { get; set; }
    public int KpiId { get; set; }
    public decimal Value { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public string? Note { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTime RecordedUtc { get; set; }
}

public enum InitiativeStatus
{
    Planned,
    InProgress,
    Done,
    OnHold,
    Cancelled,
}

/// <summary>Something the plan does: usually a tactic from the catalogue, with owner, audience, dates and budget.</summary>
public sealed class Initiative : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>The goal it serves; null while not linked.</summary>
    public int? GoalId { get; set; }
    public PlanGoal? Goal { get; set; }
    /// <summary>Key in <see cref="TacticCatalogue"/>; null for a custom initiative.</summary>
    public string? TacticKey { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? OwnerEmployeeId { get; set; }
    public Employee? Owner { get; set; }
    /// <summary>Who should own it when no person is chosen yet, e.g. "HR lead" (from the playbook).</summary>
    public string? OwnerRole { get; set; }
    /// <summary>Departments it addresses; empty means everyone.</summary>
    public List<Department> AudienceDepartments { get; set; } = [];
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public InitiativeStatus Status { get; set; }
    public decimal BudgetPlanned { get; set; }
    public decimal BudgetSpent { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A published, frozen version of a plan: the JSON snapshot of everything employees see.</summary>
public sealed class PlanVersion
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Number { get; set; }
    public DateTime PublishedUtc { get; set; }
    public string? PublishedByUserId { get; set; }
    /// <summary>What changed since the previous version, shown to employees.</summary>
    public string? ChangeNote { get; set; }
    public required string SnapshotJson { get; set; }
}

/// <summary>An employee's "I have read this plan" for one published version.</summary>
public sealed class PlanAcknowledgement
{
    public int Id { get; set; }
    public int PlanVersionId { get; set; }
    public int EmployeeId { get; set; }
    public DateTime AcknowledgedUtc { get; set; }
}

public enum SuggestionStatus
{
    New,
    Considered,
    Adopted,
    Declined,
}

/// <summary>An employee's suggestion on the plan; the owner answers it publicly.</summary>
public sealed class PlanSuggestion : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? AuthorEmployeeId { get; set; }
    public Employee? Author { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedUtc { get; set; }
    public SuggestionStatus Status { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredUtc { get; set; }
    public int? AnsweredByEmployeeId { get; set; }
}

internal sealed class PlanConfiguration :
    IEntityTypeConfiguration<InternalMarketingPlan>, IEntityTypeConfiguration<PlanGoal>, IEntityTypeConfiguration<Kpi>,
    IEntityTypeConfiguration<KpiReading>, IEntityTypeConfiguration<Initiative>, IEntityTypeConfiguration<PlanVersion>,
    IEntityTypeConfiguration<PlanAcknowledgement>, IEntityTypeConfiguration<PlanSuggestion>
{
    private const int Money = 18;

    public void Configure(EntityTypeBuilder<InternalMarketingPlan> b)
    {
        b.ToTable("Plans");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Summary).HasMaxLength(20_000);
        b.Property(p => p.Budget).HasPrecision(Money, 2);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Initiatives).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.Status, p.StartsOn });
    }

    public void Configure(EntityTypeBuilder<PlanGoal> b)
    {
        b.Property(g => g.Title).HasMaxLength(300);
        b.Property(g => g.Description).HasMaxLength(4000);
        b.HasMany(g => g.Kpis).WithOne().HasForeignKey(k => k.GoalId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.Property(k => k.Name).HasMaxLength(300);
        b.Property(k => k.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(k => k.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(k => k.MetricKey).HasMaxLength(100);
        b.Property(k => k.Unit).HasMaxLength(40);
        b.Property(k => k.Baseline).HasPrecision(Money, 2);
        b.Property(k => k.Target).HasPrecision(Money, 2);
        b.HasOne(k => k.MetricDepartment).WithMany().HasForeignKey(k => k.MetricDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(k => k.Readings).WithOne().HasForeignKey(r => r.KpiId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<KpiReading> b)
    {
        b.Property(r => r.Value).HasPrecision(Money, 2);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.Property(r => r.RecordedByUserId).HasMaxLength(450);
        b.HasIndex(r => new { r.KpiId, r.MeasuredOn });
    }

    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(i => i.Title).HasMaxLength(300);
        b.Property(i => i.Description).HasMaxLength(8000);
        b.Property(i => i.TacticKey).HasMaxLength(60);
        b.Property(i => i.OwnerRole).HasMaxLength(100);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.BudgetPlanned).HasPrecision(Money, 2);
        b.Property(i => i.BudgetSpent).HasPrecision(Money, 2);
        b.HasOne(i => i.Goal).WithMany().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(i => i.AudienceDepartments).WithMany().UsingEntity("InitiativeAudienceDepartments");
        b.HasIndex(i => new { i.PlanId, i.StartsOn });
    }

    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.Property(v => v.ChangeNote).HasMaxLength(2000);
        b.Property(v => v.PublishedByUserId).HasMaxLength(450);
        b.HasOne<InternalMarketingPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PlanAcknowledgement> b)
    {
        b.HasOne<PlanVersion>().WithMany().HasForeignKey(a => a.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.PlanVersionId, a.EmployeeId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PlanSuggestion> b)
    {
        b.Property(s => s.Text).HasMaxLength(4000);
        b.Property(s => s.Answer).HasMaxLength(4000);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<InternalMarketingPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(s => s.AnsweredByEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => new { s.PlanId, s.CreatedUtc });
    }
}
