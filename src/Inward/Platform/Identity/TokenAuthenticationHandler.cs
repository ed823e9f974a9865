using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Inward.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inward.Platform.Identity;

/// <summary>Authenticates "Authorization: Bearer inw_..." personal access tokens.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    InwardDbContext db,
    IUserClaimsPrincipalFactory<InwardUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string SecretPrefix = "inw_";

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

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
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>401 with the RFC 6750 header; the status-code middleware adds the problem details body.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
