using System.Text.RegularExpressions;
using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>
/// The learning, survey and feedback pages of issue 6 at phone width, in Arabic (right to left): nothing scrolls
/// sideways. Paths with an id are found the way a person would: the first matching link on a listing page. A certificate
/// page is checked in Arabic by the learning journey, whose new hire is sure to hold one.
/// </summary>
public sealed partial class LearningPhoneTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("employee@demo.example", "/learning")]
    [InlineData("employee@demo.example", "course")]
    [InlineData("employee@demo.example", "lesson")]
    [InlineData("employee@demo.example", "quiz")]
    [InlineData("employee@demo.example", "/learning/assigned")]
    [InlineData("employee@demo.example", "/learning/certificates")]
    [InlineData("employee@demo.example", "/surveys")]
    [InlineData("employee@demo.example", "survey")]
    [InlineData("employee@demo.example", "/feedback")]
    [InlineData("employee@demo.example", "/feedback/mine")]
    [InlineData("manager@demo.example", "/learning/team")]
    public async Task The_page_fits_a_phone_in_Arabic(string email, string page)
    {
        var tab = await NewPageAsync(360, 740, touch: true);
        await tab.GotoAsync("/account/sign-in");
        await ChooseLanguageAsync(tab, "ar");
        await SignInAsync(tab, email);
        await ChooseLanguageAsync(tab, "ar");
        try
        {
            var path = await ResolveAsync(tab, page);
            var response = await tab.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(tab.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var overflow = await tab.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            await ScreenshotAsync(tab, $"phone-ar-{(page.StartsWith('/') ? page[1..] : page)}");
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than a 360 px screen");
        }
        finally
        {
            await ChooseLanguageAsync(tab, "en");
        }
    }

    /// <summary>A listed path as is; otherwise the page of that kind linked first from its listing.</summary>
    private static async Task<string> ResolveAsync(IPage tab, string page)
    {
        switch (page)
        {
            case "course":
                return await FirstLinkAsync(tab, "/learning", CoursePath());
            case "lesson":
                return await FirstLinkAsync(tab, "/learning", CoursePath()) + "/lessons/1";
            case "quiz":
                return await FirstLinkAsync(tab, "/learning", CoursePath()) + "/quiz";
            case "survey":
                return await FirstLinkAsync(tab, "/surveys", SurveyPath());
            default:
                return page;
        }
    }

    private static async Task<string> FirstLinkAsync(IPage tab, string listing, Regex path)
    {
        await tab.GotoAsync(listing);
        foreach (var href in await tab.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            if (path.IsMatch(href))
            {
                return href;
            }
        }
        throw new Xunit.Sdk.XunitException($"{listing} links to nothing like {path}.");
    }

    [GeneratedRegex(@"^/learning/courses/\d+$")]
    private static partial Regex CoursePath();

    [GeneratedRegex(@"^/surveys/\d+$")]
    private static partial Regex SurveyPath();
}
