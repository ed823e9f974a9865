using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Platform.Files;

/// <summary>What an upload is used for: each use has its own allow-list of types and its own size limit.</summary>
public enum FileUse
{
    Image,
    Document,
    Audio,
    Video,
}

/// <summary>
/// One uploaded file. The bytes live on disk under <c>Files:Root</c> (outside wwwroot) in a path built from the id only;
/// the row says which object owns the file (its kind and id), which decides who may download it.
/// </summary>
public sealed class StoredFile
{
    public const int NameMax = 120;

    /// <summary>Random and unguessable; also the file's name on disk.</summary>
    public Guid Id { get; set; }
    /// <summary>The owning feature, e.g. "post" or "radio" (<see cref="IFileOwner.Kind"/>).</summary>
    public required string OwnerKind { get; set; }
    public int OwnerId { get; set; }
    /// <summary>The uploader's file name, sanitised and with the extension of the sniffed type.</summary>
    public required string FileName { get; set; }
    /// <summary>The type found in the bytes (never the browser's claim).</summary>
    public required string ContentType { get; set; }
    public FileUse Use { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the stored bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }
    public required string UploadedByUserId { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedUtc { get; set; }

    public bool IsImage => Use == FileUse.Image;
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.OwnerKind).HasMaxLength(40);
        b.Property(f => f.FileName).HasMaxLength(StoredFile.NameMax);
        b.Property(f => f.ContentType).HasMaxLength(120);
        b.Property(f => f.Use).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedByUserId).HasMaxLength(450);
        b.Property(f => f.UploadedByName).HasMaxLength(200);
        b.HasIndex(f => new { f.OwnerKind, f.OwnerId });
    }
}
