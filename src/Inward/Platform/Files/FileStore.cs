using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Inward.Features.Settings;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Inward.Platform.Files;

/// <summary>Upload settings (section "Files"). Limits are in bytes and must stay under <see cref="FileStore.HardRequestLimit"/>.</summary>
public sealed class FileOptions
{
    /// <summary>Where the bytes go; default &lt;Inward:DataDirectory&gt;/files.</summary>
    public string? Root { get; set; }
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;
    public long MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxAudioBytes { get; set; } = 100 * 1024 * 1024;
    public long MaxVideoBytes { get; set; } = 200 * 1024 * 1024;

    public long MaxBytes(FileUse use) => Math.Min(FileStore.HardFileLimit, use switch
    {
        FileUse.Image => MaxImageBytes,
        FileUse.Document => MaxDocumentBytes,
        FileUse.Video => MaxVideoBytes,
        _ => MaxAudioBytes,
    });
}

/// <summary>The outcome of an upload: the stored row (and for audio its duration), or a message for the person.</summary>
public sealed record UploadResult(StoredFile? File, string? Error, TimeSpan? Duration = null)
{
    public bool Ok => File is not null;
}

/// <summary>
/// The one upload store (issue 5; course media reuse it): checks an upload against the allow-list of its use by its bytes,
/// refuses names or browser types that contradict the bytes, strips image metadata, writes the bytes under a path made
/// from a new random id, and records the metadata. Serving is in <see cref="FilesEndpoints"/>.
/// </summary>
public sealed class FileStore(InwardDbContext db, IOptions<FileOptions> options, IConfiguration configuration, TimeProvider clock,
    IStringLocalizer<Strings> t)
{
    /// <summary>The largest file the store accepts whatever the configuration says.</summary>
    public const long HardFileLimit = 200L * 1024 * 1024;
    /// <summary>The request-body limit of upload forms (Kestrel and multipart): a file a little over its use's limit gets a clear message.</summary>
    public const long HardRequestLimit = HardFileLimit + 16 * 1024 * 1024;

    public FileOptions Options => options.Value;

    public string Root => Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.Root)
        ? Path.Combine(DatabaseSetup.DataDirectory(configuration), "files")
        : options.Value.Root);

    /// <summary>The file's path on disk: only from the id, so no name can point elsewhere.</summary>
    public string PathOf(Guid id)
    {
        var n = id.ToString("N", CultureInfo.InvariantCulture);
        return Path.Combine(Root, n[..2], n);
    }

    public static string ReadableSize(long bytes) =>
        bytes >= 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    /// <summary>Checks and stores an upload for an owner. Nothing is written (disk or database) when it is refused.</summary>
    public async Task<UploadResult> SaveAsync(IFormFile? upload, FileUse use, string ownerKind, int ownerId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (upload is null || upload.Length == 0)
        {
            return new(null, t["The file is empty."]);
        }
        var max = Options.MaxBytes(use);
        if (upload.Length > max)
        {
            return new(null, t["The file is too large: at most {0}.", ReadableSize(max)]);
        }
        byte[] bytes;
        await using (var stream = upload.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)upload.Length);
            await stream.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        return await SaveAsync(bytes, upload.FileName, upload.ContentType, use, ownerKind, ownerId, user, ct);
    }

    public async Task<UploadResult> SaveAsync(byte[] bytes, string? fileName, string? browserType, FileUse use, string ownerKind, int ownerId,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var check = Check(bytes, fileName, browserType, use, Options.MaxBytes(use));
        if (check.Error is { } error)
        {
            return new(null, t[error.Message, [.. error.Arguments]]);
        }
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            FileName = check.Name,
            ContentType = check.Type!.ContentType,
            Use = use,
            Size = check.Bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(check.Bytes)),
            UploadedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UploadedByName = user.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "",
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var path = PathOf(file.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, check.Bytes, ct);
        File.Move(temporary, path, overwrite: false);
        db.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return new(file, null, check.Duration);
    }

    /// <summary>A refusal: the English message (a localisation key) and its arguments.</summary>
    public sealed record Refusal(string Message, params string[] Arguments);

    /// <summary>The result of <see cref="Check"/>: the bytes to store (images without metadata), the safe name and type.</summary>
    public sealed record Checked(Refusal? Error, byte[] Bytes, string Name, SniffedType? Type, TimeSpan? Duration);

    /// <summary>
    /// The pure check of an upload: not empty, within the limit, a type of the use's allow-list by its bytes, a name whose
    /// extension and a browser type that agree with the bytes, images within 4096 px a side (metadata stripped), audio
    /// with a readable duration.
    /// </summary>
    public static Checked Check(byte[] bytes, string? fileName, string? browserType, FileUse use, long maxBytes)
    {
        Checked Refuse(string message, params string[] args) => new(new Refusal(message, args), [], "", null, null);
        if (bytes.Length == 0)
        {
            return Refuse("The file is empty.");
        }
        if (bytes.Length > maxBytes)
        {
            return Refuse("The file is too large: at most {0}.", ReadableSize(maxBytes));
        }
        var allowed = FileSniffer.AllowedFor(use);
        var allowedList = string.Join(", ", allowed.Select(a => a.Extension.TrimStart('.')).Distinct());
        var type = FileSniffer.Sniff(bytes, fileName);
        if (type is null || !allowed.Contains(type))
        {
            return type is null
                ? Refuse("This kind of file is not accepted here. Allowed: {0}.", allowedList)
                : Refuse("A {0} file is not accepted here. Allowed: {1}.", type.Name, allowedList);
        }
        var extension = Path.GetExtension(SafeName(fileName, "")).ToLowerInvariant();
        if (extension.Length > 0 && !type.Extensions.Contains(extension, StringComparer.Ordinal))
        {
            return Refuse("The file's name ends in {0} but its content is a {1} file. Rename it or choose the right file.", extension, type.Name);
        }
        var declared = (browserType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (declared.Length > 0 && declared != "application/octet-stream" && !type.ContentTypes.Contains(declared, StringComparer.Ordinal))
        {
            return Refuse("The browser says this file is {0} but its content is a {1} file.", declared, type.Name);
        }
        var stored = bytes;
        TimeSpan? duration = null;
        if (type.Use == FileUse.Image)
        {
            if (type == FileSniffer.Gif)
            {
                var w = bytes.Length >= 10 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)) : 0;
                var h = bytes.Length >= 10 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : 0;
                if (w == 0 || h == 0)
                {
                    return Refuse("The image is damaged or incomplete.");
                }
                if (w > LogoImage.MaxSide || h > LogoImage.MaxSide)
                {
                    return Refuse("The image is too large: at most {0} pixels a side.", LogoImage.MaxSide.ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                var image = LogoImage.Check(bytes, maxBytes);
                if (!image.Ok)
                {
                    return image.Problem == LogoProblem.TooManyPixels
                        ? Refuse("The image is too large: at most {0} pixels a side.", LogoImage.MaxSide.ToString(CultureInfo.InvariantCulture))
                        : Refuse("The image is damaged or incomplete.");
                }
                stored = image.Bytes;
            }
        }
        else if (type.Use == FileUse.Audio)
        {
            duration = AudioDuration.Read(bytes, type);
            if (duration is null || duration <= TimeSpan.Zero)
            {
                return Refuse("The audio file is damaged or its length cannot be read.");
            }
        }
        return new(null, stored, SafeName(fileName, type.Extension), type, duration);
    }

    /// <summary>
    /// A file name that is safe to show and to send in Content-Disposition: the last path segment only, no control or
    /// reserved characters, no leading dots, at most <see cref="StoredFile.NameMax"/> characters, with the given extension
    /// (the sniffed type's) when one is given.
    /// </summary>
    public static string SafeName(string? original, string extension)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*' or '%' or ';') && !char.IsSurrogate(c)
                && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                clean.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }
        name = clean.ToString().Trim().TrimStart('.').Trim();
        if (extension.Length > 0)
        {
            var stem = Path.GetFileNameWithoutExtension(name).Trim().TrimEnd('.');
            stem = stem.Length == 0 ? "file" : stem;
            stem = stem[..Math.Min(stem.Length, StoredFile.NameMax - extension.Length)];
            return stem + extension;
        }
        return name.Length == 0 ? "file" : name[..Math.Min(name.Length, StoredFile.NameMax)];
    }

    /// <summary>The files of one owner, oldest first.</summary>
    public Task<List<StoredFile>> OfOwnerAsync(string ownerKind, int ownerId, CancellationToken ct = default) =>
        db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerKind == ownerKind && f.OwnerId == ownerId)
            .OrderBy(f => f.UploadedUtc).ThenBy(f => f.FileName).ToListAsync(ct);

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>Deletes a file of this owner (row and bytes). False when the owner has no such file.</summary>
    public async Task<bool> DeleteAsync(Guid id, string ownerKind, int ownerId, CancellationToken ct = default)
    {
        var file = await db.Set<StoredFile>().SingleOrDefaultAsync(f => f.Id == id && f.OwnerKind == ownerKind && f.OwnerId == ownerId, ct);
        if (file is null)
        {
            return false;
        }
        db.Remove(file);
        await db.SaveChangesAsync(ct);
        var path = PathOf(id);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        return true;
    }
}
