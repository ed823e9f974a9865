using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class JobRoleModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public JobRoleForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var r = await db.JobRoles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (r is null)
        {
            return NotFound();
        }
        Name = r.Name;
        Input = new JobRoleForm { Name = r.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var r = await db.JobRoles.SingleOrDefaultAsync(x => x.Id == id);
        if (r is null)
        {
            return NotFound();
        }
        Name = r.Name;
        foreach (var (field, message, args) in await Input.ValidateAsync(db, id))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            r.Name = Input.Name!.Trim();
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { id, done = "saved" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T["A job role with this name already exists."]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var r = await db.JobRoles.SingleOrDefaultAsync(x => x.Id == id);
        if (r is null)
        {
            return NotFound();
        }
        Name = r.Name;
        Input = new JobRoleForm { Name = r.Name };
        var people = await db.Employees.CountAsync(e => e.JobRoleId == id);
        if (people > 0)
        {
            ModelState.AddModelError("", T["{0} people have this job role (active or not). Give them another role before deleting it.", people]);
            return Page();
        }
        db.JobRoles.Remove(r);
        if (await OrganisationForms.TrySaveAsync(db))
        {
            return Redirect("/organisation/job-roles?done=deleted");
        }
        ModelState.AddModelError("", T["This job role is still in use and cannot be deleted."]);
        return Page();
    }
}
