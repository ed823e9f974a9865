using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Account;

/// <summary>Partner organisations with their number of users; each links to its users and invitations.</summary>
[RequireCapability(Capability.ManagePeople)]
public sealed class PartnersModel(InwardDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, int Users);

    public List<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync() =>
        Organisations = await db.PartnerOrganisations.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, db.Users.Count(u => u.PartnerOrganisationId == p.Id)))
            .ToListAsync();
}
