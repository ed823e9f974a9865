using System.Net;
using Inward.Features.Listening;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Listening.Anonymity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Inward.Tests.Listening.Anonymity.BatchKit;
using static Inward.Tests.Listening.Anonymity.ReminderKit;

namespace Inward.Tests.Listening;

/// <summary>The batching re-writer of anonymous responses (docs/adr/0018) on both databases, through the job and the close path.</summary>
[Collection(QuietJobsTests.Name)]
public sealed class AnonymousBatchesTests(QuietApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => IntegrationTest.Providers;

    private static Task<List<string>> AnswerXminsAsync(InwardApp app, int survey) => TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<string>(
        "SELECT DISTINCT a.xmin::text AS \"Value\" FROM \"SurveyAnswers\" a JOIN \"SurveyResponses\" r ON r.\"Id\" = a.\"ResponseId\" WHERE r.\"SurveyId\" = {0}",
        survey).ToListAsync());

    private static Task<int> AnswerCountAsync(InwardApp app, int survey) => TestAccounts.WithDbAsync(app, db =>
        db.Set<SurveyAnswer>().CountAsync(a => db.Set<SurveyResponse>().Any(r => r.Id == a.ResponseId && r.SurveyId == survey)));

    /// <summary>
    /// The transaction ids a submission leaves: its rows are saved in an EF savepoint (a subtransaction, whose id is the
    /// participation's xmin) and the draft is deleted by the enclosing transaction (the id just before, on a quiet server).
    /// </summary>
    private static HashSet<string> SubmissionTraces(List<StoredParticipation> participations) =>
        [.. participations.Where(p => p.Xmin.Length > 0).SelectMany(p => new[] { p.Xmin, (long.Parse(p.Xmin, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })];

    [Theory, MemberData(nameof(Providers))]
    public async Task K_submissions_and_a_job_run_leave_one_batch_under_new_ids_and_no_trace_of_the_originals(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 6);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Batches");
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == survey).OrderBy(q => q.Order).ToListAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A draft first: at submission it is deleted, and on PostgreSQL its dead row (person + answers) names the submission's transaction.
            var (saved, _) = await scope.ServiceProvider.GetRequiredService<SurveyResponding>()
                .SaveDraftAsync(survey, people[0].EmployeeId, [new(questions[0].Id, 2, null, null)], default);
            Assert.Equal(SubmitOutcome.Submitted, saved);
        }
        foreach (var p in people.Take(4))
        {
            await SubmitAsync(app, survey, p, value: 1 + (p.EmployeeId % 5), comment: $"comment of {p.EmployeeId}");
        }
        var submittedXids = SubmissionTraces(await ParticipationsAsync(app, survey));
        if (IsPostgres(app))
        {
            Assert.Contains(await HeapXidsAsync(app, "SurveyDrafts"), submittedXids.Contains);
        }
        await RunBatchesAsync(app);
        if (IsPostgres(app))
        {
            // Every run vacuums, so the deleted draft is gone before any batch is due.
            Assert.DoesNotContain(await HeapXidsAsync(app, "SurveyDrafts"), submittedXids.Contains);
        }
        var four = await ResponsesAsync(app, survey);
        Assert.Equal(4, four.Count);
        Assert.All(four, r => Assert.True(r.Pending)); // fewer than k: not yet

        await SubmitAsync(app, survey, people[4], value: 3, comment: $"comment of {people[4].EmployeeId}");
        var before = await ResponsesAsync(app, survey);
        var participations = await ParticipationsAsync(app, survey);
        var comments = await CommentsAsync(app, survey);
        var answers = await AnswerCountAsync(app, survey);
        var submissionXids = participations.Select(p => p.Xmin).ToHashSet();
        var submissionTraces = SubmissionTraces(participations);
        if (IsPostgres(app))
        {
            // The link this closes: each response was written by its participation's transaction.
            Assert.Equal(5, before.Select(r => r.Xmin).Distinct().Count());
            Assert.All(before, r => Assert.Contains(r.Xmin, submissionXids));
        }

        Assert.True(await RunBatchesAsync(app) >= 5);

        var after = await ResponsesAsync(app, survey);
        Assert.Equal(5, after.Count);
        Assert.All(after, r => Assert.False(r.Pending));
        Assert.Empty(after.Select(r => r.Id).Intersect(before.Select(r => r.Id)));
        Assert.All(after, r => Assert.Equal(4, r.Id.Version));
        Assert.Equal(comments.Values.Order(StringComparer.Ordinal), (await CommentsAsync(app, survey)).Values.Order(StringComparer.Ordinal));
        Assert.Equal(answers, await AnswerCountAsync(app, survey));
        Assert.Equal(5, (await ParticipationsAsync(app, survey)).Count);
        if (IsPostgres(app))
        {
            var batch = Assert.Single(after.Select(r => r.Xmin).Distinct());
            Assert.DoesNotContain(batch, submissionXids);
            Assert.Equal(batch, Assert.Single(await AnswerXminsAsync(app, survey)));
            // VACUUM took the dead originals (and the deleted draft) out of the heap: no tuple header, live or dead, still
            // carries a submission's transaction id.
            foreach (var table in new[] { "SurveyResponses", "SurveyAnswers", "SurveyDrafts" })
            {
                Assert.DoesNotContain(await HeapXidsAsync(app, table), submissionTraces.Contains);
            }
        }

        // The next one waits alone for the next batch.
        await SubmitAsync(app, survey, people[5], value: 2);
        Assert.Single(await ResponsesAsync(app, survey), r => r.Pending);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_survey_closed_by_time_gets_its_stragglers_rewritten_with_earlier_responses_and_its_results_do_not_change(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await SetThresholdAsync(app, 3);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 4);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Stragglers");
        foreach (var p in people.Take(3))
        {
            await SubmitAsync(app, survey, p, value: 1 + (p.EmployeeId % 5));
        }
        await RunBatchesAsync(app);
        await SubmitAsync(app, survey, people[3], value: 5);
        await CloseByTimeAsync(app, survey);
        var straggler = Assert.Single(await ResponsesAsync(app, survey), r => r.Pending);

        // Results read pending and batched rows alike: the same figures before and after the re-write.
        var pages = await app.SignedInAsync(Hr);
        var resultsBefore = await hr.GetStringAsync($"/api/v1/surveys/{survey}/results?department={department}");
        var csvBefore = await pages.GetStringAsync($"/surveys/{survey}/export?department={department}");
        Assert.Contains("\"responded\":4", resultsBefore, StringComparison.Ordinal);
        Assert.Contains("\"answersVisible\":true", resultsBefore, StringComparison.Ordinal);

        await RunBatchesAsync(app);

        var after = await ResponsesAsync(app, survey);
        Assert.Equal(4, after.Count);
        Assert.DoesNotContain(after, r => r.Pending || r.Id == straggler.Id);
        Assert.Equal(resultsBefore, await hr.GetStringAsync($"/api/v1/surveys/{survey}/results?department={department}"));
        Assert.Equal(csvBefore, await pages.GetStringAsync($"/surveys/{survey}/export?department={department}"));
        if (IsPostgres(app))
        {
            var submissions = (await ParticipationsAsync(app, survey)).Select(p => p.Xmin).ToHashSet();
            Assert.DoesNotContain(after, r => submissions.Contains(r.Xmin));
            // The straggler's batch (the later transaction) was topped up to k with earlier responses: it hides among three.
            var last = after.GroupBy(r => r.Xmin).MaxBy(g => long.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal(3, last.Count());
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Comments_of_a_survey_closed_with_responses_still_pending_survive_their_rewrite_with_the_results_cache_on(DatabaseProvider provider)
    {
        // Its own app: the shared quiet ones keep no results cache, and this is about the cache.
        await using var app = new InwardApp(provider, new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        await app.InitialiseAsync();
        await SetThresholdAsync(app, 3);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 3);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Closed by the pulse job");
        for (var i = 0; i < people.Count; i++)
        {
            await SubmitAsync(app, survey, people[i], value: 4, comment: $"Comment number {i}");
        }
        // Closed the way the pulse job closes a cycle: no flush there, the batch job re-writes the responses a little later.
        await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().Where(s => s.Id == survey)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Closed).SetProperty(x => x.ClosedUtc, DateTime.UtcNow)));
        var before = await hr.GetStringAsync($"/api/v1/surveys/{survey}/results");
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains($"Comment number {i}", before, StringComparison.Ordinal));

        Assert.Equal(3, await RunBatchesAsync(app));

        Assert.DoesNotContain(await ResponsesAsync(app, survey), r => r.Pending);
        var after = await hr.GetStringAsync($"/api/v1/surveys/{survey}/results");
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains($"Comment number {i}", after, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Closing_a_survey_rewrites_what_it_still_has_pending_before_anyone_sees_results(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 2);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Closing");
        foreach (var p in people)
        {
            await SubmitAsync(app, survey, p, comment: $"said by {p.EmployeeId}");
        }
        var pending = await ResponsesAsync(app, survey);
        Assert.All(pending, r => Assert.True(r.Pending));

        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);

        var after = await ResponsesAsync(app, survey);
        Assert.Equal(2, after.Count);
        Assert.DoesNotContain(after, r => r.Pending || pending.Any(p => p.Id == r.Id));
        Assert.Equal(2, (await CommentsAsync(app, survey)).Count);
        if (IsPostgres(app))
        {
            var submissions = (await ParticipationsAsync(app, survey)).Select(p => p.Xmin).ToHashSet();
            Assert.DoesNotContain(Assert.Single(after.Select(r => r.Xmin).Distinct()), submissions);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Submissions_racing_the_job_are_neither_lost_nor_doubled(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await SetThresholdAsync(app, 3);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 10);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Race");

        var submissions = people.Select(p => Task.Run(() => SubmitAsync(app, survey, p, comment: $"raced {p.EmployeeId}")));
        var jobs = Enumerable.Range(0, 6).Select(_ => Task.Run(() => RunBatchesAsync(app)));
        await Task.WhenAll([.. submissions, .. jobs]);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);

        var rows = await ResponsesAsync(app, survey);
        Assert.Equal(10, rows.Count);
        Assert.DoesNotContain(rows, r => r.Pending);
        Assert.Equal(people.Select(p => $"raced {p.EmployeeId}").Order(StringComparer.Ordinal),
            (await CommentsAsync(app, survey)).Values.Order(StringComparer.Ordinal));
        Assert.Equal(20, await AnswerCountAsync(app, survey));
    }

    [Fact]
    public async Task A_submission_still_in_its_transaction_neither_waits_for_the_job_nor_is_lost_by_it()
    {
        var app = await apps.For(DatabaseProvider.Postgres);
        await SetThresholdAsync(app, 3);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 4);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "In flight");
        foreach (var p in people.Take(3))
        {
            await SubmitAsync(app, survey, p, comment: $"early {p.EmployeeId}");
        }
        var question = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == survey).OrderBy(q => q.Order).Select(q => q.Id).FirstAsync());

        // The third submission's writes, as SurveyResponding makes them, in a transaction left open while the job runs.
        await using var connection = new NpgsqlConnection(app.PostgresConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var id = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO "SurveyParticipations" ("SurveyId", "EmployeeId") VALUES (@s, @e);
            INSERT INTO "SurveyResponses" ("Id", "SurveyId", "DepartmentId", "Pending") VALUES (@id, @s, @d, TRUE);
            INSERT INTO "SurveyAnswers" ("ResponseId", "QuestionId", "Value") VALUES (@id, @q, 4);
            """, connection, tx))
        {
            insert.Parameters.AddWithValue("s", survey);
            insert.Parameters.AddWithValue("e", people[3].EmployeeId);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("d", department);
            insert.Parameters.AddWithValue("q", question);
            await insert.ExecuteNonQueryAsync();
        }

        var run = RunBatchesAsync(app);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        await run;
        var during = await ResponsesAsync(app, survey);
        Assert.Equal(3, during.Count);
        Assert.DoesNotContain(during, r => r.Pending);

        await tx.CommitAsync();
        var committed = await ResponsesAsync(app, survey);
        Assert.Equal(4, committed.Count);
        Assert.Single(committed, r => r.Pending && r.Id == id);

        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);
        var final = await ResponsesAsync(app, survey);
        Assert.Equal(4, final.Count);
        Assert.DoesNotContain(final, r => r.Pending || r.Id == id);
        Assert.Equal(7, await AnswerCountAsync(app, survey)); // four ratings, three comments
        Assert.Equal(3, (await CommentsAsync(app, survey)).Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_registered_job_rewrites_a_due_batch_once_when_two_instances_race_for_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        Assert.Contains(app.Services.GetServices<RecurringJob>(), j => j.Kind == AnonymousBatchJob.Kind);
        var registration = Assert.Single(app.Services.GetServices<JobHandlerRegistration>(), h => h.Kind == AnonymousBatchJob.Kind);
        await SetThresholdAsync(app, 3);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 3);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Two instances");
        foreach (var p in people)
        {
            await SubmitAsync(app, survey, p, comment: $"once {p.EmployeeId}");
        }
        var before = await ResponsesAsync(app, survey);

        // The app's own handler under a kind of this test's, so only these two runners (instances) see the job.
        var kind = $"test.batches.{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IJobScheduler>().EnqueueAsync(kind, "{}", DateTime.UtcNow.AddSeconds(-1));
        }
        JobRunner Instance(string owner) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            new JobOptions { MaxAttempts = 3, RetryBaseSeconds = 10, RetryMaxSeconds = 600, BatchSize = 5, KeepSucceededDays = 0 },
            [new JobHandlerRegistration(kind, registration.Create)], [], NullLogger.Instance, owner);
        var claimed = await Task.WhenAll(Instance("a").RunDueAsync(), Instance("b").RunDueAsync());

        Assert.Equal(1, claimed.Sum());
        Assert.Equal(JobStatus.Succeeded, await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().Where(j => j.Kind == kind).Select(j => j.Status).SingleAsync()));
        var after = await ResponsesAsync(app, survey);
        Assert.Equal(3, after.Count);
        Assert.DoesNotContain(after, r => r.Pending || before.Any(b => b.Id == r.Id));
        Assert.Equal(3, (await CommentsAsync(app, survey)).Count);
    }

    [Fact]
    public async Task Only_anonymous_submissions_are_written_pending()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 1);
        var hr = await app.ApiClientAsync(Hr);
        var named = await LaunchAsync(hr, new { title = "Named", anonymous = false, audience = Audience(department), sections = Sections, closesAt = DateTimeOffset.UtcNow.AddDays(30) });
        var anonymous = await LaunchForAsync(hr, department, "Anonymous");
        await SubmitAsync(app, named, people[0]);
        await SubmitAsync(app, anonymous, people[0]);
        Assert.False(Assert.Single(await ResponsesAsync(app, named)).Pending);
        Assert.True(Assert.Single(await ResponsesAsync(app, anonymous)).Pending);
    }
}
