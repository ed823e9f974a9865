using System.Text.Json.Serialization;
using Inward.Features.People;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Panel;

[JsonConverter(typeof(JsonStringEnumConverter<PanelMembership>))]
public enum PanelMembership
{
    Invited,
    Member,
    Declined,
}

[JsonConverter(typeof(JsonStringEnumConverter<PanelInputStatus>))]
public enum PanelInputStatus
{
    Open,
    InProgress,
    Done,
    Declined,
}

/// <summary>A top performer HR nominated for the advisory panel, and whether they accepted. Named and audited: the panel is not anonymous.</summary>
public sealed class PanelMember : IAudited
{
    public const int ReasonMax = 1000;

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>Why HR nominated them (e.g. "best first-call resolution of the year").</summary>
    public string Reason { get; set; } = "";
    public PanelMembership Membership { get; set; }
    public string NominatedBy { get; set; } = "";
    public DateTime NominatedUtc { get; set; }
}

/// <summary>A discussion thread of the panel.</summary>
public sealed class PanelTopic : IAudited
{
    public const int TitleMax = 200;

    public int Id { get; set; }
    public required string Title { get; set; }
    public int? AuthorEmployeeId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A post in a panel thread (Markdown).</summary>
public sealed class PanelPost : IAudited
{
    public const int TextMax = 4000;

    public int Id { get; set; }
    public int TopicId { get; set; }
    public int? AuthorEmployeeId { get; set; }
    public string AuthorName { get; set; } = "";
    public required string Text { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The panel's input on an HR or internal-marketing issue, and what was done with it.</summary>
public sealed class PanelInput : IAudited
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;

    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>What the panel said (Markdown).</summary>
    public required string Input { get; set; }
    public PanelInputStatus Status { get; set; }
    /// <summary>What was done with it (Markdown); required once done or declined.</summary>
    public string? Outcome { get; set; }
    public DateTime RecordedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

internal sealed class PanelConfiguration : IEntityTypeConfiguration<PanelMember>, IEntityTypeConfiguration<PanelTopic>, IEntityTypeConfiguration<PanelPost>,
    IEntityTypeConfiguration<PanelInput>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.ToTable("PanelMembers");
        b.Property(m => m.Reason).HasMaxLength(PanelMember.ReasonMax);
        b.Property(m => m.Membership).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.NominatedBy).HasMaxLength(256);
        b.HasOne<Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.EmployeeId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PanelTopic> b)
    {
        b.ToTable("PanelTopics");
        b.Property(t => t.Title).HasMaxLength(PanelTopic.TitleMax);
        b.Property(t => t.AuthorName).HasMaxLength(200);
        b.HasOne<Employee>().WithMany().HasForeignKey(t => t.AuthorEmployeeId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PanelPost> b)
    {
        b.ToTable("PanelPosts");
        b.Property(p => p.Text).HasMaxLength(PanelPost.TextMax);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.HasOne<PanelTopic>().WithMany().HasForeignKey(p => p.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(p => p.AuthorEmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.TopicId, p.Id });
    }

    public void Configure(EntityTypeBuilder<PanelInput> b)
    {
        b.ToTable("PanelInputs");
        b.Property(i => i.Title).HasMaxLength(PanelInput.TitleMax);
        b.Property(i => i.Input).HasMaxLength(PanelInput.TextMax);
        b.Property(i => i.Outcome).HasMaxLength(PanelInput.TextMax);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
    }
}
