using System.Globalization;
using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inward.Tests.Platform;

/// <summary>Pages in English show dates the British way (day first), as the rest of the English text is British.</summary>
public sealed class DateFormatTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_profile_in_English_shows_the_hire_date_day_first(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.SignedInAsync("hr@demo.example");
        // A day after the 12th, so that day-first and month-first cannot be mistaken for each other.
        var person = await OneAsync(app, e => e.HireDate != null && e.HireDate.Value.Day > 12);
        var hired = person.HireDate!.Value;

        var response = await client.GetAsync($"/people/{person.Id.ToString(CultureInfo.InvariantCulture)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(hired.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.DoesNotContain(hired.ToString("M/d/yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_supported_language_get_English_with_British_formats()
    {
        var app = await App(DatabaseProvider.Sqlite);

        var options = app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;

        Assert.Equal("en", options.DefaultRequestCulture.UICulture.Name);
        Assert.Equal("dd/MM/yyyy", options.DefaultRequestCulture.Culture.DateTimeFormat.ShortDatePattern);
        Assert.All(options.SupportedCultures!.Where(c => c.Name == "en"),
            c => Assert.Equal("dd/MM/yyyy", c.DateTimeFormat.ShortDatePattern));
    }

    private static async Task<Employee> OneAsync(InwardApp app, System.Linq.Expressions.Expression<Func<Employee, bool>> where)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        return await db.Set<Employee>().AsNoTracking().Where(e => e.IsActive).Where(where).OrderBy(e => e.Id).FirstAsync();
    }
}
