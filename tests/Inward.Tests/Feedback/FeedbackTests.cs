using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Feedback;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Feedback;

/// <summary>Feedback cards: anonymity of the author everywhere, the two-way conversation, recipients, statuses, the board, limits and metrics.</summary>
public sealed class FeedbackTests(Apps apps) : IntegrationTest(apps)
{
    private sealed record Author(string Email, string UserId, int EmployeeId, string Name);

    private static async Task<Author> PersonAsync(InwardApp app, string[]? roles = null, int? departmentId = null)
    {
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
        var name = await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            await db.SaveChangesAsync();
            return e.Name;
        });
        return new Author(email, userId, employeeId!.Value, name);
    }

    private static async Task<int> DepartmentAsync(InwardApp app) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Fb {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    private static async Task<int> CardAsync(HttpClient api, string text, bool anonymous = true, string recipient = "HR", int? departmentId = null,
        bool onBoard = false, string category = "HR")
    {
        var response = await api.PostAsJsonAsync("/api/v1/feedback", new { category, recipient, departmentId, text, anonymous, onBoard });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_anonymous_card_and_its_replies_never_reveal_the_author_yet_the_author_follows_the_conversation(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app);
        var text = $"Anonymous idea {Guid.NewGuid():N}";
        var authorPages = await app.SignedInAsync(author.Email, TestAccounts.Password);

        var created = await InwardApp.PostFormAsync(authorPages, "/feedback", new()
        {
            ["Input.Category"] = "CompanyPolicies", ["Input.Recipient"] = "HR", ["Input.Text"] = text, ["Input.Anonymous"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);

        // HR answers through the page; the author reads it in their inbox and answers back through the API, anonymously.
        var hr = await app.SignedInAsync("hr@demo.example");
        var answer = $"HR answer {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(hr, $"/feedback/cards/{id}", new() { ["Text"] = answer },
            $"/feedback/cards/{id}?handler=Reply")).StatusCode);
        var mine = await authorPages.GetStringAsync("/feedback/mine");
        Assert.Contains($"/feedback/cards/{id}", mine, StringComparison.Ordinal);
        Assert.Contains("New answer", mine, StringComparison.Ordinal);
        Assert.Contains(answer, await authorPages.GetStringAsync($"/feedback/cards/{id}"), StringComparison.Ordinal);
        var authorApi = await app.ApiClientAsync(author.Email);
        var back = $"Author answer {Guid.NewGuid():N}";
        var replied = await authorApi.PostAsJsonAsync($"/api/v1/feedback/{id}/replies", new { text = back });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var myCards = await (await authorApi.GetAsync("/api/v1/feedback")).JsonAsync();
        Assert.Contains(myCards.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id && c.GetProperty("mine").GetBoolean());
        var hrApi = await app.ApiClientAsync("hr@demo.example");
        var closed = await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Done", answer = "Done: the policy changes in May." });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        // Everything the recipients and an administrator can read: pages, API, inbox lists, notifications (the audit log is checked in the
        // database below: it rightly lists the author's sign-in, just never next to the card).
        var admin = await app.SignedInAsync("admin@demo.example");
        var adminApi = await app.ApiClientAsync("admin@demo.example");
        var seen = new List<string>
        {
            await hr.GetStringAsync($"/feedback/cards/{id}"),
            await hr.GetStringAsync("/feedback/inbox"),
            await hrApi.GetStringAsync($"/api/v1/feedback/{id}"),
            await hrApi.GetStringAsync("/api/v1/feedback/inbox"),
            await admin.GetStringAsync($"/feedback/cards/{id}"),
            await admin.GetStringAsync("/feedback/inbox?status=Done"),
            await adminApi.GetStringAsync($"/api/v1/feedback/{id}"),
            await admin.GetStringAsync("/feedback/board"),
            await adminApi.GetStringAsync("/api/v1/notifications"),
        };
        Assert.Contains(back, seen[0], StringComparison.Ordinal);
        Assert.Contains(text, seen[3], StringComparison.Ordinal);
        var hrCard = JsonDocument.Parse(seen[2]).RootElement;
        Assert.Equal(JsonValueKind.Null, hrCard.GetProperty("authorName").ValueKind);
        Assert.False(hrCard.GetProperty("mine").GetBoolean());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", hrCard.GetProperty("receivedOn").GetString()!);
        foreach (var page in seen)
        {
            Assert.DoesNotContain(author.Email, page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(author.Name, page, StringComparison.Ordinal);
            Assert.DoesNotContain(author.UserId, page, StringComparison.Ordinal);
        }

        // The database itself: no row of the card, its messages, the audit log or notifications ties the author to it.
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var card = await db.Set<FeedbackCard>().AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.True(card.IsAnonymous);
            Assert.Null(card.AuthorUserId);
            Assert.Null(card.AuthorEmployeeId);
            Assert.Null(card.AuthorName);
            var rows = JsonSerializer.Serialize(new { card, messages = await db.Set<FeedbackMessage>().AsNoTracking().Where(m => m.CardId == id).ToListAsync() });
            Assert.DoesNotContain(author.UserId, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(author.Email, rows, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(author.Name, rows, StringComparison.Ordinal);
            Assert.Contains(back, rows, StringComparison.Ordinal);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType.StartsWith("Feedback")));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.After != null || a.Before != null).Select(a => (a.After ?? "") + (a.Before ?? "")).ToListAsync();
            Assert.DoesNotContain(audit, a => a.Contains(text, StringComparison.Ordinal) || a.Contains(back, StringComparison.Ordinal));
            Assert.False(await db.Set<Notification>().AnyAsync(n => n.EmployeeId == author.EmployeeId && n.Url.StartsWith("/feedback")));
            Assert.DoesNotContain(await db.Set<Notification>().Where(n => n.Url.StartsWith("/feedback")).Select(n => n.Title).ToListAsync(),
                t => t.Contains(author.Name, StringComparison.Ordinal));
            return true;
        });
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.ToString().Contains(text, StringComparison.Ordinal)
            || m.ToString().Contains(back, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_named_card_shows_its_author_to_the_recipients_and_notifies_both_sides(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app);
        var id = await CardAsync(await app.ApiClientAsync(author.Email), $"Named {Guid.NewGuid():N}", anonymous: false);
        var hrApi = await app.ApiClientAsync("hr@demo.example");

        var card = await (await hrApi.GetAsync($"/api/v1/feedback/{id}")).JsonAsync();
        Assert.Equal(author.Name, card.GetProperty("authorName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/replies", new { text = "Thanks, looking at it." })).StatusCode);

        await TestAccounts.WithDbAsync(app, async db =>
        {
            var hrEmployee = await db.Employees.Where(e => e.Email == "hr@demo.example").Select(e => e.Id).SingleAsync();
            Assert.True(await db.Set<Notification>().AnyAsync(n => n.EmployeeId == hrEmployee && n.Url == $"/feedback/cards/{id}"));
            Assert.True(await db.Set<Notification>().AnyAsync(n => n.EmployeeId == author.EmployeeId && n.Url == $"/feedback/cards/{id}"));
            return true;
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Recipients_see_only_the_cards_addressed_to_them_and_others_get_404(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var head = await PersonAsync(app, [Roles.Manager, Roles.Employee], department);
        var author = await PersonAsync(app);
        var authorApi = await app.ApiClientAsync(author.Email);
        var toHr = await CardAsync(authorApi, $"For HR {Guid.NewGuid():N}");
        var toDepartment = await CardAsync(authorApi, $"For the department {Guid.NewGuid():N}", recipient: "Department", departmentId: department);
        var toPlan = await CardAsync(authorApi, $"For the plan owner {Guid.NewGuid():N}", recipient: "PlanOwner", category: "InternalMarketing");

        var headApi = await app.ApiClientAsync(head.Email);
        var headInbox = (await (await headApi.GetAsync("/api/v1/feedback/inbox")).JsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(toDepartment, Assert.Single(headInbox));
        await (await headApi.GetAsync($"/api/v1/feedback/{toHr}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var headPages = await app.SignedInAsync(head.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await headPages.GetAsync($"/feedback/cards/{toHr}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await headPages.GetAsync($"/feedback/cards/{toDepartment}")).StatusCode);

        var hrApi = await app.ApiClientAsync("hr@demo.example");
        await (await hrApi.GetAsync($"/api/v1/feedback/{toDepartment}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await hrApi.GetAsync($"/api/v1/feedback/{toHr}")).StatusCode);
        var commsApi = await app.ApiClientAsync("comms@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await commsApi.GetAsync($"/api/v1/feedback/{toPlan}")).StatusCode);
        await (await commsApi.GetAsync($"/api/v1/feedback/{toHr}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Someone else entirely: 404 for the card, 403 for the inbox; the card ids of others are never theirs.
        var stranger = await app.ApiClientAsync("employee@demo.example");
        await (await stranger.GetAsync($"/api/v1/feedback/{toHr}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/v1/feedback/{toHr}/replies", new { text = "hi" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/v1/feedback/inbox")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await (await stranger.GetAsync("/api/v1/feedback")).JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetInt32() == toHr);
        await (await (await app.SignedInAsync("partner@demo.example")).GetAsync("/api/v1/feedback")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Status_changes_belong_to_recipients_and_closing_needs_an_answer(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app);
        var authorApi = await app.ApiClientAsync(author.Email);
        var id = await CardAsync(authorApi, $"Status {Guid.NewGuid():N}");
        var hrApi = await app.ApiClientAsync("hr@demo.example");

        await (await authorApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Done", answer = "Self-service" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var noAnswer = await (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Done" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noAnswer.GetProperty("errors").TryGetProperty("answer", out _));
        await (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Closed" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var planned = await (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Planned" })).JsonAsync();
        Assert.Equal("Planned", planned.GetProperty("status").GetString());
        Assert.Equal("Planned", (await (await authorApi.GetAsync($"/api/v1/feedback/{id}")).JsonAsync()).GetProperty("status").GetString());

        // The page refuses closing without an answer with a visible error and keeps the status.
        var hrPages = await app.SignedInAsync("hr@demo.example");
        var refused = await InwardApp.PostFormAsync(hrPages, $"/feedback/cards/{id}", new() { ["Status"] = "Declined", ["Answer"] = "" },
            $"/feedback/cards/{id}?handler=Status");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Done and declined need an answer for the author.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var declined = await (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Declined", answer = "Not this year, because..." })).JsonAsync();
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, declined.GetProperty("closedOn").ValueKind);
        await (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Planned" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_board_shows_only_resolved_cards_whose_author_opted_in(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app);
        var authorApi = await app.ApiClientAsync(author.Email);
        var hrApi = await app.ApiClientAsync("hr@demo.example");
        var shown = $"Shown {Guid.NewGuid():N}";
        var open = $"Open {Guid.NewGuid():N}";
        var hidden = $"Private {Guid.NewGuid():N}";
        var later = $"Later {Guid.NewGuid():N}";
        var shownId = await CardAsync(authorApi, shown, onBoard: true);
        await CardAsync(authorApi, open, onBoard: true);
        var privateId = await CardAsync(authorApi, hidden);
        var laterId = await CardAsync(authorApi, later, anonymous: false);
        foreach (var id in new[] { shownId, privateId, laterId })
        {
            Assert.Equal(HttpStatusCode.OK, (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Done", answer = $"We did {id}" })).StatusCode);
        }
        // Only the author decides: a recipient cannot put a card on the board.
        await (await hrApi.PostAsJsonAsync($"/api/v1/feedback/{laterId}/board", new { show = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await authorApi.PostAsJsonAsync($"/api/v1/feedback/{laterId}/board", new { show = true })).StatusCode);

        var board = await (await app.SignedInAsync("employee@demo.example")).GetStringAsync("/feedback/board");
        Assert.Contains(shown, board, StringComparison.Ordinal);
        Assert.Contains($"We did {shownId}", board, StringComparison.Ordinal);
        Assert.Contains(later, board, StringComparison.Ordinal);
        Assert.DoesNotContain(open, board, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, board, StringComparison.Ordinal);
        Assert.DoesNotContain(author.Name, board, StringComparison.Ordinal);
        var api = await (await (await app.ApiClientAsync("employee@demo.example")).GetAsync("/api/v1/feedback/board")).JsonAsync();
        Assert.Contains(api.EnumerateArray(), b => b.GetProperty("id").GetInt32() == laterId && b.GetProperty("answerMarkdown").GetString() == $"We did {laterId}");
        Assert.DoesNotContain(api.EnumerateArray(), b => b.GetProperty("id").GetInt32() == privateId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_cards_get_clear_errors_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app);
        var api = await app.ApiClientAsync(author.Email);
        var marker = $"Bad {Guid.NewGuid():N}";

        async Task<JsonElement> Refused(object body) =>
            (await (await api.PostAsJsonAsync("/api/v1/feedback", body)).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.True((await Refused(new { category = "HR", recipient = "HR", text = "  " })).TryGetProperty("text", out _));
        Assert.True((await Refused(new { category = "HR", recipient = "HR", text = marker + new string('x', FeedbackCard.TextMax) })).TryGetProperty("text", out _));
        Assert.True((await Refused(new { category = "Salary", recipient = "HR", text = marker })).TryGetProperty("category", out _));
        Assert.True((await Refused(new { category = "HR", recipient = "CEO", text = marker })).TryGetProperty("recipient", out _));
        Assert.True((await Refused(new { category = "HR", recipient = "Department", departmentId = 999999999, text = marker })).TryGetProperty("departmentId", out _));
        Assert.True((await Refused(new { category = "HR", recipient = "Department", text = marker })).TryGetProperty("departmentId", out _));
        await (await api.PostAsync("/api/v1/feedback", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var pages = await app.SignedInAsync(author.Email, TestAccounts.Password);
        var page = await InwardApp.PostFormAsync(pages, "/feedback", new()
        {
            ["Input.Category"] = "Nope", ["Input.Recipient"] = "Department", ["Input.DepartmentId"] = "999999999", ["Input.Text"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Choose one of the categories.", html, StringComparison.Ordinal);
        Assert.Contains("Choose an existing department.", html, StringComparison.Ordinal);
        Assert.Contains("Write something first.", html, StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<FeedbackCard>().AnyAsync(c => c.Text.StartsWith(marker))));
        Assert.Empty((await (await api.GetAsync("/api/v1/feedback")).JsonAsync()).EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ten_cards_a_day_then_a_clear_refusal_counting_anonymous_cards_too(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app);
        var api = await app.ApiClientAsync(author.Email);
        for (var i = 0; i < FeedbackRules.CardsPerDay; i++)
        {
            await CardAsync(api, $"Card {i}", anonymous: i % 2 == 0);
        }

        var refused = await (await api.PostAsJsonAsync("/api/v1/feedback", new { category = "Other", recipient = "HR", text = "One more", anonymous = true }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 10 feedback cards a day", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var page = await InwardApp.PostFormAsync(await app.SignedInAsync(author.Email, TestAccounts.Password), "/feedback", new()
        {
            ["Input.Category"] = "Other", ["Input.Recipient"] = "HR", ["Input.Text"] = "One more", ["Input.Anonymous"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You can send at most 10 feedback cards a day.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(FeedbackRules.CardsPerDay, (await (await api.GetAsync("/api/v1/feedback")).JsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Metrics_give_the_median_closure_days_and_the_share_answered_within_14_days(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            FeedbackCard Card(int receivedAgo, int? answeredAgo, int? closedAgo) => new()
            {
                Category = FeedbackCategory.Other, Recipient = FeedbackRecipient.Department, DepartmentId = department, Text = "Metric", IsAnonymous = true,
                AuthorSalt = new byte[16], AuthorTag = new byte[32], ReceivedOn = today.AddDays(-receivedAgo),
                FirstAnsweredOn = answeredAgo is { } a ? today.AddDays(-a) : null, ClosedOn = closedAgo is { } c ? today.AddDays(-c) : null,
                Status = closedAgo is null ? FeedbackStatus.Received : FeedbackStatus.Done,
            };
            db.AddRange(Card(40, 35, 30), Card(40, 20, 10), Card(30, 29, 28), Card(20, null, null), Card(3, null, null));
            await db.SaveChangesAsync();
            return true;
        });

        await using var scope = app.Services.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetServices<IMetricProvider>().Single(p => p.Definitions.Any(d => d.Key == "feedback.closure-median-days"));
        var scopeOf = new MetricScope(department);
        // Closed after 10, 30 and 2 days: median 10. Judged: the three answered and the 20-day-old unanswered one; in time: 5 and 1 days.
        Assert.Equal(10m, (await metrics.EvaluateAsync("feedback.closure-median-days", scopeOf, default)).Value);
        Assert.Equal(50m, (await metrics.EvaluateAsync("feedback.answered-14d-share", scopeOf, default)).Value);
        Assert.Null((await metrics.EvaluateAsync("feedback.closure-median-days", new MetricScope(await DepartmentAsync(app)), default)).Value);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<MetricRegistry>().Find("feedback.answered-14d-share"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_has_cards_in_several_states_two_on_the_board_and_the_demo_author_finds_their_anonymous_ones(DatabaseProvider provider)
    {
        var app = await App(provider);
        var statuses = await TestAccounts.WithDbAsync(app, db => db.Set<FeedbackCard>().Select(c => c.Status).Distinct().ToListAsync());
        Assert.True(statuses.Count >= 4);

        var board = await (await (await app.ApiClientAsync("employee@demo.example")).GetAsync("/api/v1/feedback/board")).JsonAsync();
        Assert.Contains(board.EnumerateArray(), b => b.GetProperty("textMarkdown").GetString()!.StartsWith("Warehouse staff", StringComparison.Ordinal));
        Assert.Contains(board.EnumerateArray(), b => b.GetProperty("textMarkdown").GetString()!.StartsWith("Could visitors' parking", StringComparison.Ordinal));
        var mine = await (await app.SignedInAsync("employee@demo.example")).GetStringAsync("/feedback/mine");
        Assert.Contains("The weekend rota", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Warehouse staff", mine, StringComparison.Ordinal);
    }
}
