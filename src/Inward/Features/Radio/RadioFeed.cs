using System.Globalization;
using System.Text;
using System.Xml;
using Inward.Platform.Files;
using Inward.Platform.Text;

namespace Inward.Features.Radio;

/// <summary>
/// The private podcast feed: /radio/feed/{token}.rss lists, as RSS 2.0 with the iTunes namespace, the episodes the token's
/// owner may hear now; enclosures carry the token too, so any podcast app can download them (with range requests). A
/// token that is unknown, revoked, or whose account is inactive gets 404.
/// </summary>
public static class RadioFeed
{
    public const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    public static IEndpointRouteBuilder MapRadioFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/radio/feed/{token}.rss", FeedAsync).AllowAnonymous().RequireRateLimiting(Platform.Web.WebSetup.ApiLimit).ExcludeFromDescription();
        app.MapGet("/radio/feed/{token}/audio/{id:int}.{ext}", AudioAsync).AllowAnonymous().RequireRateLimiting(Platform.Web.WebSetup.ApiLimit)
            .ExcludeFromDescription();
        return app;
    }

    public static string BaseUrl(HttpRequest request, IConfiguration configuration) =>
        configuration["Inward:PublicUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";

    private static async Task<IResult> FeedAsync(string token, HttpContext http, RadioViews views, IConfiguration configuration, CancellationToken ct)
    {
        if (await views.FeedUserAsync(token, ct) is not { } user)
        {
            return Results.NotFound();
        }
        var episodes = await views.ListAsync(user, ct);
        var xml = Render(episodes, BaseUrl(http.Request, configuration), token);
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(xml, "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> AudioAsync(string token, int id, string ext, HttpContext http, RadioViews views, FileStore store,
        CancellationToken ct)
    {
        if (await views.FeedUserAsync(token, ct) is not { } user || await views.EpisodeAsync(user, id, ct) is not { AudioFileId: { } fileId }
            || await store.FindAsync(fileId, ct) is not { } file)
        {
            return Results.NotFound();
        }
        return FilesEndpoints.Serve(http, store, file);
    }

    /// <summary>HH:MM:SS, as itunes:duration accepts.</summary>
    public static string Duration(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    public static string Render(IReadOnlyList<EpisodeView> episodes, string baseUrl, string token)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "itunes", null, ItunesNs);
            w.WriteStartElement("channel");
            w.WriteElementString("title", "Inward radio");
            w.WriteElementString("link", baseUrl + "/radio");
            w.WriteElementString("description", "Your company's in-house radio: the episodes meant for you.");
            w.WriteElementString("language", "en");
            w.WriteElementString("lastBuildDate", (episodes.Count > 0 ? episodes[0].PublishedUtc : DateTime.UnixEpoch).ToString("r", CultureInfo.InvariantCulture));
            w.WriteElementString("itunes", "author", ItunesNs, "Inward");
            w.WriteElementString("itunes", "explicit", ItunesNs, "false");
            // A private feed: directories must not list it.
            w.WriteElementString("itunes", "block", ItunesNs, "Yes");
            foreach (var e in episodes)
            {
                w.WriteStartElement("item");
                w.WriteElementString("title", e.Title);
                w.WriteElementString("description", SafeMarkdown.ToHtml(e.ShowNotes));
                w.WriteElementString("link", $"{baseUrl}/radio/{e.Id.ToString(CultureInfo.InvariantCulture)}");
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "false");
                w.WriteString($"inward-radio-{e.Id.ToString(CultureInfo.InvariantCulture)}");
                w.WriteEndElement();
                w.WriteElementString("pubDate", e.PublishedUtc.ToString("r", CultureInfo.InvariantCulture));
                w.WriteStartElement("enclosure");
                var ext = (e.AudioExtension ?? ".mp3").TrimStart('.');
                w.WriteAttributeString("url", $"{baseUrl}/radio/feed/{Uri.EscapeDataString(token)}/audio/{e.Id.ToString(CultureInfo.InvariantCulture)}.{ext}");
                w.WriteAttributeString("length", e.AudioSize.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", e.AudioType ?? "audio/mpeg");
                w.WriteEndElement();
                w.WriteElementString("itunes", "duration", ItunesNs, Duration(e.DurationSeconds));
                w.WriteElementString("itunes", "summary", ItunesNs, SafeMarkdown.ToPlainText(e.ShowNotes));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return sb.ToString();
    }

    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
