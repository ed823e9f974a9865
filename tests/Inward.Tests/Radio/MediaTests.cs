using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inward.Features.Audiences;
using Inward.Features.Posts;
using Inward.Features.Radio;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Files;
using Inward.Tests.Infrastructure;
using Inward.Tests.Settings;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Radio;

/// <summary>Uploads through HTTP: post attachments served through the post, radio episodes, play counts and the private podcast feed.</summary>
public sealed partial class MediaTests(Apps apps) : IntegrationTest(apps)
{
    private static async Task<int> DepartmentAsync(InwardApp app) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Inward.Features.People.Department { Name = $"Media {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    private static async Task<string> PersonAsync(InwardApp app, int departmentId)
    {
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            return await db.SaveChangesAsync();
        });
        return email;
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string page, Dictionary<string, string> fields,
        string fileField, string fileName, string contentType, byte[] bytes)
    {
        var html = await client.GetStringAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(InwardApp.AntiforgeryToken(html)), "__RequestVerificationToken");
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, fileField, fileName);
        return await client.PostAsync(page, form);
    }

    private static Dictionary<string, string> Episode(string title, int department, string action = "publish") => new()
    {
        ["Input.Title"] = title, ["Input.ShowNotes"] = "Notes with **bold**.", ["Input.Transcript"] = "Hello.",
        ["Audience.Include[0].Departments"] = department.ToString(CultureInfo.InvariantCulture), ["action"] = action,
    };

    private static async Task<int> PublishEpisodeAsync(HttpClient comms, string title, int department, double seconds = 5)
    {
        var response = await PostMultipartAsync(comms, "/radio/manage/new", Episode(title, department), "Audio", "show.mp3", "audio/mpeg",
            AudioDuration.SilentMp3(seconds));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Episodes_reach_only_their_audience_and_plays_count_once_per_person_and_day(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (ours, theirs) = (await DepartmentAsync(app), await DepartmentAsync(app));
        var listener = await app.SignedInAsync(await PersonAsync(app, ours), TestAccounts.Password);
        var outsider = await app.SignedInAsync(await PersonAsync(app, theirs), TestAccounts.Password);
        var comms = await app.SignedInAsync("comms@demo.example");
        var title = $"Episode {Guid.NewGuid():N}";

        var id = await PublishEpisodeAsync(comms, title, ours, seconds: 5);

        var episode = await TestAccounts.WithDbAsync(app, db => db.Set<RadioEpisode>().SingleAsync(e => e.Id == id));
        Assert.Equal(EpisodeStatus.Published, episode.Status);
        Assert.Equal(5, episode.DurationSeconds);
        Assert.Contains(title, await listener.GetStringAsync("/radio"), StringComparison.Ordinal);
        Assert.Contains(title, await listener.GetStringAsync("/api/v1/radio"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await outsider.GetStringAsync("/radio"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/radio/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/radio/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/files/{episode.AudioFileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/radio/{id}/plays", null)).StatusCode);

        var page = await listener.GetStringAsync($"/radio/{id}");
        Assert.Contains("<strong>bold</strong>", page, StringComparison.Ordinal);
        var audio = await listener.GetAsync($"/files/{episode.AudioFileId}");
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", audio.Content.Headers.ContentDisposition?.DispositionType);

        Assert.Equal(HttpStatusCode.NoContent, (await listener.PostAsync($"/api/v1/radio/{id}/plays", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await listener.PostAsync($"/api/v1/radio/{id}/plays", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await InwardApp.PostFormAsync(listener, $"/radio/{id}", [], $"/radio/{id}?handler=Play")).StatusCode);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<RadioPlay>().CountAsync(p => p.EpisodeId == id)));
        Assert.Matches($"data-plays=\"{id}\">1<", await comms.GetStringAsync("/radio/manage"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_private_feed_is_valid_rss_with_only_permitted_episodes_ranged_downloads_and_dies_when_revoked(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (ours, theirs) = (await DepartmentAsync(app), await DepartmentAsync(app));
        var listener = await app.SignedInAsync(await PersonAsync(app, ours), TestAccounts.Password);
        var comms = await app.SignedInAsync("comms@demo.example");
        var mine = $"Mine {Guid.NewGuid():N}";
        var notMine = $"Not mine {Guid.NewGuid():N}";
        var id = await PublishEpisodeAsync(comms, mine, ours, seconds: 65);
        await PublishEpisodeAsync(comms, notMine, theirs);

        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(listener, "/radio", [], "/radio?handler=Feed")).StatusCode);
        var url = FeedUrl().Match(await listener.GetStringAsync("/radio"));
        Assert.True(url.Success, "the feed address is shown once");
        Assert.DoesNotMatch(FeedUrl(), await listener.GetStringAsync("/radio"));
        var anonymous = app.Client();
        var feedPath = new Uri(WebUtility.HtmlDecode(url.Value)).PathAndQuery;

        var response = await anonymous.GetAsync(feedPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace itunes = RadioFeed.ItunesNs;
        Assert.Equal("2.0", xml.Root!.Attribute("version")?.Value);
        var items = xml.Root.Element("channel")!.Elements("item").ToList();
        var item = Assert.Single(items, i => i.Element("title")?.Value == mine);
        Assert.DoesNotContain(items, i => i.Element("title")?.Value == notMine);
        Assert.Equal("00:01:05", item.Element(itunes + "duration")?.Value);
        Assert.Equal($"inward-radio-{id}", item.Element("guid")?.Value);
        Assert.True(DateTime.TryParseExact(item.Element("pubDate")?.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        var enclosure = item.Element("enclosure")!;
        Assert.Equal("audio/mpeg", enclosure.Attribute("type")?.Value);
        var length = long.Parse(enclosure.Attribute("length")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(AudioDuration.SilentMp3(65).Length, length);

        var download = new Uri(enclosure.Attribute("url")!.Value).PathAndQuery;
        var ranged = new HttpRequestMessage(HttpMethod.Get, download);
        ranged.Headers.Range = new RangeHeaderValue(0, 99);
        var part = await anonymous.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(100, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(length, part.Content.Headers.ContentRange?.Length);
        Assert.Equal("nosniff", part.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(download)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(listener, "/radio", [], "/radio?handler=Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(download)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_audio_uploads_are_refused_with_a_message_and_save_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var comms = await app.SignedInAsync("comms@demo.example");
        var cases = new (string Name, string Type, byte[] Bytes, string Message)[]
        {
            ("show.mp3", "audio/mpeg", FileCheckTests.Html, "This kind of file is not accepted here."),
            ("show.mp3", "audio/mpeg", FileCheckTests.Exe, "This kind of file is not accepted here."),
            ("show.mp3", "audio/mpeg", [], "The file is empty."),
            ("show.mp3", "audio/mpeg", TestImages.Png(), "A PNG file is not accepted here."),
            ("show.ogg", "audio/ogg", AudioDuration.SilentMp3(2), "but its content is a MP3 file"),
        };
        foreach (var (name, type, bytes, message) in cases)
        {
            var title = $"Bad {Guid.NewGuid():N}";
            var response = await PostMultipartAsync(comms, "/radio/manage/new", Episode(title, department), "Audio", name, type, bytes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<RadioEpisode>().AnyAsync(e => e.Title == title)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Post_attachments_are_served_only_to_readers_of_the_post_and_bad_files_are_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (ours, theirs) = (await DepartmentAsync(app), await DepartmentAsync(app));
        var reader = await app.SignedInAsync(await PersonAsync(app, ours), TestAccounts.Password);
        var outsider = await app.SignedInAsync(await PersonAsync(app, theirs), TestAccounts.Password);
        var comms = await app.SignedInAsync("comms@demo.example");
        var postId = await TestAccounts.WithDbAsync(app, async db =>
        {
            var rule = new AudienceRule { Include = [new AudienceClause { Departments = [new DepartmentChoice { Id = ours }] }] };
            var post = new Post
            {
                Title = $"Attached {Guid.NewGuid():N}", Body = "See the files.", AudienceJson = rule.ToJson(), Status = PostStatus.Published,
                PublishedUtc = DateTime.UtcNow.AddMinutes(-1), AuthorUserId = "test", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
        var page = $"/posts/{postId}/attachments";
        Assert.Contains(page, await comms.GetStringAsync($"/posts/{postId}/edit"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostMultipartAsync(comms, page, [], "Upload", "chart.png", "image/png", TestImages.Png())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostMultipartAsync(comms, page, [], "Upload", "../../../etc/passwd.pdf", "application/pdf", FileCheckTests.Pdf)).StatusCode);
        var html = await comms.GetStringAsync(page);
        var image = ImageMarkdown().Match(html);
        Assert.True(image.Success, "images come with Markdown to paste");
        var files = await TestAccounts.WithDbAsync(app, db => db.Set<StoredFile>().Where(f => f.OwnerKind == "post" && f.OwnerId == postId).ToListAsync());
        var pdf = Assert.Single(files, f => f.ContentType == "application/pdf");
        Assert.Equal("passwd.pdf", pdf.FileName);
        Assert.StartsWith(Path.GetFullPath(app.DataDirectory), Path.GetFullPath(
            Path.Combine(app.DataDirectory, "files", pdf.Id.ToString("N")[..2], pdf.Id.ToString("N"))), StringComparison.Ordinal);

        var png = await reader.GetAsync($"/files/{image.Groups[1].Value}");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", png.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", png.Content.Headers.ContentDisposition?.DispositionType);
        var document = await reader.GetAsync($"/files/{pdf.Id}");
        Assert.Equal("attachment", document.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("passwd.pdf", document.Content.Headers.ContentDisposition?.FileNameStar ?? document.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("passwd.pdf", await reader.GetStringAsync($"/news/{postId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/files/{pdf.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/files/{image.Groups[1].Value}")).StatusCode);

        var refused = new (string Name, string Type, byte[] Bytes, string Message)[]
        {
            ("evil.png", "image/png", FileCheckTests.Html, "This kind of file is not accepted here."),
            ("logo.png", "image/svg+xml", FileCheckTests.Svg, "This kind of file is not accepted here."),
            ("setup.pdf", "application/pdf", FileCheckTests.Exe, "This kind of file is not accepted here."),
            ("empty.png", "image/png", [], "The file is empty."),
            ("huge.png", "image/png", TestImages.Png(extraChunks: [TestImages.PngChunk("tEXt", new byte[6 * 1024 * 1024])]), "The file is too large: at most 5 MB."),
            ("photo.jpg", "image/jpeg", TestImages.Png(), "The file&#x27;s name ends in .jpg but its content is a PNG file."),
        };
        foreach (var (name, type, bytes, message) in refused)
        {
            var response = await PostMultipartAsync(comms, page, [], "Upload", name, type, bytes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Set<StoredFile>().CountAsync(f => f.OwnerKind == "post" && f.OwnerId == postId)));

        var delete = await InwardApp.PostFormAsync(comms, page, new() { ["file"] = pdf.Id.ToString() }, $"{page}?handler=Delete&file={pdf.Id}");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/files/{pdf.Id}")).StatusCode);
    }

    [GeneratedRegex(@"https?://[^""<\s]+/radio/feed/[A-Za-z0-9_\-]+\.rss")]
    private static partial Regex FeedUrl();

    [GeneratedRegex(@"!\[[^\]]*\]\(/files/([0-9a-f\-]{36})\)")]
    private static partial Regex ImageMarkdown();
}
