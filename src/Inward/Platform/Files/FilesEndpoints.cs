using System.Security.Claims;
using Microsoft.Net.Http.Headers;

namespace Inward.Platform.Files;

/// <summary>
/// A feature that owns files (posts, radio episodes, ...): it alone says who may download them, through the object they
/// belong to. Register with <see cref="FilesEndpoints.AddFileOwner{T}"/>.
/// </summary>
public interface IFileOwner
{
    /// <summary>The <see cref="StoredFile.OwnerKind"/> this owner answers for.</summary>
    string Kind { get; }

    /// <summary>Whether this person may see the owning object (and so its files).</summary>
    Task<bool> MayReadAsync(ClaimsPrincipal user, int ownerId, CancellationToken ct);
}

public static class FilesEndpoints
{
    /// <summary>Registers the upload store (idempotent: several modules may ask for it).</summary>
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(FileStore)))
        {
            return builder;
        }
        builder.Services.Configure<FileOptions>(builder.Configuration.GetSection("Files"));
        builder.Services.AddScoped<FileStore>();
        return builder;
    }

    public static IServiceCollection AddFileOwner<T>(this IServiceCollection services) where T : class, IFileOwner =>
        services.AddScoped<IFileOwner, T>();

    /// <summary>GET /files/{id}: any signed-in person, then the owning object decides; unknown or not allowed is 404 (ids are not confirmed).</summary>
    public static WebApplication MapFiles(this WebApplication app)
    {
        app.MapGet("/files/{id:guid}", async (Guid id, HttpContext http, FileStore store, IEnumerable<IFileOwner> owners, CancellationToken ct) =>
        {
            var file = await store.FindAsync(id, ct);
            var owner = file is null ? null : owners.FirstOrDefault(o => o.Kind == file.OwnerKind);
            if (file is null || owner is null || !await owner.MayReadAsync(http.User, file.OwnerId, ct))
            {
                return Results.NotFound();
            }
            return Serve(http, store, file);
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Sends a stored file safely: its sniffed type, nosniff, a sandboxing CSP, attachment unless it is an image (never
    /// HTML inline: no HTML type is ever stored), the safe name, and range requests (podcast apps and audio seeking).
    /// </summary>
    public static IResult Serve(HttpContext http, FileStore store, StoredFile file)
    {
        var path = store.PathOf(file.Id);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(file.IsImage ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.File(path, file.ContentType, enableRangeProcessing: true,
            lastModified: new DateTimeOffset(DateTime.SpecifyKind(file.UploadedUtc, DateTimeKind.Utc)),
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256[..16]}\""));
    }
}
