using System.Data.Common;
using System.Security.Cryptography;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>What to re-write for one survey: nothing, or its pending responses plus <see cref="TopUp"/> already batched ones.</summary>
public readonly record struct BatchPlan(bool Rewrite, int TopUp)
{
    public static readonly BatchPlan None = new(false, 0);
}

/// <summary>When an anonymous survey's pending responses are re-written (docs/adr/0018), as a pure function.</summary>
public static class AnonymousBatchRules
{
    /// <summary>
    /// While the survey is open: once at least <paramref name="k"/> responses are pending, all of them, so every batch hides
    /// each response among at least k. Once it is closed (no more will come): whatever is pending, topped up with
    /// already batched responses to k where the survey has them, so the last batch is no smaller than the others.
    /// </summary>
    public static BatchPlan Plan(bool closed, int pending, int batched, int k)
    {
        if (pending <= 0)
        {
            return BatchPlan.None;
        }
        if (!closed)
        {
            return pending >= Math.Max(k, 1) ? new(true, 0) : BatchPlan.None;
        }
        return new(true, Math.Clamp(k - pending, 0, Math.Max(batched, 0)));
    }
}

/// <summary>
/// The batching re-writer of anonymous responses (docs/adr/0018). A submission writes its participation row and its
/// response in one transaction, so on PostgreSQL they share <c>xmin</c> and sit side by side in the heap. This copies a
/// survey's pending responses (and their answers) under new random ids, in a random order, in ONE transaction that also
/// deletes the originals, so every row of a batch carries the batch's <c>xmin</c> and no heap position follows the
/// submissions; then VACUUM drops the dead originals (and the deleted drafts, which held the same answers beside the
/// person) from the tables. Copy and delete commit together, so every response is counted exactly once before, during
/// and after; results read pending and batched rows alike. Runs the same way on SQLite, where WITHOUT ROWID tables and
/// random keys already hide the order: one code path, tested on both, and nothing to vacuum there.
/// </summary>
public sealed partial class AnonymousBatches(InwardDbContext db, SurveyResults results, TimeProvider clock, ILogger<AnonymousBatches> logger)
{
    /// <summary>The job's work: every anonymous survey that is due; returns the number of responses re-written.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var k = await results.ThresholdAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.Pending).GroupBy(r => r.SurveyId)
            .Select(g => new { SurveyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.SurveyId).ToList();
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var rewritten = 0;
        foreach (var (surveyId, count) in counts.Select(c => (c.SurveyId, c.Count)))
        {
            if (!surveys.TryGetValue(surveyId, out var survey))
            {
                continue; // deleted meanwhile, its responses with it
            }
            var closed = SurveyRules.Window(survey.Status, survey.OpensUtc, survey.ClosesUtc, now) == SurveyWindow.Closed;
            // The count is checked again under the survey's lock; this only skips surveys that are surely not due.
            if (closed || count >= k)
            {
                rewritten += await RewriteAsync(surveyId, k, ct);
            }
        }
        // Every run, not only after a batch: VACUUM cannot remove rows deleted by a transaction newer than one still
        // running (a submission in flight, a long report), so a batch's originals may outlive its own VACUUM; the next
        // run removes them. It also drops deleted drafts within a minute. Cheap when nothing is dead (all-visible pages are skipped).
        await VacuumAsync(ct);
        return rewritten;
    }

    /// <summary>
    /// The close path: re-writes what the survey still has pending before anyone can see its results. A failure leaves the
    /// rows pending for the job (the survey is closed either way); returns the number re-written.
    /// </summary>
    public async Task<int> FlushAsync(int surveyId, CancellationToken ct)
    {
        if (!await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == surveyId && r.Pending, ct))
        {
            return 0;
        }
        try
        {
            var rewritten = await RewriteAsync(surveyId, await results.ThresholdAsync(ct), ct);
            if (rewritten > 0)
            {
                await VacuumAsync(ct);
            }
            return rewritten;
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            LogFlushFailed(logger, e, surveyId);
            return 0;
        }
    }

    private async Task<int> RewriteAsync(int surveyId, int k, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // One re-writer per survey at a time (the job on several instances, a close). NO KEY UPDATE leaves the key-share
            // lock that a submission's foreign key takes alone, so submitting goes on meanwhile. SQLite's transaction
            // already holds the only write lock.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Surveys\" WHERE \"Id\" = {surveyId} FOR NO KEY UPDATE", ct);
        }
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is not { IsAnonymous: true })
        {
            return 0;
        }
        var rows = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId).Select(r => new { r.Id, r.Pending }).ToListAsync(ct);
        var pendingIds = rows.Where(r => r.Pending).Select(r => r.Id).ToList();
        var batchedIds = rows.Where(r => !r.Pending).Select(r => r.Id).ToArray();
        var closed = SurveyRules.Window(survey.Status, survey.OpensUtc, survey.ClosesUtc, clock.GetUtcNow().UtcDateTime) == SurveyWindow.Closed;
        var plan = AnonymousBatchRules.Plan(closed, pendingIds.Count, batchedIds.Length, k);
        if (!plan.Rewrite)
        {
            return 0;
        }
        RandomNumberGenerator.Shuffle(batchedIds.AsSpan());
        List<Guid> chosen = [.. pendingIds, .. batchedIds.Take(plan.TopUp)];

        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => chosen.Contains(r.Id)).ToListAsync(ct);
        var answers = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => chosen.Contains(a.ResponseId)).ToListAsync(ct);
        await db.Set<SurveyAnswer>().Where(a => chosen.Contains(a.ResponseId)).ExecuteDeleteAsync(ct);
        if (await db.Set<SurveyResponse>().Where(r => chosen.Contains(r.Id)).ExecuteDeleteAsync(ct) != chosen.Count)
        {
            // Cannot happen under the survey's lock; if it ever did, nothing of this batch is kept.
            throw new DbUpdateConcurrencyException($"Responses of survey {surveyId} changed while being re-written.");
        }

        var newIds = chosen.ToDictionary(id => id, _ => Guid.NewGuid());
        // Every column is copied through EF's property values, so a column added later is carried over too.
        var responseCopies = responses.Select(r => Copy(r, c => { c.Id = newIds[r.Id]; c.Pending = false; })).ToArray();
        var answerCopies = answers.Select(a => Copy(a, c => c.ResponseId = newIds[a.ResponseId])).ToArray();
        RandomNumberGenerator.Shuffle(responseCopies.AsSpan());
        RandomNumberGenerator.Shuffle(answerCopies.AsSpan());
        db.AddRange(responseCopies);
        db.AddRange(answerCopies);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var entity in responseCopies.Cast<object>().Concat(answerCopies))
        {
            db.Entry(entity).State = EntityState.Detached;
        }
        return chosen.Count;
    }

    private T Copy<T>(T original, Action<T> change) where T : class, new()
    {
        var copy = new T();
        db.Entry(copy).CurrentValues.SetValues(original);
        change(copy);
        return copy;
    }

    /// <summary>
    /// PostgreSQL: removes the dead originals and deleted drafts from the heap and the indexes (outside any transaction, as
    /// VACUUM must be). What a transaction older than the batch may still see stays until a later run.
    /// </summary>
    private async Task VacuumAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (INDEX_CLEANUP ON) \"SurveyResponses\", \"SurveyAnswers\", \"SurveyDrafts\"", ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-writing the pending responses of survey {SurveyId} on close failed; the batch job will do it.")]
    private static partial void LogFlushFailed(ILogger logger, Exception error, int surveyId);
}

/// <summary>The recurring job that re-writes due batches (exactly once across instances, docs/adr/0007).</summary>
public sealed class AnonymousBatchJob(AnonymousBatches batches) : IJobHandler
{
    public const string Kind = "surveys.anonymous-batches";

    /// <summary>Surveys:AnonymousBatches: how often pending anonymous responses are checked for a due batch.</summary>
    public const string DefaultSweep = "every 1m";

    public Task HandleAsync(JobContext job, CancellationToken ct) => batches.RunAsync(ct);
}

public static class AnonymousBatchesModule
{
    public static WebApplicationBuilder AddAnonymousBatches(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<AnonymousBatches>();
        s.AddJobHandler<AnonymousBatchJob>(AnonymousBatchJob.Kind);
        var spec = builder.Configuration["Surveys:AnonymousBatches"] ?? AnonymousBatchJob.DefaultSweep;
        s.AddRecurringJob("listening.anonymous-batches", AnonymousBatchJob.Kind, JobSchedule.Parse(spec)
            ?? throw new InvalidOperationException($"Surveys:AnonymousBatches must look like \"every 1m\" or \"daily 03:00\", not \"{spec}\"."));
        return builder;
    }
}
