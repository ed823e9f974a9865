using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Platform;

public sealed partial class OpenApiTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task OpenApi_document_describes_the_api_with_summaries_responses_and_the_bearer_scheme(DatabaseProvider provider)
    {
        var app = await App(provider);

        var response = await app.Client().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.JsonAsync();
        var paths = doc.GetProperty("paths");
        string[] expected = ["/api/v1/me", "/api/v1/people", "/api/v1/people/{id}", "/api/v1/departments", "/api/v1/departments/{id}"];
        // Features add their own paths (e.g. /api/v1/touchpoints); these are the platform's and only /api paths are documented.
        var documented = paths.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(documented, expected.ToHashSet(StringComparer.Ordinal));
        Assert.All(documented, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        foreach (var path in expected)
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), path);
            Assert.True(get.GetProperty("security")[0].TryGetProperty("Bearer", out _), path);
            var responses = get.GetProperty("responses");
            foreach (var status in new[] { "200", "401", "403", "429" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"{path} does not declare {status}");
            }
            Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), path);
        }
        Assert.True(paths.GetProperty("/api/v1/people/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/v1/departments/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/v1/people").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        var parameters = paths.GetProperty("/api/v1/people").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["search", "departmentId", "locationId", "includeInactive", "page", "pageSize"], parameters);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Api_reference_page_loads_with_local_assets_only(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = app.Client(followRedirects: true);

        var page = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/api/docs/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var assets = AssetReference().Matches(html).Select(m => m.Groups[2].Value).ToList();
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.False(asset.Contains("//", StringComparison.Ordinal), $"{asset} is not served by Inward");
            var url = new Uri(new Uri("http://localhost/api/docs/"), asset);
            var response = await client.GetAsync(url.PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url.PathAndQuery}: {(int)response.StatusCode}");
        }
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        // The page's configuration points at the document and the icon relative to the site.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/favicon.svg")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Api_reference_page_may_run_its_own_script_but_nothing_from_elsewhere(DatabaseProvider provider)
    {
        var app = await App(provider);

        var response = await app.Client().GetAsync("/api/docs");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hello_answers_anyone_in_plain_text_and_is_not_part_of_the_api_document(DatabaseProvider provider)
    {
        var app = await App(provider);

        var hello = await app.Client().GetAsync("/hello");
        var doc = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        Assert.Equal("hello", await hello.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", hello.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("/hello", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("/health", doc, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Liveness_and_readiness_report_healthy(DatabaseProvider provider)
    {
        var app = await App(provider);

        var live = await app.Client().GetAsync("/health/live");
        var ready = await app.Client().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<(?:script|link)[^>]*?(src|href)=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();
}
