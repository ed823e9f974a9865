using System.Net;
using System.Text.RegularExpressions;
using Inward.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inward.Tests.Infrastructure;

/// <summary>
/// The real application on a real database (a temporary SQLite file, or a fresh database in the PostgreSQL
/// cluster that test.sh starts), migrated and seeded with the demo company, sending mail to a real SMTP server.
/// </summary>
public sealed partial class InwardApp : WebApplicationFactory<Program>
{
    public const string Password = "demo-password-for-tests";

    public DatabaseProvider Provider { get; }
    public SmtpServer Smtp { get; } = new();
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("inward-test-").FullName;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="provider">The database.</param>
    /// <param name="settings">Configuration that overrides the test defaults, e.g. low rate limits for a dedicated app.</param>
    /// <param name="services">Service registrations applied after the app's own, e.g. to inject a fault.</param>
    public InwardApp(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        Provider = provider;
        _settings = settings;
        _services = services;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresServer = Environment.GetEnvironmentVariable("INWARD_TEST_POSTGRES")
                ?? throw new InvalidOperationException("INWARD_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            _postgresDatabase = $"inward_test_{Guid.NewGuid():N}";
        }
    }

    public string? PostgresConnectionString =>
        _postgresServer is null ? null : $"{_postgresServer};Database={_postgresDatabase}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Enabled", "true");
        // A small video limit so the oversized-video test needs megabytes, not the 200 MB default.
        builder.UseSetting("Files:MaxVideoBytes", (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Inward:DataDirectory", DataDirectory);
        builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString ?? "");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "Inward Tests <inward@tests.example>");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        // Check the security stamp (and IsActive) on every request, so deactivation tests need no waiting.
        builder.UseSetting("Identity:SecurityStampValidationSeconds", "0");
        // Measure KPIs' metrics on every read, so tests see a change at once (the cache has its own unit test).
        builder.UseSetting("Metrics:CacheSeconds", "0");
        // Webhook tests post to a receiver on 127.0.0.1 over http (the policy itself has unit tests).
        builder.UseSetting("Webhooks:AllowHttp", "true");
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Starts the app, which migrates and seeds the demo company as `--demo` does.</summary>
    public Task InitialiseAsync()
    {
        _ = Services;
        return Task.CompletedTask;
    }

    public HttpClient Client(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A client signed in with the cookie of the given account (demo accounts use <see cref="Password"/>).</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        var client = Client();
        var response = await SignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/account/sign-in", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Gets the page for its antiforgery token, then posts the form to it (or to <paramref name="postTo"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields, string? postTo = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        return await client.PostAsync(postTo ?? page, new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection($"{_postgresServer};Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool is removed with the temp folder later.
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One app per provider, shared by every integration test in the run (start-up is the slow part).</summary>
public class Apps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<InwardApp>> _apps = [];
    private readonly Lock _lock = new();
    private readonly IReadOnlyDictionary<string, string>? _settings;

    public Apps()
    {
    }

    /// <summary>A set of shared apps started with other <paramref name="settings"/> (a collection with its own needs).</summary>
    protected Apps(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public Task<InwardApp> For(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = Start(provider);
                _apps[provider] = app;
            }
            return app;
        }
    }

    private async Task<InwardApp> Start(DatabaseProvider provider)
    {
        var app = new InwardApp(provider, _settings);
        await app.InitialiseAsync();
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationTests : ICollectionFixture<Apps>
{
    public const string Name = "integration";
}

/// <summary>Base of HTTP integration tests: each [Theory] with [MemberData(nameof(Providers))] runs on both databases.</summary>
[Collection(IntegrationTests.Name)]
public abstract class IntegrationTest(Apps apps)
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected Task<InwardApp> App(DatabaseProvider provider) => apps.For(provider);

    protected static string Unique(string prefix = "u") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, prefix.Length + 32)];
}
