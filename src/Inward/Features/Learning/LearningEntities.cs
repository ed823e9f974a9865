using Inward.Platform.Audit;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Learning;

public enum CourseStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>
/// A course on the brand, the strategy or a job: ordered lessons and an optional quiz. Who may take it is an
/// <see cref="Audiences.AudienceRule"/> (partner organisations included, for extranet training), evaluated at read time.
/// </summary>
public sealed class Course : IAudited
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 20_000;

    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown, rendered through SafeMarkdown.</summary>
    public string Description { get; set; } = "";
    /// <summary>A cover image in the file store (owner kind "course"), or none.</summary>
    public Guid? CoverFileId { get; set; }
    /// <summary>The account that owns the course (answers questions, keeps it current).</summary>
    public required string OwnerUserId { get; set; }
    public int EstimatedMinutes { get; set; }
    /// <summary>Language codes the course is offered in, comma-separated ("en,pl").</summary>
    public string Languages { get; set; } = "en";
    /// <summary>Who may open the course: an AudienceRule as JSON.</summary>
    public required string AudienceJson { get; set; }
    public CourseStatus Status { get; set; }
    /// <summary>Re-certification every this many months: certificates expire then. Null: they never expire.</summary>
    public int? RecertifyMonths { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// One person finishing a course (every lesson done and, if there is a quiz, passed). A person who re-certifies gets a
/// new row; the newest counts. Keyed by account so partner users (who have no employee record) can learn too.
/// </summary>
public sealed class CourseCompletion
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public required string UserId { get; set; }
    /// <summary>The learner's employee record; null for partner users.</summary>
    public int? EmployeeId { get; set; }
    public DateTime CompletedUtc { get; set; }
    /// <summary>The passing quiz score in percent; null when the course has no quiz.</summary>
    public int? ScorePercent { get; set; }
}

/// <summary>
/// Told when someone completes a course, before the completion is saved: implementations add their own rows
/// (a certificate, an assignment marked done) to <paramref name="db"/> and the caller saves everything at once.
/// </summary>
public interface ICourseCompletedHandler
{
    Task OnCompletedAsync(InwardDbContext db, CourseCompletion completion, Course course, CancellationToken ct);
}

internal sealed class LearningContractConfiguration :
    IEntityTypeConfiguration<Course>, IEntityTypeConfiguration<CourseCompletion>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("Courses");
        b.Property(c => c.Title).HasMaxLength(Course.TitleMax);
        b.Property(c => c.Description).HasMaxLength(Course.DescriptionMax);
        b.Property(c => c.OwnerUserId).HasMaxLength(450);
        b.Property(c => c.Languages).HasMaxLength(100);
        b.Property(c => c.AudienceJson).HasMaxLength(200_000);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => c.Status);
    }

    public void Configure(EntityTypeBuilder<CourseCompletion> b)
    {
        b.ToTable("CourseCompletions");
        b.Property(c => c.UserId).HasMaxLength(450);
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.CourseId, c.UserId, c.CompletedUtc });
        b.HasIndex(c => c.EmployeeId);
    }
}
