using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class LocationModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedItemPage<Location, LocationForm>(db, t)
{
    protected override DbSet<Location> Items => Db.Locations;
    protected override string NameOf(Location l) => l.Name;
    protected override LocationForm ToForm(Location l) => new() { Name = l.Name, City = l.City, Country = l.Country };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) => Input.ValidateAsync(Db, id);
    protected override void Apply(Location l) => Input.ApplyTo(l);
    protected override LocalizedString Duplicate => T["A location with this name already exists."];
    protected override Task<int> CountUsesAsync(int id) => Db.Employees.CountAsync(e => e.LocationId == id);
    protected override LocalizedString InUse(int uses) =>
        T["{0} people work at this location (active or not). Move them elsewhere before deleting it.", uses];
    protected override LocalizedString StillInUse => T["This location is still in use and cannot be deleted."];
    protected override string ListUrl => "/organisation/locations";
}
