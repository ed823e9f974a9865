using System.Text.RegularExpressions;
using Inward.Platform.Data;

namespace Inward.Features.Settings;

public static partial class SettingsModule
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CompanyProfile>();
        builder.Services.AddSingleton<LogoStore>();
        return builder;
    }

    public static WebApplication MapSettings(this WebApplication app)
    {
        // Brand colours as a stylesheet, so pages need no inline styles under the CSP.
        app.MapGet("/brand.css", async (CompanyProfile company, HttpContext ctx) =>
        {
            var p = await company.GetAsync();
            ctx.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text($":root {{ --brand: {SafeColour(p.PrimaryColour)}; --accent: {SafeColour(p.AccentColour)}; }}\n", "text/css");
        }).AllowAnonymous().ExcludeFromDescription();

        // Only files written by the settings page after LogoImage.Check are stored, so only PNG/JPEG/WebP get here;
        // the sandbox CSP keeps even a mislabelled file from running anything if it is opened directly.
        app.MapGet("/brand/logo", async (CompanyProfile company, LogoStore logos, HttpContext ctx) =>
        {
            var p = await company.GetAsync();
            var path = p.LogoFile is null ? null : logos.PathOf(p.LogoFile);
            var type = p.LogoFile is null ? null : LogoStore.ContentTypeOf(p.LogoFile);
            if (path is null || type is null || !File.Exists(path))
            {
                return Results.NotFound();
            }
            ctx.Response.Headers.ContentDisposition = "inline";
            ctx.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            ctx.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(path, type);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Only #rrggbb ever reaches the stylesheet.</summary>
    public static string SafeColour(string colour) => HexColour().IsMatch(colour) ? colour : "#1f5f8b";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    public static partial Regex HexColour();
}

/// <summary>Stores the company logo under data/uploads with a server-generated name, after checking its bytes.</summary>
public sealed class LogoStore(IConfiguration configuration)
{
    private string Folder => Path.Combine(DatabaseSetup.DataDirectory(configuration), "uploads", "logo");

    public string? PathOf(string fileName) =>
        fileName.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? Path.Combine(Folder, fileName) : null;

    /// <summary>The image type of a stored logo; null for anything that is not one of the three accepted formats.</summary>
    public static string? ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };

    /// <summary>Recognises PNG, JPEG and WebP by their magic bytes; SVG and everything else is refused.</summary>
    public static string? ExtensionFor(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ".png",
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ".webp",
        _ => null,
    };

    public void Delete(string fileName)
    {
        if (PathOf(fileName) is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes bytes that passed <see cref="LogoImage.Check"/> under a new server-generated name.</summary>
    public async Task<string> SaveAsync(byte[] content, string extension)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), content);
        return name;
    }
}
