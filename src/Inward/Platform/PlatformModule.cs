using System.Security.Cryptography.X509Certificates;
using Inward.Platform.Audit;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Platform.Localisation;
using Inward.Platform.Mail;
using Inward.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using StackExchange.Redis;

namespace Inward.Platform;

public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.AddInwardIdentity();
        builder.AddLocalisation();
        builder.AddWeb();
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Metrics.MetricRegistry>();
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        services.AddSingleton<MailSender>();
        services.AddJobs(builder.Configuration);
        services.AddSingleton<ICliCommand, MigrateCommand>();
        services.AddSingleton<ICliCommand, Demo.SeedCommand>();
        services.AddInwardOpenApi();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Inward.Strings)))
            .AddMvcOptions(o =>
            {
                // Route values first: by default a posted form field named "id" would override the id in the URL,
                // so a form could act on another object than the page the user opened.
                var route = o.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                o.ValueProviderFactories.Remove(route);
                o.ValueProviderFactories.Insert(0, route);
            });
        AddDataProtection(builder);
        return builder;
    }

    /// <summary>
    /// One key ring and one application name for every instance: in Redis when configured (several
    /// instances), otherwise in data/keys next to the database so a backup carries them. With a certificate
    /// configured the keys are encrypted at rest; without one they are stored as plain XML (fine for a single
    /// machine whose data directory is protected, not for production with a shared store).
    /// </summary>
    private static void AddDataProtection(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dp = builder.Services.AddDataProtection().SetApplicationName("Inward");
        var redis = configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // One connection for the app, disposed with it; the key name is "<Redis:KeyPrefix>dataprotection-keys".
            var key = (configuration["Redis:KeyPrefix"] ?? "inward:") + "dataprotection-keys";
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
            builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, connection) =>
                o.XmlRepository = new RedisXmlRepository(() => connection.GetDatabase(), key));
        }
        else
        {
            dp.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseSetup.DataDirectory(configuration), "keys")));
        }
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            // Also registered for decryption, so reading the keys needs no certificate store.
            dp.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // First, so everything after (rate limits, cookies, links) sees the client's address and scheme.
        app.UseForwardedHeadersBehindProxy();
        app.UseExceptionHandler();
        app.UseProblemStatusCodes();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the signed-in user's language claim decides the culture.
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The reference page loads Scalar's script bundled in the package (served under /api/docs); fonts and telemetry
        // would reach Scalar's servers, which an offline or privacy-minded installation must not need.
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Inward API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(OpenApiSetup.BearerScheme)
            .DisableDefaultFonts()
            .DisableTelemetry()).AllowAnonymous();
        // The baseline of the benchmarks: the cheapest possible request through the same pipeline.
        app.MapGet("/hello", () => "hello").AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}
