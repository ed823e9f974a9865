using System.Net;
using System.Net.Http.Json;
using Inward.Features.Email;
using Inward.Features.Notifications;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Inward.Tests.Email.DeliveryTestData;

namespace Inward.Tests.Email;

/// <summary>E-mail delivery received by the real SMTP server: immediate must-reads, digests and unsubscribing, reminders.</summary>
public sealed class EmailTests(Apps apps) : IntegrationTest(apps)
{
    private static int CountTo(InwardApp app, string email) =>
        app.Smtp.Messages().Count(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_must_read_is_emailed_at_once_as_html_and_text_with_a_link_and_no_unsubscribe(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (email, employeeId) = await PersonAsync(app, department);
        var title = Unique("Returns policy ");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7));

        var post = await PublishAsync(app, Department(department), title, "New **returns** rule.\n\n<script>alert(1)</script>[x](javascript:alert(2))",
            mustRead: true, due: due);

        var mail = await app.Smtp.WaitForMessageAsync(email, m => (m.Subject ?? "").Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal($"Must-read: {title}", mail.Subject);
        Assert.Contains($"/news/{post.Id}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<strong>returns</strong>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"/news/{post.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("New returns rule.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("unsubscribe", mail.HtmlBody + mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);

        await WaitForDeliveryAsync(app, post.Id);
        // The delivery record makes a retried batch a no-op.
        await RunAsync<PostMailBatchJob>(app, new PostMailBatch(post.Id, EmailDelivery.PostKind, post.PublishedUtc!.Value.Ticks, [Recipient.EmployeeKey(employeeId)]));
        Assert.Equal(1, CountTo(app, email));
        var deliveries = await TestAccounts.WithDbAsync(app, db => db.Set<EmailDelivery>().CountAsync(d => d.PostId == post.Id));
        Assert.Equal(1, deliveries);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Mails_and_digests_carry_each_recipients_department_variant_and_language(DatabaseProvider provider)
    {
        var app = await App(provider);
        var logistics = await DepartmentAsync(app);
        var service = await DepartmentAsync(app);
        var (logisticsEmail, _) = await PersonAsync(app, logistics);
        var (polishEmail, polishId) = await PersonAsync(app, service);
        var (englishEmail, englishId) = await PersonAsync(app, service);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == polishId)).Language = "pl";
            return await db.SaveChangesAsync();
        });
        var audience = new Inward.Features.Audiences.AudienceRule
        {
            Include = [new Inward.Features.Audiences.AudienceClause { Departments = [new() { Id = logistics }, new() { Id = service }] }],
        };
        PostText[] texts(string stamp) =>
        [
            new() { DepartmentId = logistics, Title = $"Dock hand-over {stamp}", Body = "Bikes at the *dock* by 14:00." },
            new() { Language = "pl", Title = $"Nowe zasady zwrotów {stamp}", Body = "Zwroty od poniedziałku." },
        ];

        var stamp = Guid.NewGuid().ToString("N")[..8];
        var mustRead = NewPost(audience, $"New returns rule {stamp}", "Returns from Monday.", mustRead: true, due: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)));
        await PublishWithTextsAsync(app, mustRead, texts(stamp));

        var toLogistics = await app.Smtp.WaitForMessageAsync(logisticsEmail, m => (m.Subject ?? "").Contains(stamp, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal($"Must-read: Dock hand-over {stamp}", toLogistics.Subject);
        Assert.Contains("<em>dock</em>", toLogistics.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Returns from Monday", toLogistics.TextBody, StringComparison.Ordinal);
        var toPolish = await app.Smtp.WaitForMessageAsync(polishEmail, m => (m.Subject ?? "").Contains(stamp, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains($"Nowe zasady zwrotów {stamp}", toPolish.Subject, StringComparison.Ordinal);
        Assert.Contains("Zwroty od poniedziałku.", toPolish.TextBody, StringComparison.Ordinal);
        var toEnglish = await app.Smtp.WaitForMessageAsync(englishEmail, m => (m.Subject ?? "").Contains(stamp, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal($"Must-read: New returns rule {stamp}", toEnglish.Subject);

        // A digest lists the same post under the reader's own title.
        var digestStamp = Guid.NewGuid().ToString("N")[..8];
        var news = NewPost(audience, $"Canteen news {digestStamp}", "The canteen opens at eight.");
        await PublishWithTextsAsync(app, news, texts(digestStamp));
        await RunAsync<DigestBatchJob>(app, new DigestBatch(DigestFrequency.Weekly, [polishId, englishId]));
        var polishDigest = await app.Smtp.WaitForMessageAsync(polishEmail, m => (m.Subject ?? "").Contains("digest", StringComparison.OrdinalIgnoreCase)
            || (m.TextBody ?? "").Contains(digestStamp, StringComparison.Ordinal));
        // The HTML part encodes non-ASCII letters as character references; the text part has them as they are.
        Assert.Contains($"Nowe zasady zwrotów {digestStamp}", polishDigest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"Canteen news {digestStamp}", polishDigest.HtmlBody + polishDigest.TextBody, StringComparison.Ordinal);
        var englishDigest = await app.Smtp.WaitForMessageAsync(englishEmail, m => (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));
        Assert.Contains($"Canteen news {digestStamp}", englishDigest.HtmlBody, StringComparison.Ordinal);
    }

    private static async Task PublishWithTextsAsync(InwardApp app, Post post, PostText[] texts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        db.Add(post);
        await db.SaveChangesAsync();
        foreach (var text in texts)
        {
            text.PostId = post.Id;
            db.Add(text);
        }
        await scope.ServiceProvider.GetRequiredService<PostPublisher>().PublishAsync(post);
    }

    [Fact]
    public void Recipients_are_split_into_batches_of_two_hundred_with_one_idempotency_key_each()
    {
        var keys = Enumerable.Range(1, 10_001).Select(Recipient.EmployeeKey).ToList();
        var chunks = keys.Chunk(PostMailChannel.BatchSize).ToList();
        Assert.Equal(51, chunks.Count);
        Assert.All(chunks[..^1], c => Assert.Equal(200, c.Length));
        Assert.Single(chunks[^1]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_to_many_queues_batch_jobs_quickly_and_an_ordinary_post_queues_none(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var post = await PublishAsync(app, Department(department), Unique("Plain news "));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<Inward.Platform.Jobs.IJobScheduler>();
        var keys = Enumerable.Range(1, 1000).Select(i => Recipient.UserKey($"nobody-{i}")).ToList();

        var started = System.Diagnostics.Stopwatch.StartNew();
        await PostMailChannel.QueueAsync(jobs, post.Id, EmailDelivery.PostKind, 42, keys, default);
        await PostMailChannel.QueueAsync(jobs, post.Id, EmailDelivery.PostKind, 42, keys, default); // queued again: the keys dedupe
        started.Stop();

        var queued = await db.Set<Inward.Platform.Jobs.BackgroundJob>().AsNoTracking()
            .Where(j => j.Kind == PostMailChannel.BatchJob && j.IdempotencyKey!.StartsWith($"email.batch:{post.Id}:")).ToListAsync();
        Assert.Equal(5, queued.Count(j => j.IdempotencyKey!.Contains(":42:", StringComparison.Ordinal)));
        // The ordinary post itself queued nothing for e-mail: it waits for the digest.
        Assert.DoesNotContain(queued, j => !j.IdempotencyKey!.Contains(":42:", StringComparison.Ordinal));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), started.Elapsed.ToString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_digest_lists_new_posts_except_those_already_mailed_has_one_click_unsubscribe_and_is_not_repeated(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (email, employeeId) = await PersonAsync(app, department);
        var other = await DepartmentAsync(app);
        var mustRead = await PublishAsync(app, Department(department), Unique("Must-read "), mustRead: true, due: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9)));
        await app.Smtp.WaitForMessageAsync(email, m => (m.Subject ?? "").Contains(mustRead.Title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await WaitForDeliveryAsync(app, mustRead.Id);
        var news = await PublishAsync(app, Department(department), Unique("Canteen news "), "The canteen opens at *eight*.");
        var notMine = await PublishAsync(app, Department(other), Unique("Other news "));

        await RunAsync<DigestBatchJob>(app, new DigestBatch(DigestFrequency.Weekly, [employeeId]));

        var digest = await app.Smtp.WaitForMessageAsync(email, m => (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));
        // Other tests' posts for everyone may be listed too; ours must be.
        Assert.StartsWith("Your weekly digest: ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains(news.Title, digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"/news/{news.Id}", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(news.Title, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("The canteen opens at eight.", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mustRead.Title, digest.HtmlBody + digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(notMine.Title, digest.HtmlBody + digest.TextBody, StringComparison.Ordinal);
        var listUnsubscribe = digest.Headers[HeaderId.ListUnsubscribe] ?? "";
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers[HeaderId.ListUnsubscribePost]);
        Assert.StartsWith("<", listUnsubscribe, StringComparison.Ordinal);
        var url = new Uri(listUnsubscribe.Trim('<', '>'));
        Assert.Equal("/email/unsubscribe", url.AbsolutePath);
        Assert.Contains("/email/unsubscribe?token=", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(listUnsubscribe.Trim('<', '>'), digest.TextBody, StringComparison.Ordinal);

        // Nothing new since: no second digest.
        await RunAsync<DigestBatchJob>(app, new DigestBatch(DigestFrequency.Weekly, [employeeId]));
        Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));

        // The link asks first (anonymous GET changes nothing), then a one-click POST (no cookie, no antiforgery) applies.
        var anonymous = app.Client();
        var page = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(DigestFrequency.Weekly, await PreferenceAsync(app, employeeId));
        var oneClick = await anonymous.PostAsync(url.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(DigestFrequency.Off, await PreferenceAsync(app, employeeId));
        Assert.DoesNotContain(employeeId, await TestAccounts.WithDbAsync(app, db => DigestJob.RecipientsAsync(db, DigestFrequency.Weekly, default)));

        // A forged or tampered token does nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/email/unsubscribe?token=forged")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(url.PathAndQuery + "x", null)).StatusCode);
    }

    /// <summary>The delivery record is saved right after SMTP accepted the mail, a moment after the mail arrives.</summary>
    private static async Task WaitForDeliveryAsync(InwardApp app, int postId)
    {
        for (var i = 0; i < 100 && !await TestAccounts.WithDbAsync(app, db => db.Set<EmailDelivery>().AnyAsync(d => d.PostId == postId)); i++)
        {
            await Task.Delay(100);
        }
    }

    private static Task<DigestFrequency> PreferenceAsync(InwardApp app, int employeeId) =>
        TestAccounts.WithDbAsync(app, async db => await db.Set<EmailPreference>().Where(p => p.EmployeeId == employeeId)
            .Select(p => (DigestFrequency?)p.Digest).SingleOrDefaultAsync() ?? DigestFrequency.Weekly);

    [Theory, MemberData(nameof(Providers))]
    public async Task Email_preferences_are_read_and_changed_on_the_page_and_through_the_api(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (email, employeeId) = await PersonAsync(app, department);
        var client = await app.SignedInAsync(email, TestAccounts.Password);

        var account = await client.GetStringAsync("/account");
        Assert.Contains("href=\"/account/email\"", account, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/account/email");
        Assert.Contains("value=\"Weekly\" checked=\"checked\"", page, StringComparison.Ordinal);
        var saved = await InwardApp.PostFormAsync(client, "/account/email", new() { ["Digest"] = "Daily" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(DigestFrequency.Daily, await PreferenceAsync(app, employeeId));
        var invalid = await InwardApp.PostFormAsync(client, "/account/email", new() { ["Digest"] = "Hourly" });
        Assert.Contains("Choose daily, weekly or never.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await app.ApiClientAsync(email);
        var got = await (await api.GetAsync("/api/v1/me/email-preferences")).JsonAsync();
        Assert.Equal("Daily", got.GetProperty("digest").GetString());
        var put = await api.PutAsJsonAsync("/api/v1/me/email-preferences", new { digest = "off" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(DigestFrequency.Off, await PreferenceAsync(app, employeeId));
        var bad = await api.PutAsJsonAsync("/api/v1/me/email-preferences", new { digest = "hourly" });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("digest", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Must_read_reminders_go_before_the_due_date_and_once_when_overdue_only_to_those_who_have_not_confirmed(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (late, lateId) = await PersonAsync(app, department);
        var (_, diligentId) = await PersonAsync(app, department);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var due = today.AddDays(10);
        var post = NewPost(Department(department), Unique("Safety briefing "), mustRead: true, due: due);
        post.Status = PostStatus.Published;
        post.PublishedUtc = DateTime.UtcNow.AddMinutes(-1);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            db.Add(post);
            await db.SaveChangesAsync();
            db.Add(new PostAcknowledgement { PostId = post.Id, EmployeeId = diligentId, AcknowledgedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var clock = new ManualClock(due.AddDays(-3).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));
        async Task<List<MustReadReminder>> RemindersAsync() =>
            await TestAccounts.WithDbAsync(app, db => db.Set<MustReadReminder>().AsNoTracking().Where(r => r.PostId == post.Id).ToListAsync());

        await RunAsync<ReminderJob>(app, new ReminderRun(post.Id), clock);
        Assert.Empty(await RemindersAsync());

        clock.Advance(TimeSpan.FromDays(1)); // two days before
        await RunAsync<ReminderJob>(app, new ReminderRun(post.Id), clock);
        await RunAsync<ReminderJob>(app, new ReminderRun(post.Id), clock);
        var before = Assert.Single(await RemindersAsync());
        Assert.Equal((lateId, EmailDelivery.ReminderBefore), (before.EmployeeId, before.Kind));
        var reminder = await app.Smtp.WaitForMessageAsync(late, m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains(post.Title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains($"/news/{post.Id}", reminder.TextBody, StringComparison.Ordinal);
        var notes = await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.Url == $"/news/{post.Id}" && n.Kind == "reminder").Select(n => n.EmployeeId).ToListAsync());
        Assert.Equal([lateId], notes);

        clock.Advance(TimeSpan.FromDays(2)); // the due date itself: nothing new
        await RunAsync<ReminderJob>(app, new ReminderRun(post.Id), clock);
        Assert.Single(await RemindersAsync());

        clock.Advance(TimeSpan.FromDays(1)); // overdue
        await RunAsync<ReminderJob>(app, new ReminderRun(post.Id), clock);
        clock.Advance(TimeSpan.FromDays(1));
        await RunAsync<ReminderJob>(app, new ReminderRun(post.Id), clock);
        var all = await RemindersAsync();
        Assert.Equal(2, all.Count);
        Assert.Contains(all, r => r.EmployeeId == lateId && r.Kind == EmailDelivery.ReminderOverdue);
        await app.Smtp.WaitForMessageAsync(late, m => (m.Subject ?? "").StartsWith("Overdue:", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains(post.Title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().CountAsync(n => n.Url == $"/news/{post.Id}" && n.Kind == "reminder")));
    }

    [Theory]
    [InlineData(10, 7, null)]
    [InlineData(10, 8, "reminder-before")]
    [InlineData(10, 9, "reminder-before")]
    [InlineData(10, 10, "reminder-before")]
    [InlineData(10, 11, "reminder-overdue")]
    [InlineData(10, 20, "reminder-overdue")]
    public void Reminder_kind_depends_on_days_to_the_due_date(int dueDay, int todayDay, string? expected)
    {
        var due = new DateOnly(2031, 5, dueDay);
        Assert.Equal(expected, ReminderRules.KindFor(due, new DateOnly(2031, 5, todayDay), 2));
    }

    [Fact]
    public void With_zero_days_before_the_first_reminder_is_on_the_due_date()
    {
        var due = new DateOnly(2031, 5, 10);
        Assert.Null(ReminderRules.KindFor(due, due.AddDays(-1), 0));
        Assert.Equal(EmailDelivery.ReminderBefore, ReminderRules.KindFor(due, due, 0));
    }
}
