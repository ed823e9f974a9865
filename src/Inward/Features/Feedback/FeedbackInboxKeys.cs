using System.Security.Cryptography;
using Inward.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Feedback;

/// <summary>
/// The per-user inbox secrets that let an author find their anonymous cards (ADR 0013). Secrets are created for every
/// user who lacks one in one batch, so the moment a row appears says nothing about who is about to write a card.
/// </summary>
public sealed class FeedbackInboxKeys(InwardDbContext db, IDataProtectionProvider protection)
{
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    // The user id is part of the purpose: a secret copied into another user's row cannot be unprotected there.
    private IDataProtector ProtectorFor(string userId) => protection.CreateProtector("Inward.Feedback.Inbox.v1", userId);

    /// <summary>Creates the missing secrets of every account at once (a few hundred protections on the first use).</summary>
    public async Task EnsureAllAsync(CancellationToken ct)
    {
        var missing = await db.Users.AsNoTracking()
            .Where(u => !db.Set<FeedbackInbox>().Any(i => i.UserId == u.Id))
            .Select(u => u.Id).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return;
        }
        foreach (var userId in missing)
        {
            db.Add(new FeedbackInbox { UserId = userId, ProtectedSecret = ProtectorFor(userId).Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes))) });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created some of them at the same moment: theirs are as good as ours.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The user's secret, creating the missing ones first when needed.</summary>
    public async Task<byte[]> SecretOfAsync(string userId, CancellationToken ct)
    {
        if (await ProtectedOfAsync(userId, ct) is not { } stored)
        {
            await EnsureAllAsync(ct);
            stored = await ProtectedOfAsync(userId, ct) ?? throw new InvalidOperationException("The feedback inbox secret was not created.");
        }
        return Convert.FromBase64String(ProtectorFor(userId).Unprotect(stored));
    }

    private Task<string?> ProtectedOfAsync(string userId, CancellationToken ct) =>
        db.Set<FeedbackInbox>().AsNoTracking().Where(i => i.UserId == userId).Select(i => i.ProtectedSecret).SingleOrDefaultAsync(ct);

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    public static byte[] Tag(byte[] secret, byte[] salt) => HMACSHA256.HashData(secret, salt);

    public static bool IsTagOf(byte[] secret, byte[] salt, byte[] tag) =>
        CryptographicOperations.FixedTimeEquals(Tag(secret, salt), tag);

    /// <summary>
    /// The ids of the user's anonymous cards: each card's tag recomputed with the user's secret. Linear in the number of
    /// anonymous cards (an HMAC is about a microsecond), which is the price of storing nothing that groups a person's cards.
    /// </summary>
    public async Task<HashSet<int>> AnonymousCardsOfAsync(string userId, CancellationToken ct)
    {
        var secret = await SecretOfAsync(userId, ct);
        var cards = await db.Set<FeedbackCard>().AsNoTracking().Where(c => c.IsAnonymous)
            .Select(c => new { c.Id, c.AuthorSalt, c.AuthorTag }).ToListAsync(ct);
        return [.. cards.Where(c => c.AuthorSalt is not null && c.AuthorTag is not null && IsTagOf(secret, c.AuthorSalt, c.AuthorTag)).Select(c => c.Id)];
    }
}
