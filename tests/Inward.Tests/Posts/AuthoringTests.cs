using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inward.Tests.Posts;

/// <summary>
/// Post authoring: review and approval, the "posts need approval" setting, scheduled publishing and expiry (with a
/// clock the test moves), department variants and translations, history after edits, and the authoring API.
/// </summary>
public sealed class AuthoringTests(Apps apps) : IntegrationTest(apps)
{
    private static async Task<int> DepartmentAsync(InwardApp app, int? parentId = null) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Authoring {Guid.NewGuid():N}"[..30], ParentId = parentId };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    private static async Task<(string Email, int EmployeeId)> PersonAsync(InwardApp app, int departmentId, string[]? roles = null, string language = "en")
    {
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(x => x.Id == employeeId)).DepartmentId = departmentId;
            (await db.Users.SingleAsync(u => u.Id == userId)).Language = language;
            return await db.SaveChangesAsync();
        });
        return (email, employeeId!.Value);
    }

    private static object Audience(params int[] departments) =>
        new { include = new[] { new { departments = departments.Select(d => new { id = d, includeSubDepartments = true }).ToArray() } } };

    private static object Request(string title, object? audience, DateTime? publishAt = null, DateTime? expires = null, object[]? texts = null,
        bool mustRead = false) => new
        {
            type = "Briefing", title, body = "The **new** process.", audience, mustRead, publishAtUtc = publishAt, expiresUtc = expires,
            texts = texts ?? [],
        };

    private static async Task<JsonElement> CreateAsync(HttpClient api, object request)
    {
        var response = await api.PostAsJsonAsync("/api/v1/posts", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<Post> PostAsync(InwardApp app, int id) =>
        await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AsNoTracking().SingleAsync(p => p.Id == id));

    private static JobRunner Runner(InwardApp app, TimeProvider clock, string kind) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, new JobOptions { BatchSize = 50 },
            app.Services.GetServices<JobHandlerRegistration>().Where(r => r.Kind == kind), [], NullLogger.Instance);

    /// <summary>A whole second, some hours ahead of the real clock (the app's own worker leaves it alone until then).</summary>
    private static DateTime Ahead(int hours)
    {
        var now = DateTime.UtcNow.AddHours(hours);
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_post_in_review_is_approved_only_by_another_holder_of_the_chosen_role_and_a_rejection_needs_a_comment(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var reader = await PersonAsync(app, department);
        var approver = await PersonAsync(app, department, [Roles.Communicator, Roles.Employee]);
        var comms = await app.ApiClientAsync("comms@demo.example");
        var title = $"Review me {Guid.NewGuid():N}";
        var id = (await CreateAsync(comms, Request(title, Audience(department)))).GetProperty("id").GetInt32();

        await (await comms.PostAsJsonAsync($"/api/v1/posts/{id}/submit", new { approverRole = "Employee" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var submitted = await comms.PostAsJsonAsync($"/api/v1/posts/{id}/submit", new { approverRole = "Communicator" });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("InReview", (await submitted.JsonAsync()).GetProperty("status").GetString());

        // The approver is told and sees it in their queue; the author and other people cannot approve it.
        var notified = await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AnyAsync(n => n.EmployeeId == approver.EmployeeId
            && n.Url == "/posts/review" && n.Title.Contains(title)));
        Assert.True(notified);
        var approverPages = await app.SignedInAsync(approver.Email, TestAccounts.Password);
        Assert.Contains(title, await approverPages.GetStringAsync("/posts/review"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await (await app.SignedInAsync("comms@demo.example")).GetStringAsync("/posts/review"), StringComparison.Ordinal);
        await (await comms.PostAsync($"/api/v1/posts/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var hr = await app.ApiClientAsync("hr@demo.example");
        await (await hr.PostAsync($"/api/v1/posts/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var readerApi = await app.ApiClientAsync(reader.Email);
        await (await readerApi.PostAsync($"/api/v1/posts/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readerApi.GetAsync($"/api/v1/posts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // A rejection needs a comment; it returns the post to draft and tells the author why.
        var approverApi = await app.ApiClientAsync(approver.Email);
        await (await approverApi.PostAsJsonAsync($"/api/v1/posts/{id}/reject", new { comment = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(PostStatus.InReview, (await PostAsync(app, id)).Status);
        var rejected = await approverApi.PostAsJsonAsync($"/api/v1/posts/{id}/reject", new { comment = "Add the pick-up window." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var post = await PostAsync(app, id);
        Assert.Equal((PostStatus.Draft, "Add the pick-up window."), (post.Status, post.ReviewComment));
        var commsEmployee = await TestAccounts.WithDbAsync(app, db => db.Users.Where(u => u.Email == "comms@demo.example").Select(u => u.EmployeeId).SingleAsync());
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AnyAsync(n => n.EmployeeId == commsEmployee
            && n.Url == $"/posts/{id}/edit" && n.Title.Contains(title))));
        var commsPages = await app.SignedInAsync("comms@demo.example");
        Assert.Contains("Add the pick-up window.", await commsPages.GetStringAsync($"/posts/{id}/edit"), StringComparison.Ordinal);
        await (await approverApi.PostAsync($"/api/v1/posts/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Submitted again, the approver approves it in the queue: it is published and reaches its audience.
        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsJsonAsync($"/api/v1/posts/{id}/submit", new { approverRole = "Communicator" })).StatusCode);
        var approve = await InwardApp.PostFormAsync(approverPages, "/posts/review", [], $"/posts/review?handler=Approve&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        post = await PostAsync(app, id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.NotNull(post.PublishedUtc);
        Assert.Equal(HttpStatusCode.OK, (await readerApi.GetAsync($"/api/v1/posts/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task When_posts_need_approval_authors_cannot_publish_directly_and_go_through_review(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var admin = await app.SignedInAsync("admin@demo.example");
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(admin, "/posts/settings", new() { ["RequireApproval"] = "true" })).StatusCode);
        try
        {
            var comms = await app.SignedInAsync("comms@demo.example");
            var title = $"Direct {Guid.NewGuid():N}";
            var editor = await comms.GetStringAsync("/posts/new");
            Assert.DoesNotContain("value=\"publish\"", editor, StringComparison.Ordinal);
            var page = await InwardApp.PostFormAsync(comms, "/posts/new", new()
            {
                ["Input.Title"] = title, ["Input.Type"] = "News", ["Input.Body"] = "Body", ["action"] = "publish",
                ["Audience.Include[0].Departments"] = department.ToString(CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Posts need approval: submit it for review.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AnyAsync(p => p.Title == title)));

            var api = await app.ApiClientAsync("comms@demo.example");
            var id = (await CreateAsync(api, Request(title, Audience(department)))).GetProperty("id").GetInt32();
            await (await api.PostAsJsonAsync($"/api/v1/posts/{id}/publish", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(PostStatus.Draft, (await PostAsync(app, id)).Status);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/posts/{id}/submit", new { approverRole = "Admin" })).StatusCode);
            var adminApi = await app.ApiClientAsync("admin@demo.example");
            Assert.Equal(HttpStatusCode.OK, (await adminApi.PostAsync($"/api/v1/posts/{id}/approve", null)).StatusCode);
            Assert.Equal(PostStatus.Published, (await PostAsync(app, id)).Status);
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PostAuthoring>().SetRequiresApprovalAsync(false);
        }
        Assert.Contains("value=\"publish\"", await (await app.SignedInAsync("comms@demo.example")).GetStringAsync("/posts/new"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_scheduled_post_is_published_by_its_job_at_its_time_and_rescheduled_or_unscheduled_jobs_do_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var reader = await PersonAsync(app, department);
        var readerApi = await app.ApiClientAsync(reader.Email);
        var comms = await app.ApiClientAsync("comms@demo.example");
        var first = Ahead(2);
        var later = Ahead(3);
        var title = $"Scheduled {Guid.NewGuid():N}";
        var id = (await CreateAsync(comms, Request(title, Audience(department)))).GetProperty("id").GetInt32();
        var scheduled = await comms.PostAsJsonAsync($"/api/v1/posts/{id}/publish", new { at = first });
        Assert.Equal("Scheduled", (await scheduled.JsonAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain(title, await readerApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);

        // Moved to later: the job for the first time finds nothing to do.
        var moved = await comms.PutAsJsonAsync($"/api/v1/posts/{id}", Request(title, Audience(department), publishAt: later));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var other = (await CreateAsync(comms, Request(title + " unscheduled", Audience(department)))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsJsonAsync($"/api/v1/posts/{other}/publish", new { at = first })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsync($"/api/v1/posts/{other}/unpublish", null)).StatusCode);

        var clock = new ManualClock(first.AddSeconds(-1));
        var runner = Runner(app, clock, PostAuthoring.PublishAtJob);
        await runner.RunDueAsync();
        Assert.Equal(PostStatus.Scheduled, (await PostAsync(app, id)).Status);
        clock.UtcNow = first;
        await runner.RunDueAsync();
        Assert.Equal(PostStatus.Scheduled, (await PostAsync(app, id)).Status);
        Assert.Equal(PostStatus.Draft, (await PostAsync(app, other)).Status);
        Assert.DoesNotContain(title, await readerApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);

        clock.UtcNow = later;
        await runner.RunDueAsync();
        var post = await PostAsync(app, id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(later, post.PublishAtUtc);
        Assert.Contains(title, await readerApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        Assert.Equal(PostStatus.Draft, (await PostAsync(app, other)).Status);
        var jobs = await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().AsNoTracking()
            .Where(j => j.Kind == PostAuthoring.PublishAtJob && j.IdempotencyKey!.StartsWith($"{PostAuthoring.PublishAtJob}:{id}:")).ToListAsync());
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_published_post_expires_at_its_expiry_time(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var reader = await PersonAsync(app, department);
        var comms = await app.ApiClientAsync("comms@demo.example");
        var expires = Ahead(4);
        var id = (await CreateAsync(comms, Request($"Expiring {Guid.NewGuid():N}", Audience(department), expires: expires))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsJsonAsync($"/api/v1/posts/{id}/publish", new { })).StatusCode);
        var readerApi = await app.ApiClientAsync(reader.Email);
        Assert.Equal(HttpStatusCode.OK, (await readerApi.GetAsync($"/api/v1/posts/{id}")).StatusCode);

        var clock = new ManualClock(expires.AddSeconds(-1));
        var runner = Runner(app, clock, PostAuthoring.ExpireJob);
        await runner.RunDueAsync();
        Assert.Equal(PostStatus.Published, (await PostAsync(app, id)).Status);
        clock.UtcNow = expires;
        await runner.RunDueAsync();

        Assert.Equal(PostStatus.Expired, (await PostAsync(app, id)).Status);
        await (await readerApi.GetAsync($"/api/v1/posts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await comms.GetAsync("/api/v1/posts?status=Expired&pageSize=200")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_past_publication_time_an_expiry_before_publication_and_an_empty_audience_are_refused_and_save_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var api = await app.ApiClientAsync("comms@demo.example");
        var title = $"Refused {Guid.NewGuid():N}";

        var past = await (await api.PostAsJsonAsync("/api/v1/posts", Request(title, Audience(department), publishAt: DateTime.UtcNow.AddHours(-1))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("in the future", past.GetProperty("errors").GetProperty("PublishAtUtc")[0].GetString(), StringComparison.Ordinal);
        var before = await (await api.PostAsJsonAsync("/api/v1/posts", Request(title, Audience(department), publishAt: Ahead(5), expires: Ahead(4))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The expiry must be after the publication.", before.GetProperty("errors").GetProperty("ExpiresUtc")[0].GetString());
        var empty = await (await api.PostAsJsonAsync("/api/v1/posts", Request(title, new { include = Array.Empty<object>() })))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Choose who it is for", empty.GetProperty("errors").GetProperty("Audience")[0].GetString(), StringComparison.Ordinal);
        await (await api.PostAsJsonAsync("/api/v1/posts", Request(title, null))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var badVariant = await (await api.PostAsJsonAsync("/api/v1/posts", Request(title, Audience(department),
            texts: [new { departmentId = 999999999, title = "x", body = "y" }]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badVariant.GetProperty("errors").TryGetProperty("Texts[0].DepartmentId", out _));

        var comms = await app.SignedInAsync("comms@demo.example");
        var page = await InwardApp.PostFormAsync(comms, "/posts/new", new()
        {
            ["Input.Title"] = title, ["Input.Type"] = "News", ["Input.Body"] = "Body", ["action"] = "publish",
            ["Input.PublishAtUtc"] = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["Audience.Include[0].Departments"] = department.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The publication time must be in the future.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noAudience = await InwardApp.PostFormAsync(comms, "/posts/new", new()
        {
            ["Input.Title"] = title, ["Input.Type"] = "News", ["Input.Body"] = "Body", ["action"] = "save",
        });
        Assert.Contains("Choose who it is for", await noAudience.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AnyAsync(p => p.Title == title)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Readers_get_the_variant_of_their_nearest_department_and_the_translation_of_their_language(DatabaseProvider provider)
    {
        var app = await App(provider);
        var operations = await DepartmentAsync(app);
        var warehouse = await DepartmentAsync(app, operations);
        var service = await DepartmentAsync(app);
        var inWarehouse = await PersonAsync(app, warehouse);
        var inService = await PersonAsync(app, service);
        var polish = await PersonAsync(app, service, language: "pl");
        var stamp = Guid.NewGuid().ToString("N");
        var comms = await app.SignedInAsync("comms@demo.example");

        // The editor adds a variant row and a translation row without saving, then publishes with both filled in.
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = $"Returns {stamp}", ["Input.Type"] = "Briefing", ["Input.Body"] = "Book the pick-up on the first call.",
            ["Input.MustRead"] = "true",
            ["Audience.Include[0].Departments"] = operations.ToString(CultureInfo.InvariantCulture),
            ["Audience.Include[1].Departments"] = service.ToString(CultureInfo.InvariantCulture),
        };
        var added = await (await InwardApp.PostFormAsync(comms, "/posts/new", new(form) { ["action"] = "add-variant" })).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Texts[0].DepartmentId\"", added, StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AnyAsync(p => p.Title == $"Returns {stamp}")));
        form["Input.Texts[0].Kind"] = "variant";
        form["Input.Texts[0].DepartmentId"] = operations.ToString(CultureInfo.InvariantCulture);
        form["Input.Texts[0].Title"] = $"Returns for the warehouse {stamp}";
        form["Input.Texts[0].Body"] = "Have the parcel ready at the dock.";
        form["Input.Texts[1].Kind"] = "translation";
        form["Input.Texts[1].Language"] = "pl";
        form["Input.Texts[1].Title"] = $"Zwroty {stamp}";
        form["Input.Texts[1].Body"] = "Umów odbiór przy pierwszej rozmowie.";
        var removed = await (await InwardApp.PostFormAsync(comms, "/posts/new", new(form) { ["action"] = "remove-1" })).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Input.Texts[1].Title\"", removed, StringComparison.Ordinal);
        Assert.Contains($"Returns for the warehouse {stamp}", removed, StringComparison.Ordinal);
        var published = await InwardApp.PostFormAsync(comms, "/posts/new", new(form) { ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = int.Parse(published.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);

        var warehouseClient = await app.SignedInAsync(inWarehouse.Email, TestAccounts.Password);
        Assert.Contains($"Returns for the warehouse {stamp}", await warehouseClient.GetStringAsync("/news"), StringComparison.Ordinal);
        var warehousePost = await warehouseClient.GetStringAsync($"/news/{id}");
        Assert.Contains("Have the parcel ready at the dock.", warehousePost, StringComparison.Ordinal);
        Assert.Contains($"Returns for the warehouse {stamp}", await warehouseClient.GetStringAsync("/"), StringComparison.Ordinal);
        var serviceClient = await app.SignedInAsync(inService.Email, TestAccounts.Password);
        var servicePost = await serviceClient.GetStringAsync($"/news/{id}");
        Assert.Contains("Book the pick-up on the first call.", servicePost, StringComparison.Ordinal);
        Assert.DoesNotContain("warehouse", servicePost, StringComparison.Ordinal);
        var polishApi = await app.ApiClientAsync(polish.Email);
        var polishPost = await (await polishApi.GetAsync($"/api/v1/posts/{id}")).JsonAsync();
        Assert.Equal($"Zwroty {stamp}", polishPost.GetProperty("title").GetString());
        Assert.Contains($"Zwroty {stamp}", await polishApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);

        // Receipts per variant: the warehouse reader acknowledges.
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(warehouseClient, $"/news/{id}", [], $"/news/{id}?handler=Acknowledge")).StatusCode);
        var receipts = await (await (await app.ApiClientAsync("comms@demo.example")).GetAsync($"/api/v1/posts/{id}/receipts")).JsonAsync();
        var variants = receipts.GetProperty("variants").EnumerateArray().ToList();
        var operationsRow = variants.Single(v => v.GetProperty("id").ValueKind == JsonValueKind.Number && v.GetProperty("id").GetInt32() == operations);
        Assert.Equal((1, 1, 1), (operationsRow.GetProperty("reached").GetInt32(), operationsRow.GetProperty("opened").GetInt32(), operationsRow.GetProperty("acknowledged").GetInt32()));
        var defaultRow = variants.Single(v => v.GetProperty("id").ValueKind == JsonValueKind.Null);
        Assert.Equal((2, 0), (defaultRow.GetProperty("reached").GetInt32(), defaultRow.GetProperty("acknowledged").GetInt32()));
        Assert.Equal(3, receipts.GetProperty("total").GetProperty("reached").GetInt32());
        var page = await comms.GetStringAsync($"/posts/{id}/receipts");
        Assert.Contains("id=\"per-variant\"", page, StringComparison.Ordinal);
        Assert.Matches($"data-variant=\"{operations}\">\\s*<td>[^<]+</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>1</td>", page);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_a_published_post_keeps_its_history_tells_readers_and_can_notify_again(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var reader = await PersonAsync(app, department);
        var comms = await app.SignedInAsync("comms@demo.example");
        var stamp = Guid.NewGuid().ToString("N");
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = $"First {stamp}", ["Input.Type"] = "News", ["Input.Body"] = "Version one.", ["action"] = "publish",
            ["Input.Urgent"] = "true", ["Input.AllowComments"] = "false", ["Input.AllowReactions"] = "true",
            ["Audience.Include[0].Departments"] = department.ToString(CultureInfo.InvariantCulture),
        };
        var created = await InwardApp.PostFormAsync(comms, "/posts/new", form);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        var first = await PostAsync(app, id);
        Assert.Equal((true, false, true, PostStatus.Published), (first.Urgent, first.AllowComments, first.AllowReactions, first.Status));
        var readerClient = await app.SignedInAsync(reader.Email, TestAccounts.Password);
        Assert.DoesNotContain("post-edited", await readerClient.GetStringAsync($"/news/{id}"), StringComparison.Ordinal);

        form["Input.Title"] = $"Second {stamp}";
        form["Input.Body"] = "Version two.";
        form["Input.ChangeNote"] = "Corrected the date.";
        form["Input.Renotify"] = "true";
        form["action"] = "save";
        var saved = await InwardApp.PostFormAsync(comms, $"/posts/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var second = await PostAsync(app, id);
        Assert.Equal((PostStatus.Published, first.PublishedUtc), (second.Status, second.PublishedUtc));
        Assert.NotNull(second.EditedUtc);
        var revisions = await TestAccounts.WithDbAsync(app, db => db.Set<PostRevision>().AsNoTracking().Where(r => r.PostId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([$"First {stamp}", $"Second {stamp}"], revisions.Select(r => r.Title));
        Assert.Equal([null, "Corrected the date."], revisions.Select(r => r.Note));
        Assert.Equal([false, true], revisions.Select(r => r.AfterPublication));
        var history = await comms.GetStringAsync($"/posts/{id}/history");
        Assert.Contains("Corrected the date.", history, StringComparison.Ordinal);
        Assert.Contains($"First {stamp}", history, StringComparison.Ordinal);
        Assert.Contains("post-edited", await readerClient.GetStringAsync($"/news/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync("/posts/999999999/history")).StatusCode);

        // Saving without a change adds no revision.
        form.Remove("Input.Renotify");
        await InwardApp.PostFormAsync(comms, $"/posts/{id}/edit", form);
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Set<PostRevision>().CountAsync(r => r.PostId == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_authoring_API_lists_by_status_deletes_only_drafts_and_answers_404_and_403(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var api = await app.ApiClientAsync("comms@demo.example");
        var title = $"Api {Guid.NewGuid():N}";
        var created = await CreateAsync(api, Request(title, Audience(department), texts: [new { departmentId = department, language = "ar", title = "عنوان", body = "نص" }]));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("Draft", created.GetProperty("status").GetString());

        var source = await (await api.GetAsync($"/api/v1/posts/{id}/source")).JsonAsync();
        Assert.Equal("ar", source.GetProperty("texts")[0].GetProperty("language").GetString());
        Assert.Equal(department, source.GetProperty("audience").GetProperty("include")[0].GetProperty("departments")[0].GetProperty("id").GetInt32());
        var drafts = await (await api.GetAsync("/api/v1/posts?status=Draft&pageSize=200")).JsonAsync();
        Assert.Contains(drafts.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == title);
        Assert.All(drafts.GetProperty("items").EnumerateArray(), i => Assert.Equal("Draft", i.GetProperty("status").GetString()));
        await (await api.GetAsync("/api/v1/posts?status=Gone")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/posts/{id}/publish", new { })).StatusCode);
        await (await api.DeleteAsync($"/api/v1/posts/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/posts/{id}/unpublish", null)).StatusCode);
        await (await api.PostAsync($"/api/v1/posts/{id}/unpublish", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/posts/{id}")).StatusCode);
        await (await api.GetAsync($"/api/v1/posts/{id}/source")).AssertProblemAsync(HttpStatusCode.NotFound);

        foreach (var (method, url) in new[] { ("PUT", "/api/v1/posts/999999999"), ("GET", "/api/v1/posts/999999999/receipts"),
                     ("POST", "/api/v1/posts/999999999/submit"), ("POST", "/api/v1/posts/999999999/approve"), ("DELETE", "/api/v1/posts/999999999") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { approverRole = "HR" }) };
            await (await api.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        var employee = await app.ApiClientAsync("employee@demo.example");
        await (await employee.GetAsync("/api/v1/posts")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PostAsJsonAsync("/api/v1/posts", Request(title, Audience(department)))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AnyAsync(p => p.Title == title)));
    }
}
