using Inward.Features.Posts;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Comments;

/// <summary>A reader's comment on a post: plain text or Markdown (rendered through SafeMarkdown). Moderators may hide it.</summary>
public sealed class PostComment : IAudited
{
    public const int BodyMax = 2000;

    public int Id { get; set; }
    public int PostId { get; set; }
    public int AuthorEmployeeId { get; set; }
    /// <summary>The author's name when they wrote it, so a list needs no join.</summary>
    public string AuthorName { get; set; } = "";
    public required string Body { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }
    /// <summary>Set when a moderator hid the comment; readers see a placeholder instead of the text.</summary>
    public DateTime? HiddenUtc { get; set; }
}

/// <summary>One person's reaction of one kind on a post (unique per person and kind; toggled).</summary>
public sealed class PostReaction
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public int EmployeeId { get; set; }
    public required string Kind { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A person a comment mentioned and notified, so an edit notifies only the newly mentioned.</summary>
public sealed class CommentMention
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public int EmployeeId { get; set; }
}

internal sealed class CommentConfiguration :
    IEntityTypeConfiguration<PostComment>, IEntityTypeConfiguration<PostReaction>, IEntityTypeConfiguration<CommentMention>
{
    public void Configure(EntityTypeBuilder<PostComment> b)
    {
        b.ToTable("PostComments");
        b.Property(c => c.Body).HasMaxLength(PostComment.BodyMax);
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(c => c.AuthorEmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.PostId, c.CreatedUtc });
    }

    public void Configure(EntityTypeBuilder<PostReaction> b)
    {
        b.ToTable("PostReactions");
        b.Property(r => r.Kind).HasMaxLength(20);
        b.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PostId, r.EmployeeId, r.Kind }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CommentMention> b)
    {
        b.ToTable("CommentMentions");
        b.HasOne<PostComment>().WithMany().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.CommentId, m.EmployeeId }).IsUnique();
    }
}
