using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Audiences;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Notifications;

/// <summary>In-app notifications: the in-app publication channel, the list page, the bell and the API.</summary>
public sealed class NotificationsTests(Apps apps) : IntegrationTest(apps)
{
    /// <summary>A new department with <paramref name="count"/> employees of our own (the first one with an account).</summary>
    private static async Task<(int Department, string Email, List<int> Employees)> TeamAsync(InwardApp app, int count)
    {
        var (email, _, first) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var ids = await TestAccounts.WithDbAsync(app, async db =>
        {
            var department = new Department { Name = $"Notify {Guid.NewGuid():N}"[..30] };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            var e = await db.Employees.SingleAsync(x => x.Id == first);
            e.DepartmentId = department.Id;
            var others = Enumerable.Range(0, count - 1).Select(i => $"m{Guid.NewGuid():N}@t.example").Select(mail => new Employee
            {
                Name = $"Member {mail}"[..30],
                Email = mail,
                NormalizedEmail = mail.ToUpperInvariant(),
                DepartmentId = department.Id,
                IsActive = true,
            }).ToList();
            db.Employees.AddRange(others);
            await db.SaveChangesAsync();
            return (department.Id, new List<int> { first!.Value }.Concat(others.Select(o => o.Id)).ToList());
        });
        return (ids.Item1, email, ids.Item2);
    }

    private static async Task<Post> PostForAsync(InwardApp app, int department, bool mustRead = false) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var rule = new AudienceRule { Include = [new AudienceClause { Departments = [new DepartmentChoice { Id = department }] }] };
        var post = new Post
        {
            Title = $"Notified {Guid.NewGuid():N}", Body = "Body", AudienceJson = rule.ToJson(), Status = PostStatus.Published,
            PublishedUtc = DateTime.UtcNow, MustRead = mustRead, AuthorUserId = await db.Users.Select(u => u.Id).FirstAsync(),
        };
        db.Add(post);
        await db.SaveChangesAsync();
        return post;
    });

    private static async Task RunChannelAsync(InwardApp app, Post post, bool renotify = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var channel = scope.ServiceProvider.GetRequiredService<InAppPostChannel>();
        await channel.HandleAsync(post, new PostPublished(post.Id, renotify, DateTime.UtcNow.Ticks), CancellationToken.None);
    }

    private static Task<List<Notification>> NotificationsForAsync(InwardApp app, string url) =>
        TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking().Where(n => n.Url == url).ToListAsync());

    private static async Task<long> NotifyAsync(InwardApp app, int employeeId, string title, string url = "/news/1", string kind = "post")
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([employeeId], kind, title, url);
        return await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().Where(n => n.EmployeeId == employeeId && n.Title == title).Select(n => n.Id).SingleAsync());
    }

    [Fact]
    public void The_in_app_channel_is_a_registered_publication_channel()
    {
        var services = new ServiceCollection();
        services.AddPostPublishedHandler<InAppPostChannel>(InAppPostChannel.Name);
        Assert.Contains(services, d => d.ImplementationInstance is PostPublishedChannel { Kind: "posts.published.in-app" });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_notifies_every_audience_member_once_with_a_link_to_the_post(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _, members) = await TeamAsync(app, 4);
        var post = await PostForAsync(app, department, mustRead: true);

        await RunChannelAsync(app, post);

        var rows = await NotificationsForAsync(app, $"/news/{post.Id}");
        Assert.Equal(members.Order(), rows.Select(r => r.EmployeeId).Order());
        Assert.All(rows, r => Assert.Equal(("must-read", post.Title, (DateTime?)null), (r.Kind, r.Title, r.ReadUtc)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_renotification_says_updated_in_each_members_language(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _, members) = await TeamAsync(app, 2);
        await TestAccounts.WithDbAsync(app, async db =>
            await db.Employees.Where(e => e.Id == members[1]).ExecuteUpdateAsync(s => s.SetProperty(e => e.Language, "pl")));
        var post = await PostForAsync(app, department);

        await RunChannelAsync(app, post, renotify: true);

        var rows = (await NotificationsForAsync(app, $"/news/{post.Id}")).ToDictionary(r => r.EmployeeId);
        Assert.Equal(("post", $"Updated: {post.Title}"), (rows[members[0]].Kind, rows[members[0]].Title));
        Assert.Equal($"Zaktualizowano: {post.Title}", rows[members[1]].Title);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_bell_counts_unread_and_the_list_opens_an_item_marking_it_read(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (_, email, members) = await TeamAsync(app, 1);
        var title = $"Look {Guid.NewGuid():N}";
        var id = await NotifyAsync(app, members[0], title, "/news/42");
        await NotifyAsync(app, members[0], $"Other {Guid.NewGuid():N}");
        var client = await app.SignedInAsync(email, TestAccounts.Password);

        Assert.Contains("data-unread=\"2\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await client.GetStringAsync("/notifications");
        Assert.Contains(title, page, StringComparison.Ordinal);

        var open = await InwardApp.PostFormAsync(client, "/notifications", [], $"/notifications?handler=Open&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/news/42", open.Headers.Location!.OriginalString);
        Assert.Contains("data-unread=\"1\"", await client.GetStringAsync("/notifications"), StringComparison.Ordinal);

        var all = await InwardApp.PostFormAsync(client, "/notifications", [], "/notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Contains("data-unread=\"0\"", await client.GetStringAsync("/notifications"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Opening_a_notification_never_redirects_off_site_and_never_opens_someone_elses(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (_, email, members) = await TeamAsync(app, 1);
        var (_, _, strangers) = await TeamAsync(app, 1);
        // Written past the Notifier, as a bug elsewhere might.
        var evil = await TestAccounts.WithDbAsync(app, async db =>
        {
            var n = new Notification { EmployeeId = members[0], Kind = "post", Title = "Evil", Url = "//evil.example/x", CreatedUtc = DateTime.UtcNow };
            db.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        var theirs = await NotifyAsync(app, strangers[0], $"Theirs {Guid.NewGuid():N}");
        var client = await app.SignedInAsync(email, TestAccounts.Password);

        var open = await InwardApp.PostFormAsync(client, "/notifications", [], $"/notifications?handler=Open&id={evil}");
        Assert.Equal("/notifications", open.Headers.Location!.OriginalString);

        var other = await InwardApp.PostFormAsync(client, "/notifications", [], $"/notifications?handler=Open&id={theirs}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Null(await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().Where(n => n.Id == theirs).Select(n => n.ReadUtc).SingleAsync()));
        await Assert.ThrowsAsync<ArgumentException>(() => new Notifier(null!, TimeProvider.System, null!).NotifyAsync([1], "post", "x", "//evil.example"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_lists_counts_and_marks_only_the_callers_own_notifications(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (_, email, members) = await TeamAsync(app, 1);
        var (_, _, strangers) = await TeamAsync(app, 1);
        var first = await NotifyAsync(app, members[0], $"First {Guid.NewGuid():N}");
        var second = await NotifyAsync(app, members[0], $"Second {Guid.NewGuid():N}");
        var theirs = await NotifyAsync(app, strangers[0], $"Theirs {Guid.NewGuid():N}");
        var client = await app.SignedInAsync(email, TestAccounts.Password);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=1");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(second, list.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("unread").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
        var unread = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true");
        Assert.Equal([second], unread.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        var stranger = await client.PostAsync($"/api/v1/notifications/{theirs}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal("application/problem+json", stranger.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/notifications?pageSize=500")).StatusCode);

        var marked = await client.PostAsync("/api/v1/notifications/read", null);
        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("unread").GetInt32());
        Assert.Null(await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().Where(n => n.Id == theirs).Select(n => n.ReadUtc).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_have_their_own_notification_page_and_api(DatabaseProvider provider)
    {
        var app = await App(provider);
        var partner = await app.SignedInAsync("partner@demo.example");

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/notifications")).StatusCode);
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }
}
