using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Brand;

/// <summary>A published version as pages and the API show it.</summary>
public sealed record PublishedBrandBook(int Number, DateTime PublishedUtc, string? PublishedBy, string ChangeNote, BrandContent Content);

/// <summary>A line of the version history.</summary>
public sealed record BrandVersionSummary(int Number, DateTime PublishedUtc, string? PublishedBy, string ChangeNote);

public enum PublishOutcome
{
    Published,
    Invalid,
    /// <summary>Someone else published at the same moment and took the number; nothing was saved.</summary>
    Conflict,
}

/// <summary>Reads published brand books and writes the draft; publishing freezes the draft into a new version.</summary>
public sealed class BrandBooks(InwardDbContext db, TimeProvider clock)
{
    public async Task<PublishedBrandBook?> LatestAsync(CancellationToken ct = default) =>
        await ToBookAsync(db.Set<BrandBookVersion>().AsNoTracking().OrderByDescending(v => v.Number), ct);

    public async Task<PublishedBrandBook?> VersionAsync(int number, CancellationToken ct = default) =>
        await ToBookAsync(db.Set<BrandBookVersion>().AsNoTracking().Where(v => v.Number == number), ct);

    public async Task<IReadOnlyList<BrandVersionSummary>> VersionsAsync(CancellationToken ct = default) =>
        await db.Set<BrandBookVersion>().AsNoTracking().OrderByDescending(v => v.Number)
            .Select(v => new BrandVersionSummary(v.Number, v.PublishedUtc, v.PublishedByName, v.ChangeNote)).ToListAsync(ct);

    /// <summary>The working copy; the empty book when nobody has written one yet.</summary>
    public async Task<BrandContent> DraftAsync(CancellationToken ct = default) =>
        await db.Set<BrandBookDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == BrandBookDraft.SingleId, ct) is { } d
            ? BrandContent.FromDraft(d)
            : BrandContent.Empty;

    /// <summary>Saves valid content as the draft (the caller validated it).</summary>
    public async Task SaveDraftAsync(BrandContent content, string? userId, CancellationToken ct = default)
    {
        await WriteDraftAsync(content, userId, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves the content as the draft and publishes it as the next version, in one transaction.</summary>
    public async Task<(PublishOutcome Outcome, int Number)> PublishAsync(BrandContent content, string changeNote, string? userId, string? userName,
        CancellationToken ct = default)
    {
        if (BrandRules.Validate(content).Count > 0 || BrandRules.ValidateChangeNote(changeNote).Count > 0)
        {
            return (PublishOutcome.Invalid, 0);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await WriteDraftAsync(content, userId, ct);
        var number = 1 + (await db.Set<BrandBookVersion>().MaxAsync(v => (int?)v.Number, ct) ?? 0);
        db.Set<BrandBookVersion>().Add(new BrandBookVersion
        {
            Number = number,
            PublishedUtc = clock.GetUtcNow().UtcDateTime,
            PublishedByUserId = userId,
            PublishedByName = userName,
            ChangeNote = BrandRules.Clean(changeNote)!,
            SnapshotJson = content.ToJson(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (PublishOutcome.Published, number);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (PublishOutcome.Conflict, 0);
        }
    }

    private async Task WriteDraftAsync(BrandContent content, string? userId, CancellationToken ct)
    {
        var draft = await db.Set<BrandBookDraft>().SingleOrDefaultAsync(d => d.Id == BrandBookDraft.SingleId, ct);
        if (draft is null)
        {
            draft = new BrandBookDraft();
            db.Set<BrandBookDraft>().Add(draft);
        }
        content.CopyTo(draft);
        draft.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        draft.UpdatedByUserId = userId;
    }

    private static async Task<PublishedBrandBook?> ToBookAsync(IQueryable<BrandBookVersion> query, CancellationToken ct) =>
        await query.Select(v => new { v.Number, v.PublishedUtc, v.PublishedByName, v.ChangeNote, v.SnapshotJson }).FirstOrDefaultAsync(ct) is { } v
            ? new PublishedBrandBook(v.Number, v.PublishedUtc, v.PublishedByName, v.ChangeNote, BrandContent.FromJson(v.SnapshotJson))
            : null;
}
