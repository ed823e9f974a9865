using System.Net;
using System.Net.Http.Json;
using Inward.Features.Feedback;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Feedback;

/// <summary>
/// Notices about feedback cards on both databases: recipients hear of named cards at once (app and SMTP) and of anonymous
/// ones only in the daily announcement, without an author; named authors hear of replies and statuses, anonymous authors
/// only inside their own session. The inbox pages.
/// </summary>
public sealed class FeedbackNoticeTests(Apps apps) : IntegrationTest(apps)
{
    private sealed record Person(string Email, string UserId, int EmployeeId, string Name);

    private static async Task<Person> PersonAsync(InwardApp app, string[] roles, int? departmentId = null)
    {
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles);
        var name = await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            await db.SaveChangesAsync();
            return e.Name;
        });
        return new(email, userId, employeeId!.Value, name);
    }

    private static async Task<int> DepartmentAsync(InwardApp app) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Fbn {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    private static async Task<int> CardAsync(HttpClient api, string text, bool anonymous, int department)
    {
        var response = await api.PostAsJsonAsync("/api/v1/feedback",
            new { category = "MyJob", recipient = "Department", departmentId = department, text, anonymous, onBoard = false });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private static Task<List<Notification>> NotesAsync(InwardApp app, int employeeId) =>
        TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking().Where(n => n.EmployeeId == employeeId && n.Kind == "feedback").ToListAsync());

    private static async Task AnnounceAsync(InwardApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<FeedbackAnnounceJob>(scope.ServiceProvider, clock);
        await job.HandleAsync(new JobContext(Guid.NewGuid(), FeedbackAnnounceJob.Kind, "{}", 1, DateTime.UtcNow), default);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Named_cards_reach_the_recipients_at_once_and_the_author_hears_of_replies_and_statuses_by_mail(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var head = await PersonAsync(app, [Roles.Manager, Roles.Employee], department);
        var author = await PersonAsync(app, [Roles.Employee]);
        var authorApi = await app.ApiClientAsync(author.Email);
        var id = await CardAsync(authorApi, $"Named {Guid.NewGuid():N}", anonymous: false, department);

        var note = Assert.Single(await NotesAsync(app, head.EmployeeId));
        Assert.Equal($"/feedback/cards/{id}", note.Url);
        var mail = await app.Smtp.WaitForMessageAsync(head.Email, m => (m.Subject ?? "").Contains(author.Name, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.StartsWith("New feedback card from", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/feedback/cards/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);

        var headApi = await app.ApiClientAsync(head.Email);
        var reply = await headApi.PostAsJsonAsync($"/api/v1/feedback/{id}/replies", new { text = "Thanks, looking into it." });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        await app.Smtp.WaitForMessageAsync(author.Email, m => m.Subject == "New reply to your feedback card", TimeSpan.FromSeconds(30));
        var status = await headApi.PostAsJsonAsync($"/api/v1/feedback/{id}/status", new { status = "Planned", answer = "Next quarter." });
        Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());
        await app.Smtp.WaitForMessageAsync(author.Email, m => m.Subject == "Your feedback card has a new status", TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await NotesAsync(app, author.EmployeeId)).Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_cards_are_announced_next_day_without_an_author_and_their_authors_get_no_stored_notice_or_mail(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var head = await PersonAsync(app, [Roles.Manager, Roles.Employee], department);
        var author = await PersonAsync(app, [Roles.Employee]);
        var authorPages = await app.SignedInAsync(author.Email, TestAccounts.Password);
        await authorPages.GetStringAsync("/feedback"); // makes the inbox secrets, as a first visit does
        var authorApi = await app.ApiClientAsync(author.Email);
        var first = await CardAsync(authorApi, $"Anonymous {Guid.NewGuid():N}", anonymous: true, department);
        var second = await CardAsync(authorApi, $"Anonymous {Guid.NewGuid():N}", anonymous: true, department);
        Assert.Empty(await NotesAsync(app, head.EmployeeId));

        var clock = new ManualClock(DateTime.UtcNow); // the same day: nothing yet
        await AnnounceAsync(app, clock);
        Assert.Empty(await NotesAsync(app, head.EmployeeId));
        clock.Advance(TimeSpan.FromDays(1));
        await AnnounceAsync(app, clock);
        await AnnounceAsync(app, clock); // a retry or a second instance announces nothing twice
        var note = Assert.Single(await NotesAsync(app, head.EmployeeId));
        Assert.Equal("/feedback/inbox", note.Url);
        Assert.Equal("New anonymous feedback cards: 2", note.Title);
        var mail = await app.Smtp.WaitForMessageAsync(head.Email, m => (m.Subject ?? "").StartsWith("New anonymous feedback cards", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(author.Name, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(author.Email, mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Single(app.Smtp.Messages(), m => m.To.ToString().Contains(head.Email, StringComparison.OrdinalIgnoreCase)
            && (m.Subject ?? "").StartsWith("New anonymous feedback cards", StringComparison.Ordinal));

        var headApi = await app.ApiClientAsync(head.Email);
        Assert.True((await headApi.PostAsJsonAsync($"/api/v1/feedback/{first}/replies", new { text = "Good point." })).IsSuccessStatusCode);
        Assert.True((await headApi.PostAsJsonAsync($"/api/v1/feedback/{second}/status", new { status = "UnderReview" })).IsSuccessStatusCode);
        // The author's only notice is worked out in their own session from their inbox key.
        Assert.Contains("2 of your cards have a new answer.", WebUtility.HtmlDecode(await authorPages.GetStringAsync("/feedback")), StringComparison.Ordinal);
        Assert.Empty(await NotesAsync(app, author.EmployeeId));
        await Task.Delay(TimeSpan.FromSeconds(12)); // two job polls: any queued mail would have gone
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.ToString().Contains(author.Email, StringComparison.OrdinalIgnoreCase));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().AnyAsync(j => j.Kind == FeedbackMailJob.Kind
            && (j.Payload.Contains($"\"CardId\":{first},") || j.Payload.Contains($"\"CardId\":{second},")))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_inbox_pages_through_all_cards_on_the_page_and_in_the_api(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var head = await PersonAsync(app, [Roles.Manager, Roles.Employee], department);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var author = await PersonAsync(app, [Roles.Employee]);
            ids.Add(await CardAsync(await app.ApiClientAsync(author.Email), $"Card {i} {Guid.NewGuid():N}", anonymous: false, department));
        }
        var api = await app.ApiClientAsync(head.Email);
        var page1 = await (await api.GetAsync("/api/v1/feedback/inbox?pageSize=2")).JsonAsync();
        Assert.Equal((3, 1, 2), (page1.GetProperty("total").GetInt32(), page1.GetProperty("page").GetInt32(), page1.GetProperty("pageSize").GetInt32()));
        var page2 = await (await api.GetAsync("/api/v1/feedback/inbox?pageSize=2&page=2")).JsonAsync();
        var seen = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.OrderDescending(), seen);
        var bad = await (await api.GetAsync("/api/v1/feedback/inbox?page=0&pageSize=500")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("page", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("pageSize", out _));

        var pages = await app.SignedInAsync(head.Email, TestAccounts.Password);
        var html = WebUtility.HtmlDecode(await pages.GetStringAsync("/feedback/inbox"));
        Assert.Contains("3 cards found.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", WebUtility.HtmlDecode(await pages.GetStringAsync("/feedback/inbox?page=2")), StringComparison.Ordinal);
    }
}
