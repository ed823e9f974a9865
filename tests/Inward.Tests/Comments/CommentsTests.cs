using System.Net;
using System.Net.Http.Json;
using Inward.Features.Audiences;
using Inward.Features.Comments;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Comments;

/// <summary>Comments, reactions and mentions under a post, through the pages and the API, for readers and moderators.</summary>
public sealed class CommentsTests(Apps apps) : IntegrationTest(apps)
{
    private sealed record Person(string Email, int EmployeeId, string Name);

    private sealed record Setup(int PostId, int DepartmentId, Person Author, Person Reader, Person Outsider);

    private static async Task<int> DepartmentAsync(InwardApp app) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Comments {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    private static async Task<Person> PersonAsync(InwardApp app, int? departmentId, string[]? roles = null, string? name = null)
    {
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
        var actual = await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            e.Name = name ?? e.Name;
            await db.SaveChangesAsync();
            return e.Name;
        });
        return new(email, employeeId!.Value, actual);
    }

    private static async Task<int> PostAsync(InwardApp app, AudienceRule audience, bool comments = true, bool reactions = true) =>
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var post = new Post
            {
                Type = PostType.News, Title = $"Conversation {Guid.NewGuid():N}", Body = "Hello.", AudienceJson = audience.ToJson(), Status = PostStatus.Published,
                PublishedUtc = DateTime.UtcNow.AddMinutes(-5), AuthorUserId = "tests", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
                AllowComments = comments, AllowReactions = reactions,
            };
            db.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });

    private static AudienceRule For(int departmentId) =>
        new() { Include = [new AudienceClause { Departments = [new DepartmentChoice(departmentId, true)] }] };

    private static async Task<Setup> SetupAsync(InwardApp app, bool comments = true, bool reactions = true)
    {
        var department = await DepartmentAsync(app);
        var post = await PostAsync(app, For(department), comments, reactions);
        return new(post, department, await PersonAsync(app, department), await PersonAsync(app, department), await PersonAsync(app, null));
    }

    private static Task<HttpClient> SignInAsync(InwardApp app, Person person) => app.SignedInAsync(person.Email, TestAccounts.Password);

    // The token comes from the feed, which every internal person can open (the post page is 404 for outsiders).
    private static Task<HttpResponseMessage> CommentAsync(HttpClient client, int postId, string body) =>
        InwardApp.PostFormAsync(client, "/news", new() { ["body"] = body }, $"/news/{postId}/comments?handler=Add");

    private static Task<List<Notification>> MentionsOfAsync(InwardApp app, int employeeId) =>
        TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking().Where(n => n.EmployeeId == employeeId && n.Kind == "mention").ToListAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reader_comments_and_everyone_who_may_read_the_post_sees_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var author = await SignInAsync(app, s.Author);

        var response = await CommentAsync(author, s.PostId, "Great *news*, thanks!");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches($"^/news/{s.PostId}#comment-[0-9]+$", response.Headers.Location!.OriginalString);
        var page = await (await SignInAsync(app, s.Reader)).GetStringAsync($"/news/{s.PostId}");
        Assert.Contains("Great <em>news</em>, thanks!", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(s.Author.Name), page, StringComparison.Ordinal);
        var api = await app.ApiClientAsync(s.Reader.Email);
        var list = await (await api.GetAsync($"/api/v1/posts/{s.PostId}/comments")).JsonAsync();
        var comment = Assert.Single(list.GetProperty("comments").EnumerateArray());
        Assert.Equal("Great *news*, thanks!", comment.GetProperty("bodyMarkdown").GetString());
        Assert.False(comment.GetProperty("mine").GetBoolean());
        Assert.False(comment.GetProperty("canDelete").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Someone_who_may_not_read_the_post_gets_404_for_its_comments_everywhere(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        await CommentAsync(await SignInAsync(app, s.Author), s.PostId, "Inside only");
        var outsider = await SignInAsync(app, s.Outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/news/{s.PostId}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CommentAsync(outsider, s.PostId, "Let me in")).StatusCode);
        var api = await app.ApiClientAsync(s.Outsider.Email);
        await (await api.GetAsync($"/api/v1/posts/{s.PostId}/comments")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.GetAsync($"/api/v1/posts/{s.PostId}/reactions")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostAsJsonAsync($"/api/v1/posts/{s.PostId}/comments", new { body = "Let me in" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.PutAsync($"/api/v1/posts/{s.PostId}/reactions/like", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<PostComment>().CountAsync(c => c.PostId == s.PostId)));
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<PostReaction>().CountAsync(r => r.PostId == s.PostId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_mention_notifies_a_reader_once_and_never_someone_outside_the_audience(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var author = await SignInAsync(app, s.Author);

        var withOutsider = await CommentAsync(author, s.PostId, $"@{s.Reader.Name}, see this. Also @{s.Outsider.Name} and @{s.Outsider.Email}");
        var withoutOutsider = await CommentAsync(author, s.PostId, $"@[{s.Reader.Name}] again and @nobody.here@tests.example");

        // The writer sees the same answer whether or not the people they named exist or may read the post.
        Assert.Equal(HttpStatusCode.Redirect, withOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withoutOutsider.StatusCode);
        var first = withOutsider.Headers.Location!.OriginalString;
        var mentions = await MentionsOfAsync(app, s.Reader.EmployeeId);
        Assert.Equal(2, mentions.Count);
        Assert.Contains(mentions, n => first.EndsWith(n.Url, StringComparison.Ordinal) && n.Url.StartsWith($"/news/{s.PostId}#comment-", StringComparison.Ordinal));
        Assert.All(mentions, n => Assert.Contains(s.Author.Name, n.Title, StringComparison.Ordinal));
        Assert.Empty(await MentionsOfAsync(app, s.Outsider.EmployeeId));
        Assert.Empty(await MentionsOfAsync(app, s.Author.EmployeeId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_a_comment_notifies_only_people_newly_mentioned(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var third = await PersonAsync(app, s.DepartmentId);
        var api = await app.ApiClientAsync(s.Author.Email);
        var created = await (await api.PostAsJsonAsync($"/api/v1/posts/{s.PostId}/comments", new { body = $"Hi @{s.Reader.Email}" })).JsonAsync();
        var id = created.GetProperty("id").GetInt32();

        var edited = await api.PutAsJsonAsync($"/api/v1/posts/{s.PostId}/comments/{id}", new { body = $"Hi @{s.Reader.Email} and @{third.Email}" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotNull((await edited.JsonAsync()).GetProperty("editedUtc").GetString());
        Assert.Single(await MentionsOfAsync(app, s.Reader.EmployeeId));
        Assert.Single(await MentionsOfAsync(app, third.EmployeeId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Authors_edit_and_delete_their_own_comments_and_nobody_else_s(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var author = await SignInAsync(app, s.Author);
        var location = (await CommentAsync(author, s.PostId, "First draft")).Headers.Location!.OriginalString;
        var id = int.Parse(location.Split("#comment-")[1], System.Globalization.CultureInfo.InvariantCulture);
        var reader = await SignInAsync(app, s.Reader);
        var readerApi = await app.ApiClientAsync(s.Reader.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/news/{s.PostId}/comments/{id}/edit")).StatusCode);
        await (await readerApi.PutAsJsonAsync($"/api/v1/posts/{s.PostId}/comments/{id}", new { body = "Hijacked" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readerApi.DeleteAsync($"/api/v1/posts/{s.PostId}/comments/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var refused = await InwardApp.PostFormAsync(reader, $"/news/{s.PostId}", new() { ["commentId"] = $"{id}" }, $"/news/{s.PostId}/comments?handler=Delete");
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var saved = await InwardApp.PostFormAsync(author, $"/news/{s.PostId}/comments/{id}/edit", new() { ["Body"] = "Second thoughts" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Second thoughts", await reader.GetStringAsync($"/news/{s.PostId}"), StringComparison.Ordinal);
        var tooLong = await InwardApp.PostFormAsync(author, $"/news/{s.PostId}/comments/{id}/edit", new() { ["Body"] = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("A comment can be at most 2000 characters.", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deleted = await InwardApp.PostFormAsync(author, $"/news/{s.PostId}", new() { ["commentId"] = $"{id}" }, $"/news/{s.PostId}/comments?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<PostComment>().AnyAsync(c => c.Id == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_moderator_hides_a_comment_from_readers_shows_it_again_and_deletes_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var moderator = await PersonAsync(app, s.DepartmentId, [Roles.Communicator, Roles.Employee]);
        var author = await SignInAsync(app, s.Author);
        var id = int.Parse((await CommentAsync(author, s.PostId, "Something rude")).Headers.Location!.OriginalString.Split("#comment-")[1],
            System.Globalization.CultureInfo.InvariantCulture);
        var mod = await SignInAsync(app, moderator);

        var hidden = await InwardApp.PostFormAsync(mod, $"/news/{s.PostId}", new() { ["commentId"] = $"{id}" }, $"/news/{s.PostId}/comments?handler=Hide");

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var readerPage = await (await SignInAsync(app, s.Reader)).GetStringAsync($"/news/{s.PostId}");
        Assert.DoesNotContain("Something rude", readerPage, StringComparison.Ordinal);
        Assert.Contains("This comment was hidden by a moderator.", readerPage, StringComparison.Ordinal);
        var readerView = Assert.Single((await (await app.ApiClientAsync(s.Reader.Email)).GetFromJsonAsync<CommentsResponse>($"/api/v1/posts/{s.PostId}/comments"))!.Comments);
        Assert.True(readerView.Hidden);
        Assert.Null(readerView.BodyMarkdown);
        Assert.Contains("Something rude", await mod.GetStringAsync($"/news/{s.PostId}"), StringComparison.Ordinal);
        // A reader cannot hide or show comments.
        var refused = await InwardApp.PostFormAsync(author, $"/news/{s.PostId}", new() { ["commentId"] = $"{id}" }, $"/news/{s.PostId}/comments?handler=Show");
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);

        await InwardApp.PostFormAsync(mod, $"/news/{s.PostId}", new() { ["commentId"] = $"{id}" }, $"/news/{s.PostId}/comments?handler=Show");
        Assert.Contains("Something rude", await (await SignInAsync(app, s.Reader)).GetStringAsync($"/news/{s.PostId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.ApiClientAsync(moderator.Email)).DeleteAsync($"/api/v1/posts/{s.PostId}/comments/{id}")).StatusCode);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<PostComment>().AnyAsync(c => c.Id == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Malicious_markdown_in_a_comment_is_rendered_harmless(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        await CommentAsync(await SignInAsync(app, s.Author), s.PostId,
            "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))");

        var page = await (await SignInAsync(app, s.Reader)).GetStringAsync($"/news/{s.PostId}");

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", page, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Empty_and_too_long_comments_are_refused_with_a_reason(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var author = await SignInAsync(app, s.Author);

        var empty = await CommentAsync(author, s.PostId, "   ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write a comment first.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await app.ApiClientAsync(s.Author.Email);
        var problem = await (await api.PostAsJsonAsync($"/api/v1/posts/{s.PostId}/comments", new { body = new string('x', 2001) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        await (await api.PostAsync($"/api/v1/posts/{s.PostId}/comments", new StringContent("body=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<PostComment>().CountAsync(c => c.PostId == s.PostId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reactions_toggle_one_per_person_and_kind_and_show_counts(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app);
        var author = await SignInAsync(app, s.Author);
        Task<HttpResponseMessage> React(HttpClient c, string kind) =>
            InwardApp.PostFormAsync(c, $"/news/{s.PostId}", new() { ["kind"] = kind }, $"/news/{s.PostId}/comments?handler=React");

        Assert.Equal(HttpStatusCode.Redirect, (await React(author, "celebrate")).StatusCode);
        var readerApi = await app.ApiClientAsync(s.Reader.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await readerApi.PutAsync($"/api/v1/posts/{s.PostId}/reactions/celebrate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await readerApi.PutAsync($"/api/v1/posts/{s.PostId}/reactions/celebrate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await readerApi.PutAsync($"/api/v1/posts/{s.PostId}/reactions/thanks", null)).StatusCode);

        var counts = (await readerApi.GetFromJsonAsync<ReactionsResponse>($"/api/v1/posts/{s.PostId}/reactions"))!.Reactions.ToDictionary(r => r.Kind);
        Assert.Equal(["like", "celebrate", "insightful", "thanks"], counts.Keys);
        Assert.Equal((2, true), (counts["celebrate"].Count, counts["celebrate"].Mine));
        Assert.Equal((1, true), (counts["thanks"].Count, counts["thanks"].Mine));
        Assert.Equal(0, counts["like"].Count);

        await React(author, "celebrate");
        Assert.Equal(HttpStatusCode.NoContent, (await readerApi.DeleteAsync($"/api/v1/posts/{s.PostId}/reactions/thanks")).StatusCode);
        counts = (await readerApi.GetFromJsonAsync<ReactionsResponse>($"/api/v1/posts/{s.PostId}/reactions"))!.Reactions.ToDictionary(r => r.Kind);
        Assert.Equal(1, counts["celebrate"].Count);
        Assert.Equal(0, counts["thanks"].Count);
        Assert.Contains("aria-pressed=\"true\"", await (await SignInAsync(app, s.Reader)).GetStringAsync($"/news/{s.PostId}"), StringComparison.Ordinal);
        await (await readerApi.PutAsync($"/api/v1/posts/{s.PostId}/reactions/angry", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_post_with_comments_and_reactions_turned_off_accepts_neither(DatabaseProvider provider)
    {
        var app = await App(provider);
        var s = await SetupAsync(app, comments: false, reactions: false);
        var author = await SignInAsync(app, s.Author);

        var page = await author.GetStringAsync($"/news/{s.PostId}");
        Assert.DoesNotContain("id=\"comments\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await CommentAsync(author, s.PostId, "Hello?")).StatusCode);
        var api = await app.ApiClientAsync(s.Author.Email);
        await (await api.PostAsJsonAsync($"/api/v1/posts/{s.PostId}/comments", new { body = "Hello?" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await api.PutAsync($"/api/v1/posts/{s.PostId}/reactions/like", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<PostComment>().CountAsync(c => c.PostId == s.PostId)));
    }
}
