using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Inward.Tests.Platform;

/// <summary>
/// Several stateless instances behind a load balancer (SPEC.md "Scale", SECURITY.md "Data Protection"): each test
/// starts its own apps. A browser's one cookie jar is shared by the clients of both instances, as if the balancer
/// sent each request to either.
/// </summary>
public sealed partial class ScaleOutTests
{
    private const string Email = "hr@demo.example";

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_and_one_Redis_accept_each_others_cookies_and_antiforgery_tokens()
    {
        var redis = Environment.GetEnvironmentVariable("INWARD_TEST_REDIS")
            ?? throw new InvalidOperationException("INWARD_TEST_REDIS is not set: run the tests through ./test.sh, which starts Redis.");
        var prefix = $"inward-test-{Guid.NewGuid():N}:";
        var shared = new Dictionary<string, string> { ["Redis:Configuration"] = redis, ["Redis:KeyPrefix"] = prefix };
        await using var a = new InwardApp(DatabaseProvider.Postgres, shared);
        await a.InitialiseAsync();
        var employeesBefore = await CountEmployeesAsync(a);
        await using var b = new InwardApp(DatabaseProvider.Postgres, new Dictionary<string, string>(shared)
        {
            ["ConnectionStrings:Postgres"] = a.PostgresConnectionString!,
        });
        await b.InitialiseAsync();

        // B migrated and seeded the same database again: nothing was added.
        Assert.Equal(employeesBefore, await CountEmployeesAsync(b));
        Assert.Equal(1, await CountAdminsAsync(b));
        // The key ring lives in Redis under the configured name, not in either data directory.
        using (var connection = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            Assert.True(await connection.GetDatabase().KeyExistsAsync($"{prefix}dataprotection-keys"));
        }
        Assert.False(Directory.Exists(Path.Combine(a.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(a.DataDirectory, "keys")).Any());
        var name = await DisplayNameAsync(a);

        // Signed in on A, the cookie works on B.
        var (onA, onB) = Browser(a, b);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(onA, Email, InwardApp.Password)).StatusCode);
        var people = await onB.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Equal(name, SignedInName(await people.Content.ReadAsStringAsync()));

        // A form from A posted to B: B validates A's antiforgery token, signs in, and A accepts B's cookie.
        (onA, onB) = Browser(a, b);
        var signedInOnB = await PostSignInFormFromTo(onA, onB);
        Assert.Equal(HttpStatusCode.Redirect, signedInOnB.StatusCode);
        var peopleOnA = await onA.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, peopleOnA.StatusCode);
        Assert.Equal(name, SignedInName(await peopleOnA.Content.ReadAsStringAsync()));
    }

    /// <summary>The control: without a shared key ring the same steps fail, so the test above proves something.</summary>
    [Fact]
    public async Task Two_instances_with_separate_key_rings_reject_each_others_cookies_and_antiforgery_tokens()
    {
        await using var a = new InwardApp(DatabaseProvider.Postgres);
        await a.InitialiseAsync();
        // Same database, different data directories (each InwardApp has its own), so different key rings.
        await using var b = new InwardApp(DatabaseProvider.Postgres, new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = a.PostgresConnectionString!,
        });
        await b.InitialiseAsync();

        var (onA, onB) = Browser(a, b);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(onA, Email, InwardApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/people")).StatusCode);
        var people = await onB.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, people.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(new Uri("http://localhost"), people.Headers.Location!).AbsolutePath);

        (onA, onB) = Browser(a, b);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSignInFormFromTo(onA, onB)).StatusCode);

        // Without a certificate the file key ring holds the key in the clear (README: production sets one).
        Assert.Contains("<masterKey", await KeyRingXmlAsync(a), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_ring_protected_with_a_certificate_is_encrypted_at_rest_and_read_by_another_instance()
    {
        var folder = Directory.CreateTempSubdirectory("inward-cert-").FullName;
        try
        {
            var certificatePath = Path.Combine(folder, "dataprotection.pfx");
            const string certificatePassword = "test-certificate-password";
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Inward key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, certificatePassword));
            }
            var settings = new Dictionary<string, string>
            {
                ["DataProtection:CertificatePath"] = certificatePath,
                ["DataProtection:CertificatePassword"] = certificatePassword,
            };
            await using var a = new InwardApp(DatabaseProvider.Sqlite, settings);
            await a.InitialiseAsync();

            var xml = await KeyRingXmlAsync(a);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);

            // A second instance on the same data directory (database and key files) decrypts the key with the certificate.
            await using var b = new InwardApp(DatabaseProvider.Sqlite, new Dictionary<string, string>(settings)
            {
                ["Inward:DataDirectory"] = a.DataDirectory,
            });
            await b.InitialiseAsync();
            var (onA, onB) = Browser(a, b);
            Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(onA, Email, InwardApp.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/people")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_client_address_decides_the_sign_in_limit()
    {
        var proxy = IPAddress.Parse("10.0.0.1");
        var stranger = IPAddress.Parse("10.0.0.2");
        await using var app = new InwardApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Inward:BehindProxy"] = "true",
            ["Inward:TrustedProxies:0"] = proxy.ToString(),
            ["RateLimits:SignInPerMinute"] = "1",
        });
        await app.InitialiseAsync();
        var server = app.Server;

        // Sign-in attempts (no antiforgery token: 400, but the limiter counts them first).
        async Task<int> Attempt(IPAddress from, string forwardedFor) => (await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/account/sign-in";
            c.Connection.RemoteIpAddress = from;
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        })).Response.StatusCode;

        // Through the proxy: each client has its own limit.
        var first = await Attempt(proxy, "203.0.113.1");
        var otherClient = await Attempt(proxy, "203.0.113.2");
        var firstAgain = await Attempt(proxy, "203.0.113.1");
        // From an untrusted address the header is ignored: both attempts count against that address.
        var strangerFirst = await Attempt(stranger, "203.0.113.3");
        var strangerSpoofed = await Attempt(stranger, "203.0.113.4");

        Assert.Equal(StatusCodes.Status400BadRequest, first);
        Assert.Equal(StatusCodes.Status400BadRequest, otherClient);
        Assert.Equal(StatusCodes.Status429TooManyRequests, firstAgain);
        Assert.Equal(StatusCodes.Status400BadRequest, strangerFirst);
        Assert.Equal(StatusCodes.Status429TooManyRequests, strangerSpoofed);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_scheme_makes_the_sign_in_cookie_secure()
    {
        var proxy = IPAddress.Parse("10.0.0.1");
        await using var app = new InwardApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Inward:BehindProxy"] = "true",
            ["Inward:TrustedProxies:0"] = proxy.ToString(),
        });
        await app.InitialiseAsync();

        var viaProxy = await SignInThrough(app.Server, proxy, "https");
        var direct = await SignInThrough(app.Server, IPAddress.Parse("10.0.0.2"), "https");

        Assert.Contains("secure", viaProxy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", direct, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Signs in with one connection address and X-Forwarded-Proto; returns the auth cookie's Set-Cookie header.</summary>
    private static async Task<string> SignInThrough(TestServer server, IPAddress from, string forwardedProto)
    {
        var form = await server.SendAsync(c =>
        {
            c.Request.Path = "/account/sign-in";
            c.Connection.RemoteIpAddress = from;
            c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });
        using var reader = new StreamReader(form.Response.Body);
        var token = InwardApp.AntiforgeryToken(await reader.ReadToEndAsync());
        var cookies = string.Join("; ", form.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        var body = await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = Email,
            ["Input.Password"] = InwardApp.Password,
        }).ReadAsByteArrayAsync();
        var signIn = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/account/sign-in";
            c.Connection.RemoteIpAddress = from;
            c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            c.Request.Headers.Cookie = cookies;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(body);
        });
        Assert.Equal(StatusCodes.Status302Found, signIn.Response.StatusCode);
        return signIn.Response.Headers.SetCookie.Single(c => c!.StartsWith("inward.auth=", StringComparison.Ordinal))!;
    }

    /// <summary>Two clients, one per instance, sharing one cookie jar.</summary>
    private static (HttpClient OnA, HttpClient OnB) Browser(InwardApp a, InwardApp b)
    {
        var jar = new CookieContainer();
        return (a.CreateDefaultClient(new CookieContainerHandler(jar)), b.CreateDefaultClient(new CookieContainerHandler(jar)));
    }

    /// <summary>Opens the sign-in form on one instance and posts it, with its antiforgery token, to the other.</summary>
    private static async Task<HttpResponseMessage> PostSignInFormFromTo(HttpClient from, HttpClient to)
    {
        var token = InwardApp.AntiforgeryToken(await from.GetStringAsync("/account/sign-in"));
        return await to.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = Email,
            ["Input.Password"] = InwardApp.Password,
        }));
    }

    private static async Task<string> KeyRingXmlAsync(InwardApp app)
    {
        var files = Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml");
        Assert.NotEmpty(files);
        return string.Concat(await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f))));
    }

    private static string SignedInName(string html) =>
        WhoLink().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "(not signed in)";

    [GeneratedRegex("class=\"who\">([^<]*)</a>")]
    private static partial Regex WhoLink();

    private static async Task<int> CountEmployeesAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Employees.CountAsync();
    }

    private static async Task<int> CountAdminsAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Employees.CountAsync(e => e.NormalizedEmail == "ADMIN@DEMO.EXAMPLE");
    }

    private static async Task<string> DisplayNameAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Users
            .Where(u => u.NormalizedEmail == "HR@DEMO.EXAMPLE").Select(u => u.DisplayName).SingleAsync();
    }
}
