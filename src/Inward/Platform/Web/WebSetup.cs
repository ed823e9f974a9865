using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Inward.Platform.Web;

public static class WebSetup
{
    public const string SignInLimit = "sign-in";
    public const string ApiLimit = "api";

    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddAntiforgery(o => o.Cookie.Name = "inward.csrf");

        AddForwardedHeaders(builder);

        var limits = builder.Configuration.GetSection("RateLimits");
        var signInPerMinute = limits.GetValue("SignInPerMinute", 10);
        var apiPerMinute = limits.GetValue("ApiPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            // Rejections are 429 with problem details, not the default 503.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                await Results.Problem(title: "Too many requests", detail: "Please wait a moment and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx.HttpContext);
            };
            // Limits are counted in this process's memory, so they are per instance: with several instances the
            // reverse proxy must limit too (SECURITY.md, docs/adr/0004-rate-limits-per-instance.md).
            // Per client address, whatever the spelling of the path: stops password guessing against many accounts
            // from one place. Only attempts count: opening the form (GET/HEAD) is free.
            o.AddPolicy(SignInLimit, ctx => HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Per user (token or cookie), else per address.
            o.AddPolicy(ApiLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    private static bool BehindProxy(IConfiguration configuration) => configuration.GetValue("Inward:BehindProxy", false);

    /// <summary>
    /// Inward:BehindProxy=true takes the client address and scheme from X-Forwarded-For / X-Forwarded-Proto, but only
    /// when the request comes from a trusted proxy: loopback by default, or exactly the addresses and networks
    /// (CIDR) listed in Inward:TrustedProxies. Anyone else's forwarded headers are ignored.
    /// </summary>
    private static void AddForwardedHeaders(IHostApplicationBuilder builder)
    {
        if (!BehindProxy(builder.Configuration))
        {
            return;
        }
        var trusted = builder.Configuration.GetSection("Inward:TrustedProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (trusted.Length == 0)
            {
                return;
            }
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in trusted)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
    }

    public static IApplicationBuilder UseForwardedHeadersBehindProxy(this WebApplication app) =>
        BehindProxy(app.Configuration) ? app.UseForwardedHeaders() : app;

    /// <summary>
    /// Requests answered with problem details whatever they accept: the API and its unknown routes, and the SignalR hubs
    /// (a script negotiating a connection wants 401/403, not a redirect to the sign-in page).
    /// </summary>
    public static bool IsApiRequest(HttpRequest request) =>
        (request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/docs")) || request.Path.StartsWithSegments("/hubs");

    /// <summary>
    /// Gives bodiless error responses (401, 403, 404, 405, 400 from binding, ...) an RFC 7807 body on the API. Pages are
    /// left alone: a browser asking for HTML gets no JSON; other clients get problem details as before.
    /// </summary>
    public static IApplicationBuilder UseProblemStatusCodes(this IApplicationBuilder app) => app.UseStatusCodePages(async ctx =>
    {
        var http = ctx.HttpContext;
        var api = IsApiRequest(http.Request);
        if (!api && AcceptsHtml(http.Request))
        {
            return;
        }
        if (api && http.Response.StatusCode == StatusCodes.Status401Unauthorized && !http.Response.Headers.ContainsKey("WWW-Authenticate"))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }
        // ProblemHttpResult uses IProblemDetailsService (adds traceId) and falls back to writing application/problem+json
        // itself when the client's Accept header names neither JSON nor problem+json.
        await TypedResults.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
    });

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Security headers: a CSP without inline script, no sniffing, no framing.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            if (!h.ContainsKey("Content-Security-Policy"))
            {
                // The API reference page loads its own bundled script and styles; everything else is strict.
                h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api/docs")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
                    : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
