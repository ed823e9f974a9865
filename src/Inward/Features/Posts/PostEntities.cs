using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Posts;

public enum PostType
{
    Announcement,
    News,
    Briefing,
    SuccessStory,
    NewsletterIssue,
}

/// <summary>Where a post is in its life: draft → in review → scheduled → published → expired.</summary>
public enum PostStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Expired,
}

/// <summary>A targeted message: Markdown body, an audience rule (JSON, evaluated at read time), optional must-read due date.</summary>
public sealed class Post : IAudited
{
    public const int TitleMax = 200;
    public const int BodyMax = 50_000;

    public int Id { get; set; }
    public PostType Type { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>An <see cref="Audiences.AudienceRule"/> as JSON.</summary>
    public required string AudienceJson { get; set; }
    public PostStatus Status { get; set; }
    public DateTime? PublishedUtc { get; set; }
    /// <summary>When a scheduled post goes live (a background job at this time publishes it).</summary>
    public DateTime? PublishAtUtc { get; set; }
    public DateTime? ExpiresUtc { get; set; }
    /// <summary>The access role whose holders (other than the author) may approve the post while it is in review.</summary>
    public string? ApproverRole { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    /// <summary>The last reviewer's comment (a rejection's reason).</summary>
    public string? ReviewComment { get; set; }
    public string? ReviewedByName { get; set; }
    /// <summary>The last change of the text after publication ("edited" for readers).</summary>
    public DateTime? EditedUtc { get; set; }
    public bool Pinned { get; set; }
    public bool MustRead { get; set; }
    public DateOnly? MustReadDue { get; set; }
    /// <summary>Urgent posts are e-mailed at once, like must-reads; others wait for each reader's digest.</summary>
    public bool Urgent { get; set; }
    public bool AllowComments { get; set; } = true;
    public bool AllowReactions { get; set; } = true;
    public required string AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Kept in step with <see cref="AudienceJson"/> by <see cref="PostAudienceIndexer"/> on every save.</summary>
    public List<PostAudienceKey> AudienceKeys { get; set; } = [];
}

/// <summary>One coarse audience key of a post (see <see cref="Audiences.AudienceIndex"/>): the feed's index.</summary>
public sealed class PostAudienceKey
{
    public int PostId { get; set; }
    public required string Key { get; set; }
}

/// <summary>The first time an employee opened a post.</summary>
public sealed class PostRead
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public int EmployeeId { get; set; }
    public DateTime FirstOpenedUtc { get; set; }
}

/// <summary>"I have read and understood" on a must-read post.</summary>
public sealed class PostAcknowledgement
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public int EmployeeId { get; set; }
    public DateTime AcknowledgedUtc { get; set; }
}

internal sealed class PostConfiguration :
    IEntityTypeConfiguration<Post>, IEntityTypeConfiguration<PostRead>, IEntityTypeConfiguration<PostAcknowledgement>,
    IEntityTypeConfiguration<PostAudienceKey>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.ToTable("Posts");
        b.Property(p => p.Title).HasMaxLength(Post.TitleMax);
        b.Property(p => p.Body).HasMaxLength(Post.BodyMax);
        b.Property(p => p.AudienceJson).HasMaxLength(200_000);
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.AuthorUserId).HasMaxLength(450);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.ApproverRole).HasMaxLength(40);
        b.Property(p => p.ReviewComment).HasMaxLength(PostRules.CommentMax);
        b.Property(p => p.ReviewedByName).HasMaxLength(200);
        b.HasIndex(p => new { p.Status, p.PublishedUtc });
        b.HasIndex(p => new { p.Pinned, p.Status, p.PublishedUtc });
        b.HasIndex(p => new { p.MustRead, p.Status, p.PublishedUtc });
        b.HasIndex(p => p.UpdatedUtc);
        b.HasMany(p => p.AudienceKeys).WithOne().HasForeignKey(k => k.PostId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PostAudienceKey> b)
    {
        b.ToTable("PostAudienceKeys");
        b.HasKey(k => new { k.PostId, k.Key });
        b.Property(k => k.Key).HasMaxLength(Audiences.AudienceIndex.KeyMax);
        b.HasIndex(k => new { k.Key, k.PostId });
    }

    public void Configure(EntityTypeBuilder<PostRead> b)
    {
        b.ToTable("PostReads");
        b.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PostId, r.EmployeeId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PostAcknowledgement> b)
    {
        b.ToTable("PostAcknowledgements");
        b.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.PostId, a.EmployeeId }).IsUnique();
        b.HasIndex(a => a.EmployeeId);
    }
}
