using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class IndexModel(InwardDbContext db) : PageModel
{
    public int Departments { get; private set; }
    public int Locations { get; private set; }
    public int JobRoles { get; private set; }
    public int Groups { get; private set; }
    public int Partners { get; private set; }

    public async Task OnGetAsync()
    {
        Departments = await db.Departments.CountAsync();
        Locations = await db.Locations.CountAsync();
        JobRoles = await db.JobRoles.CountAsync();
        Groups = await db.Groups.CountAsync();
        Partners = await db.PartnerOrganisations.CountAsync();
    }
}
