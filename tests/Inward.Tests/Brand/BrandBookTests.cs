using System.Net;
using Inward.Features.Brand;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Brand;

public sealed class BrandBookTests(Apps apps) : IntegrationTest(apps)
{
    private const string Comms = "comms@demo.example";
    private const string Employee = "employee@demo.example";

    private static Dictionary<string, string> Fields(string promise, string? note = null) => new()
    {
        ["Input.Promise"] = promise,
        ["Input.Mission"] = "Build bikes that last.",
        ["Input.ToneOfVoice"] = "Clear, warm and **straight**.",
        ["Input.Examples[0].Position"] = "2",
        ["Input.Examples[0].Do"] = "Give a time.",
        ["Input.Examples[0].Dont"] = "Say soon.",
        ["Input.Examples[1].Position"] = "1",
        ["Input.Examples[1].Do"] = "Own the mistake.",
        ["Input.Examples[1].Dont"] = "Blame the courier.",
        ["Input.ChangeNote"] = note ?? "",
    };

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, Dictionary<string, string> fields) =>
        InwardApp.PostFormAsync(client, "/brand/edit", fields, "/brand/edit?handler=Publish");

    private static Task<int> LatestNumberAsync(InwardApp app) =>
        TestAccounts.WithDbAsync(app, db => db.Set<BrandBookVersion>().MaxAsync(v => v.Number));

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_company_has_a_published_brand_book(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync(Employee);

        var first = await (await api.GetAsync("/api/v1/brand/versions/1")).JsonAsync();

        Assert.Equal("Every ride starts with someone who cares.", first.GetProperty("promise").GetString());
        Assert.InRange(first.GetProperty("examples").GetArrayLength(), 4, 5);
        Assert.Contains("Say it straight", first.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("#1d5c4d", first.GetProperty("identity").GetProperty("primaryColour").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_shows_the_new_version_to_employees_and_keeps_the_old_one_readable(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var employee = await app.SignedInAsync(Employee);
        var before = await LatestNumberAsync(app);
        var oldPromise = (await TestAccounts.WithDbAsync(app, db => db.Set<BrandBookVersion>().SingleAsync(v => v.Number == before))).SnapshotJson;
        var promise = $"Every ride matters {Unique()}";

        var published = await PublishAsync(comms, Fields(promise, "Sharper promise."));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"/brand/edit?done=published&number={before + 1}", published.Headers.Location?.OriginalString);
        var page = await TextAsync(await employee.GetAsync("/brand"));
        Assert.Contains(promise, page, StringComparison.Ordinal);
        Assert.Contains($"Version {before + 1}, published on", page, StringComparison.Ordinal);
        Assert.Contains("Sharper promise.", page, StringComparison.Ordinal);
        Assert.Contains("Ride with the customer", page, StringComparison.Ordinal);
        // The pairs follow their numbers.
        Assert.True(page.IndexOf("Own the mistake.", StringComparison.Ordinal) < page.IndexOf("Give a time.", StringComparison.Ordinal));
        Assert.Contains("<strong>straight</strong>", page, StringComparison.Ordinal);

        var old = await employee.GetAsync($"/brand/versions/{before}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var oldPage = await TextAsync(old);
        Assert.Contains(BrandContent.FromJson(oldPromise).Promise, oldPage, StringComparison.Ordinal);
        Assert.DoesNotContain(promise, oldPage, StringComparison.Ordinal);
        Assert.Contains("This is an earlier version.", oldPage, StringComparison.Ordinal);

        var api = await app.ApiClientAsync(Employee);
        var latest = await (await api.GetAsync("/api/v1/brand")).JsonAsync();
        Assert.Equal(before + 1, latest.GetProperty("version").GetInt32());
        Assert.Equal(promise, latest.GetProperty("promise").GetString());
        Assert.Equal(["Own the mistake.", "Give a time."], latest.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("do").GetString()));
        var versions = await (await api.GetAsync("/api/v1/brand/versions")).JsonAsync();
        Assert.Equal(before + 1, versions[0].GetProperty("number").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_is_audited(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);

        await PublishAsync(comms, Fields($"Audited {Unique()}", "Audit me."));

        var number = await LatestNumberAsync(app);
        var entries = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.Where(a => a.EntityType == nameof(BrandBookVersion)).ToListAsync());
        Assert.Contains(entries, e => e.After != null && e.After.Contains("Audit me.", StringComparison.Ordinal) && e.ActorName == Comms);
        Assert.True(number > 1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_or_previewing_the_draft_does_not_change_what_employees_see(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var employee = await app.SignedInAsync(Employee);
        var before = await LatestNumberAsync(app);
        var (draft, preview) = ($"Draft only {Unique()}", $"Preview only {Unique()}");

        var saved = await InwardApp.PostFormAsync(comms, "/brand/edit", Fields(draft));
        var previewed = await InwardApp.PostFormAsync(comms, "/brand/edit", Fields(preview), "/brand/edit?handler=Preview");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(preview, await TextAsync(previewed), StringComparison.Ordinal);
        Assert.Contains("Preview (not saved)", await TextAsync(previewed), StringComparison.Ordinal);
        var edit = await TextAsync(await comms.GetAsync("/brand/edit"));
        Assert.Contains(draft, edit, StringComparison.Ordinal);
        Assert.DoesNotContain(preview, edit, StringComparison.Ordinal);
        var page = await TextAsync(await employee.GetAsync("/brand"));
        Assert.DoesNotContain(draft, page, StringComparison.Ordinal);
        Assert.Equal(before, await LatestNumberAsync(app));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_content_or_a_missing_change_note_publishes_nothing_and_says_why(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var before = await LatestNumberAsync(app);
        var noNote = Fields($"No note {Unique()}");
        var halfExample = Fields($"Half {Unique()}", "Note");
        halfExample["Input.Examples[0].Dont"] = "";
        var tooLong = Fields(new string('p', BrandRules.PromiseMax + 1), "Note");

        var a = await TextAsync(await PublishAsync(comms, noNote));
        var b = await TextAsync(await PublishAsync(comms, halfExample));
        var c = await TextAsync(await PublishAsync(comms, tooLong));

        Assert.Contains("Say what changed in this version.", a, StringComparison.Ordinal);
        Assert.Contains("Example 2 needs both a Do text and a Don't text.", b, StringComparison.Ordinal);
        Assert.Contains($"The brand promise can have at most {BrandRules.PromiseMax} characters.", c, StringComparison.Ordinal);
        Assert.Equal(before, await LatestNumberAsync(app));
        var draft = await TestAccounts.WithDbAsync(app, db => db.Set<BrandBookDraft>().SingleAsync());
        Assert.DoesNotContain("No note", draft.Promise, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Script_in_the_markdown_is_stripped_from_the_published_book(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var employee = await app.SignedInAsync(Employee);
        var fields = Fields($"Safe {Unique()}", "XSS check");
        fields["Input.ToneOfVoice"] = "Hello <script>alert('tone')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>";
        fields["Input.Sections[0].Title"] = "<script>alert('title')</script>";
        fields["Input.Sections[0].Body"] = "<iframe src=\"https://evil.example\"></iframe> **kept**";
        fields["Input.Examples[0].Do"] = "<b onmouseover=alert(3)>do</b>";

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(comms, fields)).StatusCode);
        var html = await (await employee.GetAsync("/brand")).Content.ReadAsStringAsync();

        // The only script elements are the site's own files.
        Assert.DoesNotMatch("(?i)<script(?![^>]*\\bsrc=\"/(js|lib)/)", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\" onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>kept</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_version_is_404_on_the_page_and_a_problem_on_the_api(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await app.SignedInAsync(Employee);
        var api = await app.ApiClientAsync(Employee);

        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync("/brand/versions/999999")).StatusCode);
        var problem = await (await api.GetAsync("/api/v1/brand/versions/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_see_no_brand_book_and_employees_cannot_edit_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var partner = await app.SignedInAsync("partner@demo.example");
        var employee = await app.SignedInAsync(Employee);

        await TestAccounts.AssertForbiddenAsync(partner, "/brand");
        await TestAccounts.AssertForbiddenAsync(partner, "/brand/versions/1");
        await TestAccounts.AssertForbiddenAsync(partner, "/api/v1/brand");
        await TestAccounts.AssertForbiddenAsync(employee, "/brand/edit");
        var employeePage = await (await employee.GetAsync("/brand")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("href=\"/brand/edit\"", employeePage, StringComparison.Ordinal);
    }
}
