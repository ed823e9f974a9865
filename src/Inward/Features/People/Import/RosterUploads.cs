using System.Text.Json;
using Inward.Platform.Data;

namespace Inward.Features.People.Import;

/// <summary>An uploaded roster kept between the upload, mapping, preview and apply steps.</summary>
public sealed record RosterUpload(string Id, string FileName, byte[] Content);

/// <summary>
/// Keeps uploaded roster files under data/uploads/imports with server-generated names. An upload is found only
/// by its random id together with the user who uploaded it; files older than a day are swept away.
/// </summary>
public sealed class RosterUploads(IConfiguration configuration, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private sealed record Meta(string OwnerId, string FileName, DateTime UploadedAt);

    private string Folder => Path.Combine(DatabaseSetup.DataDirectory(configuration), "uploads", "imports");

    public async Task<string> SaveAsync(string ownerId, string fileName, byte[] content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        Sweep();
        var id = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(DataPath(id), content, ct);
        var meta = new Meta(ownerId, CleanFileName(fileName), clock.GetUtcNow().UtcDateTime);
        await File.WriteAllTextAsync(MetaPath(id), JsonSerializer.Serialize(meta), ct);
        return id;
    }

    /// <summary>The upload, or null when the id is malformed, unknown, expired or belongs to someone else.</summary>
    public async Task<RosterUpload?> LoadAsync(string id, string ownerId, CancellationToken ct = default)
    {
        if (!IsId(id) || !File.Exists(MetaPath(id)) || !File.Exists(DataPath(id)))
        {
            return null;
        }
        var meta = JsonSerializer.Deserialize<Meta>(await File.ReadAllTextAsync(MetaPath(id), ct));
        if (meta is null || meta.OwnerId != ownerId || clock.GetUtcNow().UtcDateTime - meta.UploadedAt > KeepFor)
        {
            return null;
        }
        return new RosterUpload(id, meta.FileName, await File.ReadAllBytesAsync(DataPath(id), ct));
    }

    public void Delete(string id)
    {
        if (IsId(id))
        {
            File.Delete(DataPath(id));
            File.Delete(MetaPath(id));
        }
    }

    /// <summary>Only 32 hex digits ever become part of a path.</summary>
    private static bool IsId(string id) => id.Length == 32 && Guid.TryParseExact(id, "N", out _);

    private string DataPath(string id) => Path.Combine(Folder, id + ".csv");

    private string MetaPath(string id) => Path.Combine(Folder, id + ".json");

    /// <summary>The name as shown and recorded: no folders, no control characters, at most 200 characters.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = new string((fileName ?? "").Split('/', '\\')[^1].Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "roster.csv";
        }
        return name.Length > 200 ? name[..200] : name;
    }

    private void Sweep()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // Another request may be reading or deleting it; the next sweep tries again.
            }
        }
    }
}
