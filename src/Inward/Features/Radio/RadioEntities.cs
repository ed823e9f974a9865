using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Radio;

public enum EpisodeStatus
{
    Draft,
    Published,
}

/// <summary>An episode of the in-house radio: audio (a stored file), show notes (Markdown), transcript and an audience rule.</summary>
public sealed class RadioEpisode : IAudited
{
    public const int TitleMax = 200;
    public const int NotesMax = 20_000;
    public const int TranscriptMax = 200_000;

    public int Id { get; set; }
    public required string Title { get; set; }
    public string ShowNotes { get; set; } = "";
    public string Transcript { get; set; } = "";
    /// <summary>An <see cref="Audiences.AudienceRule"/> as JSON, evaluated when someone lists or plays.</summary>
    public required string AudienceJson { get; set; }
    public EpisodeStatus Status { get; set; }
    public DateTime? PublishedUtc { get; set; }
    /// <summary>The audio in the file store (owner kind "radio"); null until uploaded.</summary>
    public Guid? AudioFileId { get; set; }
    public int DurationSeconds { get; set; }
    public required string AuthorUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>One play: at most one per person, episode and day (UTC).</summary>
public sealed class RadioPlay
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    public required string UserId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime PlayedUtc { get; set; }
}

/// <summary>
/// A person's private podcast-feed token. Only its SHA-256 is stored; the URL is shown once when it is made. Revoking
/// sets <see cref="RevokedUtc"/>; making a new one revokes the old one.
/// </summary>
public sealed class RadioFeedToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

internal sealed class RadioConfiguration :
    IEntityTypeConfiguration<RadioEpisode>, IEntityTypeConfiguration<RadioPlay>, IEntityTypeConfiguration<RadioFeedToken>
{
    public void Configure(EntityTypeBuilder<RadioEpisode> b)
    {
        b.ToTable("RadioEpisodes");
        b.Property(e => e.Title).HasMaxLength(RadioEpisode.TitleMax);
        b.Property(e => e.ShowNotes).HasMaxLength(RadioEpisode.NotesMax);
        b.Property(e => e.Transcript).HasMaxLength(RadioEpisode.TranscriptMax);
        b.Property(e => e.AudienceJson).HasMaxLength(200_000);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.AuthorUserId).HasMaxLength(450);
        b.HasIndex(e => new { e.Status, e.PublishedUtc });
    }

    public void Configure(EntityTypeBuilder<RadioPlay> b)
    {
        b.ToTable("RadioPlays");
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasIndex(p => new { p.EpisodeId, p.UserId, p.Day }).IsUnique();
        b.HasOne<RadioEpisode>().WithMany().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RadioFeedToken> b)
    {
        b.ToTable("RadioFeedTokens");
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
    }
}
