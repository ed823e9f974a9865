using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Platform.Identity;

/// <summary>An API token. Only a SHA-256 hash of the secret is stored; the secret is shown once at creation.</summary>
public sealed class PersonalAccessToken : IAudited
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>First characters of the secret, to recognise a token in the list.</summary>
    public required string Prefix { get; set; }
    [AuditIgnore]
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<InwardUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
