using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public sealed class LocationForm
{
    public string? Name { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }

    public async Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(InwardDbContext db, int? id)
    {
        var errors = new List<(string, string, object[])>();
        if (OrganisationForms.NameProblem(Name) is { } nameProblem)
        {
            errors.Add((nameof(Name), nameProblem.Message, nameProblem.Arguments));
        }
        else
        {
            var key = OrganisationForms.Key(Name);
#pragma warning disable CA1304, CA1311, CA1862
            if (await db.Locations.AnyAsync(l => l.Name.ToUpper() == key && l.Id != id))
#pragma warning restore CA1304, CA1311, CA1862
            {
                errors.Add((nameof(Name), "A location with this name already exists.", []));
            }
        }
        if (OrganisationForms.TextProblem(City, OrganisationForms.MaxPlace) is { } cityProblem)
        {
            errors.Add((nameof(City), cityProblem.Message, cityProblem.Arguments));
        }
        if (OrganisationForms.TextProblem(Country, OrganisationForms.MaxCountry) is { } countryProblem)
        {
            errors.Add((nameof(Country), countryProblem.Message, countryProblem.Arguments));
        }
        return errors;
    }

    public void ApplyTo(Location l)
    {
        l.Name = Name!.Trim();
        l.City = OrganisationForms.Clean(City);
        l.Country = OrganisationForms.Clean(Country);
    }
}

[RequireCapability(Capability.ManagePeople)]
public sealed class LocationsModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedListPage<Location, LocationForm, LocationsModel.Row>(db, t)
{
    public sealed record Row(int Id, string Name, string? City, string? Country, int People);

    protected override DbSet<Location> Items => Db.Locations;
    protected override Location Create() => new() { Name = "" };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) => Input.ValidateAsync(Db, id);
    protected override void Apply(Location l) => Input.ApplyTo(l);
    protected override LocalizedString Duplicate => T["A location with this name already exists."];

    protected override Task<List<Row>> LoadRowsAsync() =>
        Db.Locations.AsNoTracking().OrderBy(l => l.Name)
            .Select(l => new Row(l.Id, l.Name, l.City, l.Country, Db.Employees.Count(e => e.LocationId == l.Id))).ToListAsync();
}
