using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Inward.Features.Settings;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Settings.TestImages;

namespace Inward.Tests.Settings;

public sealed class SettingsPageTests(Apps apps) : IntegrationTest(apps)
{
    private static Task<CompanySettings> SettingsAsync(InwardApp app) =>
        TestAccounts.WithDbAsync(app, db => db.CompanySettings.AsNoTracking().SingleAsync());

    /// <summary>The form as it stands, so a test changes only what it means to change.</summary>
    private static async Task<Dictionary<string, string>> CurrentFormAsync(InwardApp app, Action<Dictionary<string, string>>? change = null)
    {
        var s = await SettingsAsync(app);
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = s.Name,
            ["Input.PrimaryColour"] = s.PrimaryColour,
            ["Input.AccentColour"] = s.AccentColour,
            ["Input.Values"] = s.Values,
            ["Input.DefaultLanguage"] = s.DefaultLanguage,
            ["Input.Currency"] = s.Currency,
            ["Input.AnonymityThreshold"] = s.AnonymityThreshold.ToString(CultureInfo.InvariantCulture),
        };
        change?.Invoke(form);
        return form;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Dictionary<string, string> fields, byte[] logo, string fileName, string contentType)
    {
        var token = InwardApp.AntiforgeryToken(await client.GetStringAsync("/settings"));
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(logo);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Logo", fileName);
        return await client.PostAsync("/settings", content);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Threshold_of_two_bad_colour_and_unknown_currency_are_refused_with_clear_messages_and_nothing_changes(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var before = await SettingsAsync(app);

        var response = await InwardApp.PostFormAsync(admin, "/settings", await CurrentFormAsync(app, f =>
        {
            f["Input.Name"] = "Renamed by a failing test";
            f["Input.AnonymityThreshold"] = "2";
            f["Input.PrimaryColour"] = "red;}body{background:url(x)";
            f["Input.Currency"] = "XYZ";
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The anonymity threshold must be at least 3: smaller groups would make answers identifiable.", html, StringComparison.Ordinal);
        Assert.Contains("The primary colour must look like #1f5f8b.", html, StringComparison.Ordinal);
        Assert.Contains("Enter a currency as its three-letter ISO 4217 code, such as EUR or USD.", html, StringComparison.Ordinal);
        var after = await SettingsAsync(app);
        Assert.Equal((before.Name, before.AnonymityThreshold, before.PrimaryColour, before.Currency), (after.Name, after.AnonymityThreshold, after.PrimaryColour, after.Currency));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Database_refuses_a_threshold_below_three_even_without_the_page(DatabaseProvider provider)
    {
        var app = await App(provider);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.CompanySettings.SingleAsync()).AnonymityThreshold = 2;
            return await db.SaveChangesAsync();
        }));

        Assert.NotNull(error);
        Assert.True((await SettingsAsync(app)).AnonymityThreshold >= 3);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Raising_the_threshold_applies_at_once_but_lowering_waits_for_a_different_admin(DatabaseProvider provider)
    {
        var app = await App(provider);
        var original = (await SettingsAsync(app)).AnonymityThreshold;
        var (firstEmail, firstId, _) = await TestAccounts.CreateAsync(app, [Roles.Admin, Roles.Employee]);
        var (secondEmail, _, _) = await TestAccounts.CreateAsync(app, [Roles.Admin, Roles.Employee]);
        var first = await app.SignedInAsync(firstEmail, TestAccounts.Password);
        var second = await app.SignedInAsync(secondEmail, TestAccounts.Password);
        var raised = original + 4;

        // Raise (immediate), then ask to lower back to the original value: k never drops below where it started.
        var raise = await InwardApp.PostFormAsync(first, "/settings", await CurrentFormAsync(app, f => f["Input.AnonymityThreshold"] = $"{raised}"));
        Assert.Equal(HttpStatusCode.Redirect, raise.StatusCode);
        Assert.Equal(raised, (await SettingsAsync(app)).AnonymityThreshold);

        var lower = await InwardApp.PostFormAsync(first, "/settings", await CurrentFormAsync(app, f => f["Input.AnonymityThreshold"] = $"{original}"));
        Assert.Equal(HttpStatusCode.Redirect, lower.StatusCode);
        var pending = await SettingsAsync(app);
        Assert.Equal((raised, original, firstId), (pending.AnonymityThreshold, pending.PendingAnonymityThreshold!.Value, pending.PendingThresholdRequestedById));

        var selfApproval = await InwardApp.PostFormAsync(first, "/settings", [], "/settings?handler=approve");
        Assert.Contains("Another administrator must approve lowering the anonymity threshold.", WebUtility.HtmlDecode(await selfApproval.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(raised, (await SettingsAsync(app)).AnonymityThreshold);

        var approval = await InwardApp.PostFormAsync(second, "/settings", [], "/settings?handler=approve");
        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        var approved = await SettingsAsync(app);
        Assert.Equal(original, approved.AnonymityThreshold);
        Assert.Null(approved.PendingAnonymityThreshold);

        var lowered = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "ThresholdLowered").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(secondEmail, lowered.ActorName);
        Assert.Contains($"\"AnonymityThreshold\":{raised}", lowered.Before, StringComparison.Ordinal);
        Assert.Contains($"\"AnonymityThreshold\":{original}", lowered.After, StringComparison.Ordinal);
        Assert.Contains(firstEmail, lowered.After, StringComparison.Ordinal);
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(a => a.Action == "ThresholdLoweringRequested" && a.ActorName == firstEmail)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Png_logo_is_accepted_and_served_as_an_image_without_its_metadata(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var logo = Png(64, 32, [PngChunk("tEXt", [.. "Comment\0secret-location"u8]), PngChunk("eXIf", [.. "MM\0*secret-gps"u8])]);

        var response = await UploadAsync(admin, await CurrentFormAsync(app), logo, "logo.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var served = await app.Client().GetAsync("/brand/logo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(Png(64, 32), bytes);
        Assert.False(Contains(bytes, "secret"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Svg_and_html_renamed_to_png_and_oversized_logos_are_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var before = (await SettingsAsync(app)).LogoFile;
        var form = await CurrentFormAsync(app);

        var svg = await UploadAsync(admin, form, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "logo.svg", "image/svg+xml");
        var html = await UploadAsync(admin, form, "<html><script>alert(1)</script></html>"u8.ToArray(), "logo.png", "image/png");
        var big = await UploadAsync(admin, form, Png(extraChunks: [PngChunk("tEXt", new byte[1_100_000])]), "big.png", "image/png");
        var huge = await UploadAsync(admin, form, Png(5000, 5000), "huge.png", "image/png");

        Assert.Contains("The logo must be a PNG, JPEG or WebP image (SVG is not accepted).", WebUtility.HtmlDecode(await svg.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("The logo must be a PNG, JPEG or WebP image (SVG is not accepted).", WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("The logo is larger than 1 MB. Choose a smaller image.", WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("The logo is wider or taller than 4096 pixels. Choose a smaller image.", WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, (await SettingsAsync(app)).LogoFile);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_settings_is_audited_with_before_and_after(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var original = (await SettingsAsync(app)).AccentColour;
        var changed = original == "#123456" ? "#654321" : "#123456";

        await InwardApp.PostFormAsync(admin, "/settings", await CurrentFormAsync(app, f => f["Input.AccentColour"] = changed));
        await InwardApp.PostFormAsync(admin, "/settings", await CurrentFormAsync(app, f => f["Input.AccentColour"] = original));

        var entry = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(CompanySettings) && a.Action == "Modified" && a.After!.Contains(changed)).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("admin@demo.example", entry.ActorName);
        Assert.Contains(original, entry.Before, StringComparison.Ordinal);
        Assert.Equal(original, (await SettingsAsync(app)).AccentColour);
    }
}
