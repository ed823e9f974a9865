using System.Text.RegularExpressions;
using Inward.Platform.Text;

namespace Inward.Tests.Platform;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<a href=\"https://x.example\" style=\"position:fixed\">x</a>", "style=")]
    [InlineData("![x](https://img.example/a.png){: onload=\"alert(1)\"}", "onload=\"")]
    public void Dangerous_markup_never_reaches_the_page(string markdown, string forbidden)
    {
        // Escaped text may mention anything; what matters is that no real tag carries it.
        var tags = Regex.Matches(SafeMarkdown.ToHtml(markdown), "<[a-z][^>]*>", RegexOptions.IgnoreCase).Select(m => m.Value);
        Assert.DoesNotContain(tags, t => t.Contains(forbidden.TrimStart('<'), StringComparison.OrdinalIgnoreCase) && (forbidden[0] != '<' || t.StartsWith(forbidden, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting()
    {
        var html = SafeMarkdown.ToHtml("# Promise\n\n**Bold** and *calm*.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[site](https://brightwheel.example)");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://brightwheel.example\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_list_checkboxes_stay_read_only_and_other_inputs_go()
    {
        var html = SafeMarkdown.ToHtml("- [x] done\n- [ ] open");

        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("disabled", html, StringComparison.Ordinal);
        Assert.StartsWith("<p>&lt;input", SafeMarkdown.ToHtml("<input type=\"text\" value=\"x\">"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendered_text_takes_its_direction_from_its_own_language() =>
        Assert.StartsWith("<div dir=\"auto\"><p>", SafeMarkdown.Render("Hello").Value, StringComparison.Ordinal);

    [Fact]
    public void Plain_text_drops_the_syntax() =>
        Assert.Equal("Bold and calm.", SafeMarkdown.ToPlainText("**Bold** and *calm*."));
}
