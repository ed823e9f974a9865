using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Radio;

/// <summary>An episode as a listener sees it.</summary>
public sealed record EpisodeView(int Id, string Title, string ShowNotes, string Transcript, DateTime PublishedUtc, int DurationSeconds,
    Guid? AudioFileId, string? AudioType, long AudioSize, string? AudioExtension);

/// <summary>
/// What a person may hear: published episodes with audio whose audience includes them now (the rule is evaluated at
/// read time with the pure <see cref="AudienceRules.Matches"/>), play counting, and the private podcast-feed tokens.
/// </summary>
public sealed class RadioViews(InwardDbContext db, AudienceResolver resolver, TimeProvider clock, IAuthorizationService authorization,
    IUserClaimsPrincipalFactory<InwardUser> principals)
{
    public const string FileKind = "radio";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Episodes this person may hear, newest first.</summary>
    public async Task<IReadOnlyList<EpisodeView>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await resolver.FactsOfAsync(user, ct) is not { IsActive: true } facts)
        {
            return [];
        }
        var tree = await resolver.TreeAsync(ct);
        var now = Now;
        var candidates = await (
            from e in db.Set<RadioEpisode>().AsNoTracking()
            where e.Status == EpisodeStatus.Published && e.PublishedUtc != null && e.PublishedUtc <= now && e.AudioFileId != null
            join f in db.Set<StoredFile>().AsNoTracking() on e.AudioFileId equals f.Id
            select new { e.Id, e.Title, e.ShowNotes, e.Transcript, e.PublishedUtc, e.DurationSeconds, e.AudioFileId, e.AudienceJson, f.ContentType, f.Size, f.FileName })
            .ToListAsync(ct);
        return [.. candidates.Where(c => Includes(c.AudienceJson, facts, tree))
            .OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id)
            .Select(c => new EpisodeView(c.Id, c.Title, c.ShowNotes, c.Transcript, c.PublishedUtc!.Value, c.DurationSeconds, c.AudioFileId, c.ContentType,
                c.Size, Path.GetExtension(c.FileName)))];
    }

    /// <summary>One episode this person may hear; null otherwise (callers answer 404).</summary>
    public async Task<EpisodeView?> EpisodeAsync(ClaimsPrincipal user, int id, CancellationToken ct = default) =>
        (await ListAsync(user, ct)).FirstOrDefault(e => e.Id == id);

    private bool Includes(string json, MemberFacts facts, DepartmentTree tree)
    {
        try
        {
            return AudienceRule.FromJson(json) is { } rule && AudienceRules.Matches(rule, facts, tree, resolver.Today);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public async Task<bool> MayManageAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, nameof(Capability.Communicate))).Succeeded;

    /// <summary>Counts a play of an episode the person may hear, once per person and day. False when they may not hear it.</summary>
    public async Task<bool> RecordPlayAsync(ClaimsPrincipal user, int episodeId, CancellationToken ct = default)
    {
        if (await EpisodeAsync(user, episodeId, ct) is null || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }
        var now = Now;
        var day = DateOnly.FromDateTime(now);
        if (!await db.Set<RadioPlay>().AnyAsync(p => p.EpisodeId == episodeId && p.UserId == userId && p.Day == day, ct))
        {
            db.Add(new RadioPlay { EpisodeId = episodeId, UserId = userId, Day = day, PlayedUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Counted by a parallel request: the unique index keeps one.
                db.ChangeTracker.Clear();
            }
        }
        return true;
    }

    /// <summary>Plays per episode (all days, each person at most once a day).</summary>
    public async Task<Dictionary<int, int>> PlayCountsAsync(CancellationToken ct = default) =>
        await db.Set<RadioPlay>().AsNoTracking().GroupBy(p => p.EpisodeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    // ---- private podcast feed ----

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the person has a feed token that is not revoked.</summary>
    public Task<bool> HasFeedAsync(string userId, CancellationToken ct = default) =>
        db.Set<RadioFeedToken>().AnyAsync(t => t.UserId == userId && t.RevokedUtc == null, ct);

    /// <summary>Makes a new secret token (revoking any earlier one) and returns it; only its hash is stored.</summary>
    public async Task<string> NewFeedTokenAsync(string userId, CancellationToken ct = default)
    {
        await RevokeFeedAsync(userId, save: false, ct);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.Add(new RadioFeedToken { UserId = userId, TokenHash = Hash(token), CreatedUtc = Now });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeFeedAsync(string userId, bool save = true, CancellationToken ct = default)
    {
        var now = Now;
        foreach (var t in await db.Set<RadioFeedToken>().Where(t => t.UserId == userId && t.RevokedUtc == null).ToListAsync(ct))
        {
            t.RevokedUtc = now;
        }
        if (save)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The person a feed token stands for, as if they were signed in (their current roles and facts), when the token is
    /// valid, not revoked, the account active and allowed to use the intranet; null otherwise.
    /// </summary>
    public async Task<ClaimsPrincipal?> FeedUserAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var userId = await db.Set<RadioFeedToken>().AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedUtc == null)
            .Select(t => t.UserId).FirstOrDefaultAsync(ct);
        var user = userId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.IsActive)
        {
            return null;
        }
        var principal = await principals.CreateAsync(user);
        return (await authorization.AuthorizeAsync(principal, nameof(Capability.UseIntranet))).Succeeded ? principal : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Radio audio files are served to whoever may hear the episode, and to communicators (who manage drafts).</summary>
internal sealed class RadioFileOwner(RadioViews views) : IFileOwner
{
    public string Kind => RadioViews.FileKind;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, int ownerId, CancellationToken ct) =>
        await views.MayManageAsync(user) || await views.EpisodeAsync(user, ownerId, ct) is not null;
}
