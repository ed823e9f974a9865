using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Inward.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Inward.Platform.Identity;

/// <summary>Authenticates "Authorization: Bearer inw_..." personal access tokens.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    InwardDbContext db,
    IUserClaimsPrincipalFactory<InwardUser> principals,
    TimeProvider clock,
    IMemoryCache cache,
    IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string SecretPrefix = "inw_";

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Key of the cached principal of a token; revoking a token removes it (see ApiTokens.RevokeAsync).</summary>
    public static string CacheKey(string hash) => "pat:" + hash;

    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        var hash = Hash(secret);
        // Building the principal takes several queries (token, user, roles, role claims). A short cache keeps API
        // calls cheap; revocation on this instance is immediate, and deactivation or revocation elsewhere takes
        // effect within Identity:TokenCacheSeconds (default 30), inside the one-minute rule of SECURITY.md.
        if (cache.TryGetValue(CacheKey(hash), out AuthenticationTicket? cached) && cached is not null)
        {
            return AuthenticateResult.Success(cached);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Hash == hash);
        if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } exp && exp <= now))
        {
            return AuthenticateResult.Fail("Invalid, expired or revoked token.");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null || !user.IsActive)
        {
            return AuthenticateResult.Fail("The token's user is deactivated.");
        }
        // Avoid a write on every request: record use at most once a minute.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
        }
        var ticket = new AuthenticationTicket(await principals.CreateAsync(user), SchemeName);
        var seconds = configuration.GetValue("Identity:TokenCacheSeconds", 30);
        if (seconds > 0)
        {
            var until = now.AddSeconds(seconds);
            // Never cache past the token's expiry; the cache's clock is absolute UTC time.
            cache.Set(CacheKey(hash), ticket, new DateTimeOffset(token.ExpiresAt is { } e && e < until ? e : until, TimeSpan.Zero));
        }
        return AuthenticateResult.Success(ticket);
    }

    /// <summary>401 with the RFC 6750 header; the status-code middleware adds the problem details body.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
