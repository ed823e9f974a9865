using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Inward.BrowserTests.Infrastructure;

/// <summary>Base of the browser journeys: each test opens its own browser context (own cookies) on the shared app.</summary>
[Collection(BrowserTests.Name)]
public abstract partial class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserFixture Fixture { get; } = fixture;

    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool touch = false, bool localhost = false)
    {
        var context = await Fixture.NewContextAsync(width, height, touch, localhost);
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form and waits for the start page (or the partner area).</summary>
    protected static async Task SignInAsync(IPage page, string email, string password = AppProcess.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        // The password form (the sign-in page also has the "Sign in with a passkey" form).
        await page.Locator("form:has(#Input_Password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    protected static async Task SignOutAsync(IPage page)
    {
        await page.Locator("form[action='/account/sign-out'] button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Chooses a language in the header; site.js submits the form as soon as the select changes.</summary>
    protected static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator("#lang-select").SelectOptionAsync(language);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>The page is no wider than the screen (nothing to scroll sideways).</summary>
    protected static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 2, $"{page.Url} is {overflow} px wider than the screen.");
    }

    /// <summary>The texts of the main navigation's links, in order.</summary>
    protected static async Task<string[]> NavigationAsync(IPage page) =>
        // Text content, not inner text: links inside a folded menu group count too.
        [.. (await page.Locator("header nav a").AllTextContentsAsync()).Select(t => t.Trim())];

    protected static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, SafeName().Replace(name, "-") + ".png"),
            FullPage = true,
        });

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex SafeName();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
