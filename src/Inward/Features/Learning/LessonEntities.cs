using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Learning;

/// <summary>
/// One lesson of a course, in <see cref="SortOrder"/>: Markdown text, optional media (an uploaded image or audio file, or an
/// https link to a video or audio), attachments (stored files of owner kind "lesson") and an optional link to a page of
/// another feature (brand book, plan, touchpoint, role card), kept as a local path.
/// </summary>
public sealed class Lesson : IAudited
{
    public const int TitleMax = 200;
    public const int BodyMax = 50_000;
    public const int UrlMax = 1000;
    public const int LinkLabelMax = 200;

    public int Id { get; set; }
    public int CourseId { get; set; }
    /// <summary>Position in the course, from 1; lessons are addressed by it (/learning/courses/{id}/lessons/{n}).</summary>
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown, rendered through SafeMarkdown.</summary>
    public string Body { get; set; } = "";
    /// <summary>An uploaded image or audio file (owner kind "lesson"), or none.</summary>
    public Guid? MediaFileId { get; set; }
    /// <summary>An https link to a video or audio elsewhere, or none.</summary>
    public string? MediaUrl { get; set; }
    /// <summary>A local path into another feature, e.g. "/brand" or "/touchpoints/4", or none.</summary>
    public string? LinkPath { get; set; }
    public string? LinkLabel { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// A person's lesson marked done, in one round of the course. Round n starts after the person's n-th completion, so
/// re-taking a course (re-certification) begins with nothing done while earlier rounds stay as history.
/// </summary>
public sealed class LessonProgress
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public int LessonId { get; set; }
    public required string UserId { get; set; }
    public int Round { get; set; }
    public DateTime DoneUtc { get; set; }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>, IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.ToTable("Lessons");
        b.Property(l => l.Title).HasMaxLength(Lesson.TitleMax);
        b.Property(l => l.Body).HasMaxLength(Lesson.BodyMax);
        b.Property(l => l.MediaUrl).HasMaxLength(Lesson.UrlMax);
        b.Property(l => l.LinkPath).HasMaxLength(Lesson.UrlMax);
        b.Property(l => l.LinkLabel).HasMaxLength(Lesson.LinkLabelMax);
        b.HasOne<Course>().WithMany().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.CourseId, l.SortOrder });
    }

    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.ToTable("LessonProgress");
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasOne<Lesson>().WithMany().HasForeignKey(p => p.LessonId).OnDelete(DeleteBehavior.Cascade);
        // Marking a lesson done twice (two tabs, a double tap) keeps one row.
        b.HasIndex(p => new { p.LessonId, p.UserId, p.Round }).IsUnique();
        b.HasIndex(p => new { p.CourseId, p.UserId, p.Round });
    }
}
