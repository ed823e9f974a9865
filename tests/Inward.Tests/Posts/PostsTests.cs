using System.Globalization;
using System.Net;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Posts;

/// <summary>Targeted posts: authoring, the personalised feed, the post page, must-read acknowledgement, banner and receipts.</summary>
public sealed class PostsTests(Apps apps) : IntegrationTest(apps)
{
    internal static async Task<int> DepartmentAsync(InwardApp app, string? name = null) => await TestAccounts.WithDbAsync(app, async db =>
    {
        if (name is not null && await db.Departments.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var department = new Department { Name = $"Posts dept {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    /// <summary>An employee of our own in the department, with an Employee account; returns (e-mail, employee id).</summary>
    internal static async Task<(string Email, int EmployeeId, string Name)> PersonAsync(InwardApp app, int departmentId)
    {
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var name = await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            await db.SaveChangesAsync();
            return e.Name;
        });
        return (email, employeeId!.Value, name);
    }

    internal static Dictionary<string, string> Form(string title, int? department, string body = "Hello **team**.", bool mustRead = false,
        string? due = null, string? expires = null, string action = "publish")
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Type"] = "Announcement", ["Input.Body"] = body, ["action"] = action,
        };
        if (department is { } d)
        {
            form["Audience.Include[0].Departments"] = d.ToString(CultureInfo.InvariantCulture);
        }
        if (mustRead)
        {
            form["Input.MustRead"] = "true";
        }
        if (due is not null)
        {
            form["Input.MustReadDue"] = due;
        }
        if (expires is not null)
        {
            form["Input.ExpiresUtc"] = expires;
        }
        return form;
    }

    internal static async Task<int> PublishAsync(InwardApp app, Dictionary<string, string> form)
    {
        var comms = await app.SignedInAsync("comms@demo.example");
        var response = await InwardApp.PostFormAsync(comms, "/posts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/posts/[0-9]+/edit$", location);
        return int.Parse(location.Split('/')[2], CultureInfo.InvariantCulture);
    }

    private static string Yesterday() => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_post_for_Customer_Service_reaches_its_people_and_is_hidden_from_everyone_else(DatabaseProvider provider)
    {
        var app = await App(provider);
        var customerService = await DepartmentAsync(app, "Customer Service");
        var title = $"Service update {Guid.NewGuid():N}";
        var id = await PublishAsync(app, Form(title, customerService));

        var employee = await app.SignedInAsync("employee@demo.example");
        Assert.Contains(title, await employee.GetStringAsync("/news"), StringComparison.Ordinal);
        var page = await employee.GetStringAsync($"/news/{id}");
        Assert.Contains("<strong>team</strong>", page, StringComparison.Ordinal);
        var api = await app.ApiClientAsync("employee@demo.example");
        Assert.Contains(title, await api.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/posts/{id}")).StatusCode);

        var elsewhere = await PersonAsync(app, await DepartmentAsync(app));
        var other = await app.SignedInAsync(elsewhere.Email, TestAccounts.Password);
        Assert.DoesNotContain(title, await other.GetStringAsync("/news"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/news/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/news/999999999")).StatusCode);
        var otherApi = await app.ApiClientAsync(elsewhere.Email);
        Assert.DoesNotContain(title, await otherApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        await (await otherApi.GetAsync($"/api/v1/posts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherApi.PostAsync($"/api/v1/posts/{id}/acknowledgement", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_who_moves_department_sees_what_targets_their_new_department(DatabaseProvider provider)
    {
        var app = await App(provider);
        var from = await DepartmentAsync(app);
        var to = await DepartmentAsync(app);
        var oldTitle = $"Old team news {Guid.NewGuid():N}";
        var newTitle = $"New team news {Guid.NewGuid():N}";
        var oldId = await PublishAsync(app, Form(oldTitle, from));
        await PublishAsync(app, Form(newTitle, to));
        var person = await PersonAsync(app, from);
        var client = await app.SignedInAsync(person.Email, TestAccounts.Password);
        var before = await client.GetStringAsync("/news");
        Assert.Contains(oldTitle, before, StringComparison.Ordinal);
        Assert.DoesNotContain(newTitle, before, StringComparison.Ordinal);

        await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == person.EmployeeId);
            e.DepartmentId = to;
            return await db.SaveChangesAsync();
        });

        var after = await client.GetStringAsync("/news");
        Assert.Contains(newTitle, after, StringComparison.Ordinal);
        Assert.DoesNotContain(oldTitle, after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{oldId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_must_read_shows_a_banner_until_acknowledged_once_and_the_receipts_show_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var reader = await PersonAsync(app, department);
        var late = await PersonAsync(app, department);
        var title = $"Safety rules {Guid.NewGuid():N}";
        var id = await PublishAsync(app, Form(title, department, mustRead: true, due: Yesterday()));
        var client = await app.SignedInAsync(reader.Email, TestAccounts.Password);

        var home = await client.GetStringAsync("/");
        Assert.Contains("must-read-banner", home, StringComparison.Ordinal);
        Assert.Contains($"/news/{id}", home, StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/news/{id}");
        Assert.Contains("I have read and understood", page, StringComparison.Ordinal);

        var first = await InwardApp.PostFormAsync(client, $"/news/{id}", [], $"/news/{id}?handler=Acknowledge");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var acknowledgedAt = await TestAccounts.WithDbAsync(app, db => db.Set<PostAcknowledgement>()
            .Where(a => a.PostId == id && a.EmployeeId == reader.EmployeeId).Select(a => a.AcknowledgedUtc).SingleAsync());
        var api = await app.ApiClientAsync(reader.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/posts/{id}/acknowledgement", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/posts/{id}/acknowledgement", null)).StatusCode);
        var rows = await TestAccounts.WithDbAsync(app, db => db.Set<PostAcknowledgement>().Where(a => a.PostId == id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(acknowledgedAt, row.AcknowledgedUtc);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<PostRead>().CountAsync(r => r.PostId == id)));

        Assert.DoesNotContain($"/news/{id}\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("I have read and understood", await client.GetStringAsync($"/news/{id}"), StringComparison.Ordinal);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<PostRead>().CountAsync(r => r.PostId == id)));

        var comms = await app.SignedInAsync("comms@demo.example");
        var receipts = await comms.GetStringAsync($"/posts/{id}/receipts");
        var overdue = receipts[receipts.IndexOf("id=\"overdue\"", StringComparison.Ordinal)..];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(late.Name), overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(reader.Name), overdue, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">Total</th>\\s*<td>2</td>\\s*<td>1</td>\\s*<td>1</td>", receipts);
        var csv = await comms.GetStringAsync($"/posts/{id}/receipts?handler=Csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(reader.Email, StringComparison.Ordinal) && !l.EndsWith(",yes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(late.Email, StringComparison.Ordinal) && l.EndsWith(",yes", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync("/posts/999999999/receipts")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_shows_errors_and_saves_nothing_and_scripts_in_markdown_are_rendered_harmless(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var comms = await app.SignedInAsync("comms@demo.example");
        var title = $"Bad {Guid.NewGuid():N}";

        var noAudience = await InwardApp.PostFormAsync(comms, "/posts/new", Form(title, null));
        Assert.Equal(HttpStatusCode.OK, noAudience.StatusCode);
        Assert.Contains("Choose who it is for", await noAudience.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var past = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var expired = await InwardApp.PostFormAsync(comms, "/posts/new", Form(title, department, expires: past));
        Assert.Contains("The expiry must be in the future.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var untitled = await InwardApp.PostFormAsync(comms, "/posts/new", Form("", department, body: ""));
        var untitledHtml = await untitled.Content.ReadAsStringAsync();
        Assert.Contains("Enter a title.", untitledHtml, StringComparison.Ordinal);
        Assert.Contains("Write the message.", untitledHtml, StringComparison.Ordinal);
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<Post>().CountAsync(p => p.Title == title)));

        var id = await PublishAsync(app, Form(title, department,
            body: "Hi <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(2))"));
        var person = await PersonAsync(app, department);
        var client = await app.SignedInAsync(person.Email, TestAccounts.Password);
        var page = await client.GetStringAsync($"/news/{id}");
        var start = page.IndexOf("post-body", StringComparison.Ordinal);
        var body = page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
        Assert.Contains("Hi", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*onerror", body);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_expired_post_leaves_the_feed_and_drafts_are_never_shown(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var expiredTitle = $"Expired {Guid.NewGuid():N}";
        var draftTitle = $"Draft {Guid.NewGuid():N}";
        var expiredId = await PublishAsync(app, Form(expiredTitle, department));
        var draftId = await PublishAsync(app, Form(draftTitle, department, action: "draft"));
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var post = await db.Set<Post>().SingleAsync(p => p.Id == expiredId);
            post.ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        var person = await PersonAsync(app, department);
        var client = await app.SignedInAsync(person.Email, TestAccounts.Password);
        var feed = await client.GetStringAsync("/news");
        Assert.DoesNotContain(expiredTitle, feed, StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, feed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{expiredId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{draftId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_feed_puts_pinned_posts_first_then_open_must_reads_then_the_newest(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var marker = Guid.NewGuid().ToString("N");
        var pinned = await PublishAsync(app, new Dictionary<string, string>(Form($"Pinned {marker}", department)) { ["Input.Pinned"] = "true" });
        var mustRead = await PublishAsync(app, Form($"Must {marker}", department, mustRead: true));
        var newest = await PublishAsync(app, Form($"Newest {marker}", department));
        var person = await PersonAsync(app, department);
        var api = await app.ApiClientAsync(person.Email);

        // Only this test's posts: the demo company's posts for everyone are in the feed too.
        int[] ours = [pinned, mustRead, newest];
        IEnumerable<int> Ours(System.Text.Json.JsonElement feed) =>
            feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Where(ours.Contains);
        var feed = await (await api.GetAsync("/api/v1/feed")).JsonAsync();
        Assert.Equal([pinned, mustRead, newest], Ours(feed));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/posts/{mustRead}/acknowledgement", null)).StatusCode);
        feed = await (await api.GetAsync("/api/v1/feed")).JsonAsync();
        Assert.Equal([pinned, newest, mustRead], Ours(feed));
        Assert.True(feed.TryGetProperty("older", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_author_edits_a_post_and_a_count_request_saves_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var title = $"Edit me {Guid.NewGuid():N}";
        var id = await PublishAsync(app, Form(title, department, action: "draft"));
        await PersonAsync(app, department);
        var comms = await app.SignedInAsync("comms@demo.example");
        Assert.Contains(title, await comms.GetStringAsync($"/posts/{id}/edit"), StringComparison.Ordinal);

        var count = await InwardApp.PostFormAsync(comms, $"/posts/{id}/edit",
            new Dictionary<string, string>(Form($"{title} counted", department)) { ["audienceAction"] = "count" });
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Contains("This reaches 1 person.", await count.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PostStatus.Draft, await TestAccounts.WithDbAsync(app, db => db.Set<Post>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var saved = await InwardApp.PostFormAsync(comms, $"/posts/{id}/edit", Form($"{title} v2", department));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var post = await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal($"{title} v2", post.Title);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.NotNull(post.PublishedUtc);
    }
}
