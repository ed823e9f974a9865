using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public static class PartnerNames
{
    public const string Duplicate = "A partner organisation with this name already exists.";

#pragma warning disable CA1304, CA1311, CA1862
    public static Func<string, Task<bool>> TakenIn(InwardDbContext db, int? id) =>
        key => db.PartnerOrganisations.AnyAsync(p => p.Name.ToUpper() == key && p.Id != id);
#pragma warning restore CA1304, CA1311, CA1862
}

[RequireCapability(Capability.ManagePeople)]
public sealed class PartnersModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Row(int Id, string Name, string? Description, int Users);

    [BindProperty] public NamedForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (field, message, args) in await Input.ValidateAsync(PartnerNames.TakenIn(db, null), PartnerNames.Duplicate))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            db.PartnerOrganisations.Add(new PartnerOrganisation { Name = Input.Name!.Trim(), Description = OrganisationForms.Clean(Input.Description) });
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { done = "created" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T[PartnerNames.Duplicate]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Rows = await db.PartnerOrganisations.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Description, db.Users.Count(u => u.PartnerOrganisationId == p.Id))).ToListAsync();
}
