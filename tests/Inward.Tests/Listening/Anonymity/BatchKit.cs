using Inward.Features.Listening;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// One app per provider whose job worker is off, so responses stay pending until a test runs the batch itself (the
/// shared apps' worker would re-write them at any minute), and whose results are never cached (so a view after the
/// re-write reads the re-written rows).
/// </summary>
public sealed class QuietApps() : Apps(new Dictionary<string, string> { ["Jobs:Enabled"] = "false", ["Surveys:ResultsCacheMinutes"] = "0" });

[CollectionDefinition(Name)]
public sealed class QuietJobsTests : ICollectionFixture<QuietApps>
{
    public const string Name = "quiet-jobs";
}

/// <summary>A stored row as a database reader sees it: its key, pending flag, writing transaction and heap position.</summary>
public sealed class StoredRow
{
    public Guid Id { get; set; }
    public bool Pending { get; set; }
    /// <summary>PostgreSQL: <c>xmin::text</c>; SQLite: empty.</summary>
    public string Xmin { get; set; } = "";
    /// <summary>Position in the table's physical order: <c>ctid</c> on PostgreSQL, the scan order (primary key, WITHOUT ROWID) on SQLite.</summary>
    public long Position { get; set; }
}

/// <summary>A participation row as a database reader sees it.</summary>
public sealed class StoredParticipation
{
    public int EmployeeId { get; set; }
    public string Xmin { get; set; } = "";
    public long Position { get; set; }
}

/// <summary>Reads the tables the way someone with a copy of the database would, and runs the batch job as an instance would.</summary>
internal static class BatchKit
{
    public static bool IsPostgres(InwardApp app) => app.Provider == DatabaseProvider.Postgres;

    public static Task<List<StoredRow>> ResponsesAsync(InwardApp app, int survey) => TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<StoredRow>(
        IsPostgres(app)
            ? "SELECT \"Id\", \"Pending\", xmin::text AS \"Xmin\", ROW_NUMBER() OVER (ORDER BY ctid) AS \"Position\" FROM \"SurveyResponses\" WHERE \"SurveyId\" = {0}"
            : "SELECT \"Id\", \"Pending\", '' AS \"Xmin\", ROW_NUMBER() OVER () AS \"Position\" FROM \"SurveyResponses\" WHERE \"SurveyId\" = {0}",
        survey).ToListAsync());

    public static Task<List<StoredParticipation>> ParticipationsAsync(InwardApp app, int survey) => TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<StoredParticipation>(
        IsPostgres(app)
            ? "SELECT \"EmployeeId\", xmin::text AS \"Xmin\", ROW_NUMBER() OVER (ORDER BY ctid) AS \"Position\" FROM \"SurveyParticipations\" WHERE \"SurveyId\" = {0}"
            : "SELECT \"EmployeeId\", '' AS \"Xmin\", ROW_NUMBER() OVER () AS \"Position\" FROM \"SurveyParticipations\" WHERE \"SurveyId\" = {0}",
        survey).ToListAsync());

    /// <summary>The response ids of the survey's answers in the answer table's physical order, first appearance of each.</summary>
    public static async Task<List<Guid>> AnswerOrderAsync(InwardApp app, int survey)
    {
        var ids = await TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<Guid>(
            IsPostgres(app)
                ? "SELECT a.\"ResponseId\" AS \"Value\" FROM \"SurveyAnswers\" a JOIN \"SurveyQuestions\" q ON q.\"Id\" = a.\"QuestionId\" WHERE q.\"SurveyId\" = {0} ORDER BY a.ctid"
                : "SELECT a.\"ResponseId\" AS \"Value\" FROM \"SurveyAnswers\" a WHERE a.\"QuestionId\" IN (SELECT \"Id\" FROM \"SurveyQuestions\" WHERE \"SurveyId\" = {0})",
            survey).ToListAsync());
        return [.. ids.Distinct()];
    }

    /// <summary>Which response (by id) holds which comment: the ground truth a test knows and an attacker does not.</summary>
    public static Task<Dictionary<Guid, string>> CommentsAsync(InwardApp app, int survey) => TestAccounts.WithDbAsync(app, db =>
        (from a in db.Set<SurveyAnswer>().AsNoTracking()
         join r in db.Set<SurveyResponse>().AsNoTracking() on a.ResponseId equals r.Id
         where r.SurveyId == survey && a.Text != null
         select new { r.Id, a.Text }).ToDictionaryAsync(x => x.Id, x => x.Text!));

    /// <summary>Runs the batch job's work as an instance's worker would.</summary>
    public static async Task<int> RunBatchesAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnonymousBatches>().RunAsync(default);
    }

    /// <summary>
    /// PostgreSQL: the transaction ids in the tuple headers of every line pointer of <paramref name="table"/>'s heap, live or
    /// dead (pageinspect), i.e. what a physical copy of the table's file still says about who wrote or deleted each row.
    /// </summary>
    public static Task<List<string>> HeapXidsAsync(InwardApp app, string table) => TestAccounts.WithDbAsync(app, async db =>
    {
        await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS pageinspect");
        var relation = $"\"{table}\"";
        return await db.Database.SqlQueryRaw<string>(
            """
            SELECT DISTINCT x.v AS "Value"
            FROM generate_series(0, (pg_relation_size({0}::regclass) / current_setting('block_size')::int)::int - 1) AS b,
                 heap_page_items(get_raw_page({0}, b)) AS i,
                 LATERAL (VALUES (i.t_xmin::text), (i.t_xmax::text)) AS x(v)
            WHERE x.v IS NOT NULL AND x.v <> '0'
            """, relation).ToListAsync();
    });

    public static async Task CloseByTimeAsync(InwardApp app, int survey) => await TestAccounts.WithDbAsync(app, db =>
        db.Set<Survey>().Where(s => s.Id == survey).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosesUtc, DateTime.UtcNow.AddSeconds(-1))));
}
