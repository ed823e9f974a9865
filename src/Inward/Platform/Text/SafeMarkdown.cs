using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Inward.Platform.Text;

/// <summary>
/// Renders user-written Markdown to HTML that is safe to embed: Markdig turns the text into HTML, then
/// HtmlSanitizer keeps only an allow-list of tags and attributes (no scripts, styles, event handlers,
/// iframes or javascript: links). Raw HTML in the source is escaped, not passed through.
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// The HTML for a view, in a block with <c>dir="auto"</c>: text written in English shows left to right inside the
    /// Arabic interface (and Arabic text right to left in the English one), with its punctuation where it belongs.
    /// </summary>
    public static HtmlString Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString($"<div dir=\"auto\">{ToHtml(markdown)}</div>");

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The text without Markdown syntax, for previews, CSV and e-mail subjects.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedAttributes.Remove("class");
        s.AllowedCssProperties.Clear();
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedTags.Add("input");
        s.AllowedAttributes.Add("checked");
        s.AllowedAttributes.Add("disabled");
        s.AllowedAttributes.Add("type");
        s.PostProcessNode += (_, e) =>
        {
            // Links open normally but never pass the referrer or the opener to another site.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            // Images only from our own file store (/files/{id}): no tracking pixels or hot-linked pictures from elsewhere.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } img)
            {
                if (!LocalImage().IsMatch(img.GetAttribute("src") ?? ""))
                {
                    img.Remove();
                }
                else
                {
                    img.RemoveAttribute("srcset");
                    img.SetAttribute("loading", "lazy");
                }
            }
            // Task-list checkboxes are the only inputs kept, and they are read-only.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "INPUT" } input)
            {
                if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    input.Remove();
                }
                else
                {
                    input.SetAttribute("disabled", "disabled");
                }
            }
        };
        return s;
    }

    /// <summary>The only image sources kept: a file of the upload store.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^/files/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial System.Text.RegularExpressions.Regex LocalImage();
}
