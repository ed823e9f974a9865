using System.Globalization;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using static Inward.Tests.Listening.Anonymity.BatchKit;
using static Inward.Tests.Listening.Anonymity.ReminderKit;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// A reader of the stored tables (read access, a replica, a copy of the database) tries to pair each "has responded" row
/// with its anonymous response: by the writing transaction (<c>xmin</c>), by physical order (<c>ctid</c>, scan order) and
/// by the order answers were inserted. Before the batch (PostgreSQL) that pairs everyone; after it, xmin narrows a person
/// down to their batch (at least k responses) and the orders pair no better than chance.
/// </summary>
[Collection(QuietJobsTests.Name)]
public sealed class StorageAttackTests(QuietApps apps)
{
    private const int K = 5;
    private const int Half = 6;

    public static TheoryData<DatabaseProvider> Providers => IntegrationTest.Providers;

    /// <summary>Pairs the n-th participation with the n-th response id in <paramref name="responseOrder"/>.</summary>
    private static Dictionary<int, Guid> ByOrder(List<StoredParticipation> participations, List<Guid> responseOrder) =>
        participations.OrderBy(p => p.Position).Select((p, i) => (p.EmployeeId, Id: responseOrder[i])).ToDictionary(x => x.EmployeeId, x => x.Id);

    private static long Xid(string xmin) => long.Parse(xmin, CultureInfo.InvariantCulture);

    /// <summary>
    /// The best an xmin reader can do: a response written by the participation's own transaction, else the responses of the
    /// first transaction after it (the batch that took it).
    /// </summary>
    private static List<Guid> XminCandidates(StoredParticipation participation, List<StoredRow> responses)
    {
        var same = responses.Where(r => r.Xmin == participation.Xmin).Select(r => r.Id).ToList();
        if (same.Count > 0)
        {
            return same;
        }
        var next = responses.Select(r => Xid(r.Xmin)).Where(x => x > Xid(participation.Xmin)).DefaultIfEmpty(-1).Min();
        return [.. responses.Where(r => Xid(r.Xmin) == next).Select(r => r.Id)];
    }

    private static int Correct(Dictionary<int, Guid> guess, Dictionary<Guid, int> truth) => guess.Count(g => truth[g.Value] == g.Key);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_database_reader_pairs_participations_with_responses_no_better_than_the_batch(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await SetThresholdAsync(app, K);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 2 * Half);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Storage attack");

        // Two batches of six, as the job would make them while the survey is open.
        foreach (var p in people.Take(Half))
        {
            await SubmitAsync(app, survey, p, value: 3, comment: $"{p.EmployeeId}");
        }
        var firstBefore = await ResponsesAsync(app, survey);
        var firstParticipations = await ParticipationsAsync(app, survey);
        var firstTruth = (await CommentsAsync(app, survey)).ToDictionary(c => c.Key, c => int.Parse(c.Value, CultureInfo.InvariantCulture));
        if (IsPostgres(app))
        {
            // The control: before the batch, xmin pairs everybody. (Heap order mostly does too, but where each row lands
            // depends on the free space each pooled connection's backend finds, so it is not asserted.)
            Assert.Equal(Half, firstParticipations.Count(p => XminCandidates(p, firstBefore) is [var only] && firstTruth[only] == p.EmployeeId));
        }
        await RunBatchesAsync(app);
        foreach (var p in people.Skip(Half))
        {
            await SubmitAsync(app, survey, p, value: 3, comment: $"{p.EmployeeId}");
        }
        await RunBatchesAsync(app);

        var responses = await ResponsesAsync(app, survey);
        var participations = await ParticipationsAsync(app, survey);
        var truth = (await CommentsAsync(app, survey)).ToDictionary(c => c.Key, c => int.Parse(c.Value, CultureInfo.InvariantCulture));
        Assert.Equal(2 * Half, truth.Count);
        Assert.DoesNotContain(responses, r => r.Pending);

        // Orders: a random pairing of twelve gets one right on average; seven or more happens with probability below 1e-4.
        const int ChanceBound = 7;
        Assert.InRange(Correct(ByOrder(participations, [.. responses.OrderBy(r => r.Position).Select(r => r.Id)]), truth), 0, ChanceBound - 1);
        Assert.InRange(Correct(ByOrder(participations, await AnswerOrderAsync(app, survey)), truth), 0, ChanceBound - 1);
        Assert.InRange(Correct(ByOrder(participations, [.. responses.OrderBy(r => r.Id).Select(r => r.Id)]), truth), 0, ChanceBound - 1);

        if (IsPostgres(app))
        {
            // xmin: no response carries a submission's transaction; the following transaction is a whole batch of at least k.
            foreach (var p in participations)
            {
                var candidates = XminCandidates(p, responses);
                Assert.DoesNotContain(responses, r => r.Xmin == p.Xmin);
                Assert.True(candidates.Count >= K, $"participation of {p.EmployeeId} narrows to {candidates.Count} responses");
                Assert.Contains(candidates, c => truth[c] == p.EmployeeId); // the batch is the true one: that is all it tells
            }
            Assert.Equal(2, responses.Select(r => r.Xmin).Distinct().Count());
        }
    }
}
