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
public sealed class LocationsModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Row(int Id, string Name, string? City, string? Country, int People);

    [BindProperty] public LocationForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (field, message, args) in await Input.ValidateAsync(db, null))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            var location = new Location { Name = "" };
            Input.ApplyTo(location);
            db.Locations.Add(location);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { done = "created" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T["A location with this name already exists."]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Rows = await db.Locations.AsNoTracking().OrderBy(l => l.Name)
            .Select(l => new Row(l.Id, l.Name, l.City, l.Country, db.Employees.Count(e => e.LocationId == l.Id))).ToListAsync();
}
