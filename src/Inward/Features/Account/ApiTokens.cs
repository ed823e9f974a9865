using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Account;

public sealed record TokenRow(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

/// <summary>
/// Personal access tokens: only the hash is stored and the secret is returned once. Creating and revoking are
/// audited through PersonalAccessToken (an IAudited entity whose hash is never written to the log).
/// </summary>
public sealed class ApiTokens(InwardDbContext db, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    public const int MaxDays = 365;
    public const int PrefixLength = 12;

    public async Task<(PersonalAccessToken Token, string Secret)> CreateAsync(string userId, string name, int? days, CancellationToken ct = default)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A token lasts 1 to {MaxDays} days.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = TokenAuthenticationHandler.NewSecret();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..PrefixLength],
            Hash = TokenAuthenticationHandler.Hash(secret),
            CreatedAt = now,
            ExpiresAt = days is { } d ? now.AddDays(d) : null,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    public Task<List<TokenRow>> ListAsync(string userId, CancellationToken ct = default) =>
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);

    /// <returns>false when the user has no token with this id (someone else's token is "not found" too).</returns>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        cache.Remove(TokenAuthenticationHandler.CacheKey(token.Hash));
        return true;
    }
}
