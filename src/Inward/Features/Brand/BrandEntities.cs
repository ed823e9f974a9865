using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Brand;

/// <summary>
/// The working copy of the brand book that editors change (one row, Id 1). Employees never see it: publishing
/// freezes it into a numbered <see cref="BrandBookVersion"/>. Values, logo and colours are not copied here: they
/// live in the company settings and are shown from there.
/// </summary>
public sealed class BrandBookDraft : IAudited
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    public string Promise { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string? Mission { get; set; }
    /// <summary>Markdown.</summary>
    public string? Vision { get; set; }
    /// <summary>Markdown.</summary>
    public string? ToneOfVoice { get; set; }
    /// <summary>The do/don't pairs in order, as JSON (<see cref="BrandContent.Examples"/>).</summary>
    public string ExamplesJson { get; set; } = "[]";
    /// <summary>Extra Markdown sections in order, as JSON (<see cref="BrandContent.Sections"/>).</summary>
    public string SectionsJson { get; set; } = "[]";
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedByUserId { get; set; }
}

/// <summary>A published brand book: a frozen JSON snapshot of <see cref="BrandContent"/>, numbered from 1.</summary>
public sealed class BrandBookVersion : IAudited
{
    public int Id { get; set; }
    public int Number { get; set; }
    public DateTime PublishedUtc { get; set; }
    public string? PublishedByUserId { get; set; }
    /// <summary>The publisher's name at the time, so the page needs no join and survives account removal.</summary>
    public string? PublishedByName { get; set; }
    public required string ChangeNote { get; set; }
    public required string SnapshotJson { get; set; }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<BrandBookDraft>, IEntityTypeConfiguration<BrandBookVersion>
{
    public void Configure(EntityTypeBuilder<BrandBookDraft> b)
    {
        b.ToTable("BrandBookDrafts");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Promise).HasMaxLength(BrandRules.PromiseMax);
        b.Property(d => d.Mission).HasMaxLength(BrandRules.StatementMax);
        b.Property(d => d.Vision).HasMaxLength(BrandRules.StatementMax);
        b.Property(d => d.ToneOfVoice).HasMaxLength(BrandRules.ToneMax);
        b.Property(d => d.UpdatedByUserId).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<BrandBookVersion> b)
    {
        b.ToTable("BrandBookVersions");
        b.Property(v => v.PublishedByUserId).HasMaxLength(450);
        b.Property(v => v.PublishedByName).HasMaxLength(256);
        b.Property(v => v.ChangeNote).HasMaxLength(BrandRules.ChangeNoteMax);
        // Two editors publishing at once cannot both get the same number.
        b.HasIndex(v => v.Number).IsUnique();
    }
}
