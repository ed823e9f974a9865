using System.Globalization;
using System.Net;
using System.Text.Json;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Posts.PostsTests;

namespace Inward.Tests.Posts;

/// <summary>The feed at scale: cursor paging over the audience index, the index kept in step with edits, bad cursors.</summary>
public sealed class FeedTests(Apps apps) : IntegrationTest(apps)
{
    /// <summary>Every page of the API feed, following the "older" cursors; the ids in order.</summary>
    private static async Task<List<int>> WholeFeedAsync(HttpClient api)
    {
        var ids = new List<int>();
        string? before = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var feed = await (await api.GetAsync("/api/v1/feed" + (before is null ? "" : "?before=" + Uri.EscapeDataString(before)))).JsonAsync();
            var items = feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            // Pinned posts and open must-reads lead the first page; later pages hold at most a page of the stream.
            Assert.True(pages == 0 || items.Count <= PostViews.PageSize);
            ids.AddRange(items);
            if (feed.GetProperty("older").ValueKind == JsonValueKind.Null)
            {
                return ids;
            }
            before = feed.GetProperty("older").GetString();
        }
        throw new InvalidOperationException("The feed never ended.");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paging_with_cursors_shows_each_visible_post_once_newest_first_and_nothing_for_other_departments(DatabaseProvider provider)
    {
        var app = await App(provider);
        var mine = await DepartmentAsync(app);
        var other = await DepartmentAsync(app);
        var person = await PersonAsync(app, mine);
        // 60 posts for my department and 60 for another, written straight to the database (through the indexer), one
        // minute apart and interleaved, so several chunks and pages are needed.
        var (myPosts, otherPosts) = await TestAccounts.WithDbAsync(app, async db =>
        {
            var start = DateTime.UtcNow.AddDays(-3);
            var posts = new List<(Post Post, bool Mine)>();
            for (var i = 0; i < 120; i++)
            {
                var forMe = i % 2 == 0;
                var post = new Post
                {
                    Title = $"Paged {i}", Body = "Body", AuthorUserId = "test", Status = PostStatus.Published,
                    PublishedUtc = start.AddMinutes(i), CreatedUtc = start, UpdatedUtc = start,
                    AudienceJson = $$"""{"version":1,"include":[{"departments":[{"id":{{(forMe ? mine : other)}},"includeSubDepartments":true}]}],"exclude":[]}""",
                };
                db.Add(post);
                posts.Add((post, forMe));
            }
            await db.SaveChangesAsync();
            return (posts.Where(p => p.Mine).Select(p => p.Post.Id).ToList(), posts.Where(p => !p.Mine).Select(p => p.Post.Id).ToList());
        });

        var api = await app.ApiClientAsync(person.Email);
        var feed = await WholeFeedAsync(api);
        Assert.Equal(feed.Count, feed.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(myPosts), feed.Where(myPosts.Contains));
        Assert.DoesNotContain(feed, otherPosts.Contains);

        // The page shows the same first items and links to the next page with its cursor.
        var client = await app.SignedInAsync(person.Email, TestAccounts.Password);
        var html = await client.GetStringAsync("/news");
        Assert.Matches("href=\"/news\\?before=[0-9]+-[0-9]+\"", html);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_a_posts_audience_moves_it_to_the_new_departments_feed(DatabaseProvider provider)
    {
        var app = await App(provider);
        var first = await DepartmentAsync(app);
        var second = await DepartmentAsync(app);
        var inFirst = await PersonAsync(app, first);
        var inSecond = await PersonAsync(app, second);
        var title = $"Moving post {Guid.NewGuid():N}";
        var id = await PublishAsync(app, Form(title, first));
        var firstApi = await app.ApiClientAsync(inFirst.Email);
        var secondApi = await app.ApiClientAsync(inSecond.Email);
        Assert.Contains(title, await firstApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await secondApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);

        var comms = await app.SignedInAsync("comms@demo.example");
        var response = await InwardApp.PostFormAsync(comms, $"/posts/{id}/edit", Form(title, second), $"/posts/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.DoesNotContain(title, await firstApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        Assert.Contains(title, await secondApi.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        var keys = await TestAccounts.WithDbAsync(app, db => db.Set<PostAudienceKey>().Where(k => k.PostId == id).Select(k => k.Key).ToListAsync());
        Assert.Equal(["ds:" + second.ToString(CultureInfo.InvariantCulture)], keys);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_made_up_cursor_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync("employee@demo.example");
        foreach (var bad in new[] { "yesterday", "12", "-5-3", "99999999999999999999-1", "1-2-3" })
        {
            var problem = await (await api.GetAsync("/api/v1/feed?before=" + Uri.EscapeDataString(bad))).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("before", out _));
        }
        var client = await app.SignedInAsync("employee@demo.example");
        var page = await client.GetAsync("/news?before=yesterday");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("That page link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
