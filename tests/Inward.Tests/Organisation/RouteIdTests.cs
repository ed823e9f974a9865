using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Organisation;

public sealed class RouteIdTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_posted_id_field_cannot_redirect_an_edit_to_another_object_than_the_url_names(DatabaseProvider provider)
    {
        var app = await App(provider);
        int target, other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            var a = db.Locations.Add(new Location { Name = Unique("Target ") }).Entity;
            var b = db.Locations.Add(new Location { Name = Unique("Other ") }).Entity;
            await db.SaveChangesAsync();
            (target, other) = (a.Id, b.Id);
        }
        var hr = await app.SignedInAsync("hr@demo.example");
        var renamed = Unique("Renamed ");

        var response = await InwardApp.PostFormAsync(hr, $"/organisation/locations/{target}", new()
        {
            ["id"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = renamed,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        var locations = await check.ServiceProvider.GetRequiredService<InwardDbContext>().Locations.AsNoTracking()
            .Where(l => l.Id == target || l.Id == other).ToDictionaryAsync(l => l.Id, l => l.Name);
        Assert.Equal(renamed, locations[target]);
        Assert.StartsWith("Other ", locations[other], StringComparison.Ordinal);
    }
}
