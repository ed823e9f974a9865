using Inward.Features.Posts;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Wins;

public enum WinKind
{
    ContractSigned,
    SalesTargetReached,
    CustomerPraise,
    Other,
}

/// <summary>A success someone logged (a contract, a target met, praise from a customer), with team credit and evidence.</summary>
public sealed class Win : IAudited
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int EvidenceMax = 2000;
    public const int UrlMax = 500;

    public int Id { get; set; }
    public required string Title { get; set; }
    public WinKind Kind { get; set; }
    /// <summary>Markdown (rendered through SafeMarkdown).</summary>
    public string Description { get; set; } = "";
    public DateOnly WonOn { get; set; }
    /// <summary>What shows it happened: a quote, an order number... (Markdown).</summary>
    public string? Evidence { get; set; }
    /// <summary>An http(s) link to the evidence.</summary>
    public string? EvidenceUrl { get; set; }
    public required string AuthorUserId { get; set; }
    public int? AuthorEmployeeId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>The success-story post made from this win (cleared when that post is deleted).</summary>
    public int? StoryPostId { get; set; }
    public DateTime? StoryCreatedUtc { get; set; }
}

/// <summary>A person credited for a win.</summary>
public sealed class WinPerson
{
    public int WinId { get; set; }
    public int EmployeeId { get; set; }
}

/// <summary>A department credited for a win.</summary>
public sealed class WinDepartment
{
    public int WinId { get; set; }
    public int DepartmentId { get; set; }
}

internal sealed class WinConfiguration :
    IEntityTypeConfiguration<Win>, IEntityTypeConfiguration<WinPerson>, IEntityTypeConfiguration<WinDepartment>
{
    public void Configure(EntityTypeBuilder<Win> b)
    {
        b.ToTable("Wins");
        b.Property(w => w.Title).HasMaxLength(Win.TitleMax);
        b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(w => w.Description).HasMaxLength(Win.DescriptionMax);
        b.Property(w => w.Evidence).HasMaxLength(Win.EvidenceMax);
        b.Property(w => w.EvidenceUrl).HasMaxLength(Win.UrlMax);
        b.Property(w => w.AuthorUserId).HasMaxLength(450);
        b.Property(w => w.AuthorName).HasMaxLength(200);
        b.HasOne<Post>().WithMany().HasForeignKey(w => w.StoryPostId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(w => new { w.WonOn, w.Id });
        b.HasIndex(w => w.CreatedUtc);
    }

    public void Configure(EntityTypeBuilder<WinPerson> b)
    {
        b.ToTable("WinPeople");
        b.HasKey(p => new { p.WinId, p.EmployeeId });
        b.HasOne<Win>().WithMany().HasForeignKey(p => p.WinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.EmployeeId);
    }

    public void Configure(EntityTypeBuilder<WinDepartment> b)
    {
        b.ToTable("WinDepartments");
        b.HasKey(d => new { d.WinId, d.DepartmentId });
        b.HasOne<Win>().WithMany().HasForeignKey(d => d.WinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.DepartmentId);
    }
}
