using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class PartnerModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public NamedForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Users { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var p = await db.PartnerOrganisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (p is null)
        {
            return NotFound();
        }
        await LoadAsync(id, p.Name);
        Input = new NamedForm { Name = p.Name, Description = p.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var p = await db.PartnerOrganisations.SingleOrDefaultAsync(x => x.Id == id);
        if (p is null)
        {
            return NotFound();
        }
        await LoadAsync(id, p.Name);
        foreach (var (field, message, args) in await Input.ValidateAsync(PartnerNames.TakenIn(db, id), PartnerNames.Duplicate))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            p.Name = Input.Name!.Trim();
            p.Description = OrganisationForms.Clean(Input.Description);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { id, done = "saved" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T[PartnerNames.Duplicate]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var p = await db.PartnerOrganisations.SingleOrDefaultAsync(x => x.Id == id);
        if (p is null)
        {
            return NotFound();
        }
        await LoadAsync(id, p.Name);
        Input = new NamedForm { Name = p.Name, Description = p.Description };
        if (Users > 0)
        {
            ModelState.AddModelError("", T["This partner organisation still has {0} user accounts. Remove them before deleting it.", Users]);
            return Page();
        }
        db.PartnerOrganisations.Remove(p);
        if (await OrganisationForms.TrySaveAsync(db))
        {
            return Redirect("/organisation/partners?done=deleted");
        }
        ModelState.AddModelError("", T["This partner organisation is still in use and cannot be deleted."]);
        return Page();
    }

    private async Task LoadAsync(int id, string name)
    {
        Id = id;
        Name = name;
        Users = await db.Users.CountAsync(u => u.PartnerOrganisationId == id);
    }
}
