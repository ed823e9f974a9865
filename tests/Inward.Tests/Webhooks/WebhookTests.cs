using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Audiences;
using Inward.Features.Webhooks;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Email.DeliveryTestData;

namespace Inward.Tests.Webhooks;

/// <summary>A local HTTP receiver on 127.0.0.1 that records every request body per path and answers 200 (or a chosen status).</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public ConcurrentQueue<(string Path, string Body, string? ContentType)> Received { get; } = new();
    public int Port { get; }
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public WebhookReceiver()
    {
        Port = SmtpServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            Received.Enqueue((context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync(), context.Request.ContentType));
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }

    public async Task<JsonElement> WaitForAsync(string path, Func<string, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(r => r.Path == path && match(r.Body)) is { Body: not null } hit)
            {
                return JsonDocument.Parse(hit.Body).RootElement.Clone();
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Nothing matching arrived at {path}.");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}

/// <summary>Slack and Teams webhooks: the settings page, the API, delivery to a local receiver, and what never leaves.</summary>
public sealed class WebhookTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Webhooks_added_on_the_settings_page_receive_matching_posts_with_title_excerpt_and_link_only(DatabaseProvider provider)
    {
        var app = await App(provider);
        using var receiver = new WebhookReceiver();
        var department = await DepartmentAsync(app);
        await PersonAsync(app, department);
        var elsewhere = await DepartmentAsync(app);
        await PersonAsync(app, elsewhere);
        var admin = await app.SignedInAsync("admin@demo.example");
        var slackName = Unique("Slack ");
        var secret = "/hooks/" + Guid.NewGuid().ToString("N");

        var saved = await InwardApp.PostFormAsync(admin, "/settings/webhooks", new()
        {
            ["Input.Name"] = slackName,
            ["Input.Kind"] = "Slack",
            ["Input.Url"] = receiver.Url(secret),
            ["Input.DepartmentId"] = department.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "/settings/webhooks?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/settings/webhooks"));
        Assert.Contains(slackName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        Assert.Contains("…" + secret[^4..], page, StringComparison.Ordinal);
        var id = await TestAccounts.WithDbAsync(app, db => db.Set<WebhookEndpoint>().Where(w => w.Name == slackName).Select(w => w.Id).SingleAsync());
        try
        {
            var longBody = "First line of the **news**.\n\n" + string.Concat(Enumerable.Repeat("Confidential details follow. ", 40));
            var post = await PublishAsync(app, Department(department), Unique("Webhook news <&> "), longBody, mustRead: true, due: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)));
            var slack = await receiver.WaitForAsync(secret, b => b.Contains($"/news/{post.Id}", StringComparison.Ordinal));
            var text = slack.GetProperty("text").GetString()!;
            Assert.Contains("Webhook news &lt;&amp;&gt;", text, StringComparison.Ordinal);
            Assert.Contains("First line of the news.", text, StringComparison.Ordinal);
            Assert.Contains($"/news/{post.Id}|Open in Inward>", text, StringComparison.Ordinal);
            Assert.True(text.Length < 600, "only an excerpt leaves the server");
            Assert.Equal("section", slack.GetProperty("blocks")[0].GetProperty("type").GetString());

            // A post for another department does not reach this webhook; a partner-only post reaches no webhook at all.
            var other = await PublishAsync(app, Department(elsewhere), Unique("Not for them "));
            var partnerOrg = await TestAccounts.WithDbAsync(app, db => db.PartnerOrganisations.Select(p => p.Id).FirstAsync());
            var partnerOnly = await PublishAsync(app, new AudienceRule { Include = [new AudienceClause { PartnerOrganisations = [partnerOrg] }] },
                Unique("Partner only "), mustRead: true, due: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)));
            await WaitForChannelAsync(app, other.Id);
            await WaitForChannelAsync(app, partnerOnly.Id);
            var queued = await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().AsNoTracking()
                .Where(j => j.Kind == WebhookChannel.DeliverJob).Select(j => j.Payload).ToListAsync());
            Assert.DoesNotContain(queued, p => p.Contains($"\"PostId\":{partnerOnly.Id},", StringComparison.Ordinal));
            Assert.DoesNotContain(queued, p => p.Contains($"\"EndpointId\":{id},\"PostId\":{other.Id},", StringComparison.Ordinal));

            // Test-send from the page.
            var test = await InwardApp.PostFormAsync(admin, "/settings/webhooks", [], $"/settings/webhooks?handler=Test&id={id}");
            Assert.Contains($"The test message was delivered to {slackName}.", WebUtility.HtmlDecode(await test.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            await receiver.WaitForAsync(secret, b => b.Contains("Test message from Inward", StringComparison.Ordinal));
        }
        finally
        {
            await InwardApp.PostFormAsync(admin, "/settings/webhooks", [], $"/settings/webhooks?handler=Delete&id={id}");
        }
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<WebhookEndpoint>().AnyAsync(w => w.Id == id)));
    }

    private static async Task WaitForChannelAsync(InwardApp app, int postId)
    {
        for (var i = 0; i < 300; i++)
        {
            var pending = await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().AnyAsync(j => j.Kind == "posts.published.webhooks"
                && j.IdempotencyKey!.StartsWith($"posts.published.webhooks:{postId}:") && j.Status != JobStatus.Succeeded));
            if (!pending)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The webhook channel did not run for post {postId}.");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_adds_reads_changes_and_deletes_webhooks_with_masked_urls_and_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        using var receiver = new WebhookReceiver();
        var api = await app.ApiClientAsync("admin@demo.example");
        var secret = "/teams/" + Guid.NewGuid().ToString("N");

        var bad = await api.PostAsJsonAsync("/api/v1/webhooks", new { name = "", kind = "Discord", url = "ftp://example.com/x" });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("url", out _));

        var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { name = "Teams all", kind = "teams", url = receiver.Url(secret) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        try
        {
            Assert.DoesNotContain(secret, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("Teams", body.GetProperty("kind").GetString());
            Assert.True(body.GetProperty("departmentId").ValueKind == JsonValueKind.Null);

            // A blank URL keeps the saved one.
            var renamed = await api.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { name = "Teams renamed", kind = "Teams", url = (string?)null });
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Equal(receiver.Url(secret), await TestAccounts.WithDbAsync(app, db => db.Set<WebhookEndpoint>().Where(w => w.Id == id).Select(w => w.Url).SingleAsync()));

            var department = await DepartmentAsync(app);
            await PersonAsync(app, department);
            var post = await PublishAsync(app, Department(department), Unique("Teams news "), "Body *text*.");
            var card = await receiver.WaitForAsync(secret, b => b.Contains($"/news/{post.Id}", StringComparison.Ordinal));
            Assert.Equal("MessageCard", card.GetProperty("@type").GetString());
            Assert.Equal(post.Title, card.GetProperty("title").GetString());
            Assert.Equal("Body text.", card.GetProperty("text").GetString());
            Assert.EndsWith($"/news/{post.Id}", card.GetProperty("potentialAction")[0].GetProperty("targets")[0].GetProperty("uri").GetString(), StringComparison.Ordinal);

            var list = await (await api.GetAsync("/api/v1/webhooks")).JsonAsync();
            Assert.Contains(list.EnumerateArray(), w => w.GetProperty("id").GetInt32() == id && w.GetProperty("name").GetString() == "Teams renamed");
            await (await api.PutAsJsonAsync("/api/v1/webhooks/999999999", new { name = "x", kind = "Slack" })).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
        }
        await (await api.GetAsync($"/api/v1/webhooks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T/B/X", false, null)]
    [InlineData("http://hooks.slack.com/services/T/B/X", false, "The webhook URL must start with https://.")]
    [InlineData("http://hooks.slack.com/services/T/B/X", true, null)]
    [InlineData("ftp://hooks.slack.com/x", true, "The webhook URL must start with https://.")]
    [InlineData("https://user:pass@hooks.slack.com/x", false, "The webhook URL must not contain a user name or password.")]
    [InlineData("hooks.slack.com/x", false, "Enter a complete URL, e.g. https://hooks.slack.com/services/...")]
    [InlineData("", false, "Enter the webhook URL.")]
    public void Only_https_urls_without_credentials_are_accepted(string url, bool allowHttp, string? error) =>
        Assert.Equal(error, WebhookSecurity.CheckUrl(url, allowHttp));

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("52.1.2.3", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("64:ff9b::a00:1", false)]
    public void Only_public_internet_addresses_are_allowed_as_targets(string address, bool allowed) =>
        Assert.Equal(allowed, WebhookSecurity.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_loopback_target_is_refused_unless_private_networks_are_allowed()
    {
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => WebhookSecurity.ResolveAllowedAsync("127.0.0.1", allowPrivate: false, default));
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => WebhookSecurity.ResolveAllowedAsync("localhost", allowPrivate: false, default));
        Assert.NotEmpty(await WebhookSecurity.ResolveAllowedAsync("127.0.0.1", allowPrivate: true, default));
    }

    [Fact]
    public void A_post_reaches_all_post_webhooks_and_those_of_departments_it_reaches_with_their_sub_departments_and_never_when_partner_only()
    {
        // 1 ⊃ 2 ⊃ 3; 4 separate.
        var tree = new DepartmentTree([(1, null), (2, 1), (3, 2), (4, null)]);
        (int, int?)[] endpoints = [(10, null), (11, 1), (12, 2), (13, 3), (14, 4)];
        Assert.Equal([10, 11, 12], WebhookStore.Matching(endpoints, [2], tree, reachesEmployees: true));
        Assert.Equal([10, 11, 12, 13], WebhookStore.Matching(endpoints, [3, null], tree, reachesEmployees: true));
        Assert.Equal([10, 14], WebhookStore.Matching(endpoints, [4], tree, reachesEmployees: true));
        Assert.Equal([10], WebhookStore.Matching(endpoints, [null], tree, reachesEmployees: true));
        Assert.Empty(WebhookStore.Matching(endpoints, [], tree, reachesEmployees: false));
    }

    [Fact]
    public void Masked_urls_keep_the_host_and_the_last_four_characters_only()
    {
        Assert.Equal("https://hooks.slack.com/…WXYZ", WebhookStore.Mask("https://hooks.slack.com/services/T000/B000/secretWXYZ"));
    }

    [Fact]
    public void Slack_text_escapes_its_control_characters_and_teams_gets_a_message_card()
    {
        var m = new WebhookMessage("A <b> & c", "x > y", "https://inward.example/news/1", "Open");
        var slack = JsonDocument.Parse(WebhookSender.Payload(WebhookKind.Slack, m)).RootElement;
        Assert.Equal("*A &lt;b&gt; &amp; c*\nx &gt; y\n<https://inward.example/news/1|Open>", slack.GetProperty("text").GetString());
        var teams = JsonDocument.Parse(WebhookSender.Payload(WebhookKind.Teams, m)).RootElement;
        Assert.Equal("A <b> & c", teams.GetProperty("title").GetString());
        Assert.Equal("OpenUri", teams.GetProperty("potentialAction")[0].GetProperty("@type").GetString());
    }
}
