using Microsoft.Playwright;

namespace Inward.BrowserTests.Infrastructure;

/// <summary>One running Inward and one headless Debian Chromium, shared by every browser test of the run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of the journeys, for people to look at (not compared automatically).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // Generous: the machine is shared, and a slow answer is not what these journeys test.
        Assertions.SetDefaultExpectTimeout(15_000);
        // The app starts (migrations, demo seed) while the browser launches.
        var app = AppProcess.StartAsync();
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        finally
        {
            App = await app;
        }
    }

    /// <summary>
    /// A fresh browser profile (no cookies) at the given viewport, speaking English unless told otherwise.
    /// With <paramref name="localhost"/> the app is reached as http://localhost:port instead of 127.0.0.1: WebAuthn
    /// needs the page's host to match the passkey domain (Identity:PasskeyServerDomain, "localhost" by default).
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool touch = false, bool localhost = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (localhost ? new UriBuilder(App.BaseAddress) { Host = "localhost" }.Uri : App.BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
            IsMobile = touch,
            Locale = "en-GB",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
