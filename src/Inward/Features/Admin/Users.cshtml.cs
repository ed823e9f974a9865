using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Admin;

[RequireCapability(Capability.ManageRoles)]
public sealed class UsersModel(InwardDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Id, string Name, string Email, IReadOnlyList<string> Roles, bool IsActive,
        int? EmployeeId, int? PartnerId, string? Partner);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(u => u.DisplayName.ToUpper().Contains(term) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsActive, u.EmployeeId, u.PartnerOrganisationId,
                Partner = db.PartnerOrganisations.Where(p => p.Id == u.PartnerOrganisationId).Select(p => p.Name).FirstOrDefault(),
            }).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        Rows = users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
            u.IsActive, u.EmployeeId, u.PartnerOrganisationId, u.Partner)).ToList();
    }

    public string PageLink(int page) => Url.Page("Users", new { q = Search, p = page }) ?? "/admin/users";
}
