using System.Globalization;
using System.Text.RegularExpressions;
using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>
/// Issue 5's journey: a communicator writes a must-read for Customer Service with a variant for Logistics and schedules
/// it a few seconds ahead → the background job publishes it (the test app polls jobs every second) → a Customer Service
/// employee sees the banner and acknowledges → the receipts show it → a Logistics employee reads the Logistics variant.
/// </summary>
public sealed partial class PostJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_scheduled_must_read_with_a_Logistics_variant_publishes_is_acknowledged_and_shows_in_the_receipts()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var title = $"New returns desk {stamp}";
        var variantTitle = $"Returns collection from the warehouse {stamp}";

        var comms = await NewPageAsync();
        await SignInAsync(comms, "comms@demo.example");
        await comms.GotoAsync("/posts/new");
        await comms.Locator("#post-title").FillAsync(title);
        await comms.Locator("#post-type").SelectOptionAsync("Briefing");
        await comms.Locator("#post-body").FillAsync("From Monday a rider's return is booked **on the first call**.");
        await comms.Locator("#Audience_Include_0_Departments").SelectOptionAsync(
            [new SelectOptionValue { Label = "Customer Service" }, new SelectOptionValue { Label = "Logistics" }]);
        await comms.Locator("input[name='Input.MustRead']").CheckAsync();
        await comms.Locator("#post-due").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // A variant for Logistics: the page comes back with a new row and everything typed so far.
        await comms.Locator("button[value='add-variant']").ClickAsync();
        await Assertions.Expect(comms.Locator("#text-0-department")).ToBeVisibleAsync();
        await Assertions.Expect(comms.Locator("#post-title")).ToHaveValueAsync(title);
        await comms.Locator("#text-0-department").SelectOptionAsync(new SelectOptionValue { Label = "Logistics" });
        await comms.Locator("#text-0-title").FillAsync(variantTitle);
        await comms.Locator("#text-0-body").FillAsync("Have each returned bike at the dock by 14:00 for the driver.");

        // Scheduled a few seconds ahead; the job runner publishes it.
        var publishAt = DateTime.UtcNow.AddSeconds(8);
        await comms.Locator("#post-publish-at").FillAsync(publishAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        await comms.Locator("button[value='publish']").ClickAsync();
        await Assertions.Expect(comms.Locator("p.success[role=status]")).ToContainTextAsync("Scheduled for");
        await Assertions.Expect(comms.Locator(".badge[data-status='Scheduled']")).ToBeVisibleAsync();
        var id = EditorUrl().Match(comms.Url).Groups[1].Value;
        await ScreenshotAsync(comms, "post-scheduled-en");

        // A Customer Service employee: nothing before the time, then the banner; they read and acknowledge.
        var employee = await NewPageAsync();
        await SignInAsync(employee, "employee@demo.example");
        var banner = employee.Locator(".must-read-banner a", new() { HasTextString = title });
        await WaitUntilAsync(employee, "/", banner, TimeSpan.FromSeconds(40));
        await banner.ClickAsync();
        await Assertions.Expect(employee.Locator("h1")).ToHaveTextAsync(title);
        await employee.Locator("form[action*='handler=Acknowledge'] button[type=submit]").ClickAsync();
        await Assertions.Expect(employee.Locator("main .success")).ToBeVisibleAsync();
        await employee.GotoAsync("/");
        await Assertions.Expect(employee.Locator(".must-read-banner a", new() { HasTextString = title })).ToHaveCountAsync(0);

        // The communicator's receipts show the acknowledgement for Customer Service.
        await comms.GotoAsync($"/posts/{id}/receipts");
        var serviceRow = comms.Locator("table").First.Locator("tbody tr", new() { HasTextString = "Customer Service" });
        await Assertions.Expect(serviceRow.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(comms.Locator("#per-variant")).ToBeVisibleAsync();
        await ScreenshotAsync(comms, "post-receipts-en");

        // A Logistics employee gets the Logistics variant.
        var logistics = await NewPageAsync(width: 360, height: 740, touch: true);
        await SignInAsync(logistics, "logistics@demo.example");
        await logistics.GotoAsync($"/news/{id}");
        await Assertions.Expect(logistics.Locator("h1")).ToHaveTextAsync(variantTitle);
        await Assertions.Expect(logistics.Locator("main")).ToContainTextAsync("at the dock by 14:00");
        var overflow = await logistics.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the post page scrolls sideways at 360 px");
        await ScreenshotAsync(logistics, "post-variant-phone-en");
    }

    /// <summary>Reloads <paramref name="url"/> until <paramref name="locator"/> shows (the job runs within a second of its time).</summary>
    private static async Task WaitUntilAsync(IPage page, string url, ILocator locator, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            await page.GotoAsync(url);
            if (await locator.CountAsync() > 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{url} did not show the scheduled post within {limit.TotalSeconds} s");
            await page.WaitForTimeoutAsync(500);
        }
    }

    [GeneratedRegex(@"/posts/(\d+)/edit")]
    private static partial Regex EditorUrl();
}
