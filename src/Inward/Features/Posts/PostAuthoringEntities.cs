using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Posts;

/// <summary>
/// A department variant and/or a translation of a post: the text readers of <see cref="DepartmentId"/> (and its
/// sub-departments) get, in <see cref="Language"/>. Both null is not allowed (that is the post's own default text).
/// </summary>
public sealed class PostText
{
    public const int LanguageMax = 10;

    public int Id { get; set; }
    public int PostId { get; set; }
    public int? DepartmentId { get; set; }
    public string? Language { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
}

/// <summary>A snapshot of a post's texts after a saved change: who, when, why.</summary>
public sealed class PostRevision
{
    public const int NoteMax = 500;

    public int Id { get; set; }
    public int PostId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The variants and translations as JSON (<see cref="PostTextInput"/> list).</summary>
    public required string TextsJson { get; set; }
    public string EditorUserId { get; set; } = "";
    public string EditorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string? Note { get; set; }
    /// <summary>The post was published when this change was saved.</summary>
    public bool AfterPublication { get; set; }
}

/// <summary>Company-wide authoring settings (one row).</summary>
public sealed class PostSettings : IAudited
{
    public int Id { get; set; }
    /// <summary>Authors cannot publish directly: every post goes through review.</summary>
    public bool RequireApproval { get; set; }
}

internal sealed class PostAuthoringConfiguration :
    IEntityTypeConfiguration<PostText>, IEntityTypeConfiguration<PostRevision>, IEntityTypeConfiguration<PostSettings>
{
    public void Configure(EntityTypeBuilder<PostText> b)
    {
        b.ToTable("PostTexts");
        b.Property(t => t.Language).HasMaxLength(PostText.LanguageMax);
        b.Property(t => t.Title).HasMaxLength(Post.TitleMax);
        b.Property(t => t.Body).HasMaxLength(Post.BodyMax);
        b.HasOne<Post>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.PostId, t.DepartmentId, t.Language }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PostRevision> b)
    {
        b.ToTable("PostRevisions");
        b.Property(r => r.Title).HasMaxLength(Post.TitleMax);
        b.Property(r => r.Body).HasMaxLength(Post.BodyMax);
        b.Property(r => r.TextsJson).HasMaxLength(2_000_000);
        b.Property(r => r.EditorUserId).HasMaxLength(450);
        b.Property(r => r.EditorName).HasMaxLength(200);
        b.Property(r => r.Note).HasMaxLength(PostRevision.NoteMax);
        b.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PostId, r.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PostSettings> b) => b.ToTable("PostSettings");
}
