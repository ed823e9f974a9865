using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.InternalCustomers;
using Inward.Features.Listening;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Listening;

/// <summary>The matrix and its chains stand on the internal-customer map as it was at launch, not as it is today.</summary>
public sealed class ServiceQualitySnapshotTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_the_map_after_launch_leaves_the_matrix_and_its_chains_as_they_were(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        var snapshot = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyServiceLink>().Where(l => l.SurveyId == world.Survey)
            .Select(l => new ValueTuple<int, int>(l.FromDepartmentId, l.ToDepartmentId)).ToListAsync());
        Assert.Equal(new[] { (world.A, world.B), (world.A, world.C), (world.C, world.B), (world.D, world.B) }.Order(),
            snapshot.Where(l => l.Item1 == world.A || l.Item1 == world.C || l.Item1 == world.D).Order());
        await world.AnswerAndCloseAsync(app);
        var hr = await app.ApiClientAsync(ServiceQualityWorld.Hr);
        var before = (await hr.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality")).GetRawText();
        Assert.Contains($"\"weakestFrom\":{world.C}", before, StringComparison.Ordinal);

        // The chain's middle link goes, D starts serving C and A no longer serves B: on today's map A → C → B is no chain.
        await TestAccounts.WithDbAsync(app, async db =>
        {
            db.RemoveRange(await db.Set<ServiceEdge>().Where(e => (e.FromDepartmentId == world.C && e.ToDepartmentId == world.B)
                || (e.FromDepartmentId == world.A && e.ToDepartmentId == world.B)).ToListAsync());
            var now = DateTime.UtcNow;
            db.Add(new ServiceEdge { FromDepartmentId = world.D, ToDepartmentId = world.C, Delivers = "New help", CreatedUtc = now, UpdatedUtc = now });
            return await db.SaveChangesAsync();
        });

        var after = (await hr.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality")).GetRawText();
        Assert.Equal(before, after);
        // The survey's map is still the launch snapshot.
        var links = await TestAccounts.WithDbAsync(app, db => ServiceMapSnapshot.LinksAsync(db, world.Survey, default));
        Assert.Contains(new ServiceLink(world.C, world.B), links);
        Assert.DoesNotContain(new ServiceLink(world.D, world.C), links);
    }
}
