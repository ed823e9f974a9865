using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class GroupModel(InwardDbContext db, PeopleQueries people, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Member(int Id, string Name, string Email, string? Department, bool IsActive);

    [BindProperty] public NamedForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<PersonCard> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var g = await db.Groups.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (g is null)
        {
            return NotFound();
        }
        Input = new NamedForm { Name = g.Name, Description = g.Description };
        await LoadAsync(g);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var g = await db.Groups.SingleOrDefaultAsync(x => x.Id == id);
        if (g is null)
        {
            return NotFound();
        }
        foreach (var (field, message, args) in await Input.ValidateAsync(GroupNames.TakenIn(db, id), GroupNames.Duplicate))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            g.Name = Input.Name!.Trim();
            g.Description = OrganisationForms.Clean(Input.Description);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { id, done = "saved" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T[GroupNames.Duplicate]);
        }
        await LoadAsync(g);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int employeeId)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id) || !await db.Employees.AnyAsync(e => e.Id == employeeId))
        {
            return NotFound();
        }
        if (!await db.GroupMembers.AnyAsync(m => m.GroupId == id && m.EmployeeId == employeeId))
        {
            db.GroupMembers.Add(new GroupMember { GroupId = id, EmployeeId = employeeId });
            // A double click may add the same member twice; the key refuses the second, which is what we want.
            await OrganisationForms.TrySaveAsync(db);
        }
        return RedirectToPage(new { id, q = Search, done = "added" });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int employeeId)
    {
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == id && m.EmployeeId == employeeId);
        if (member is null)
        {
            return NotFound();
        }
        db.GroupMembers.Remove(member);
        await db.SaveChangesAsync();
        return RedirectToPage(new { id, done = "removed" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var g = await db.Groups.SingleOrDefaultAsync(x => x.Id == id);
        if (g is null)
        {
            return NotFound();
        }
        // Memberships go with the group (cascade); each removal is audited on its own.
        db.GroupMembers.RemoveRange(await db.GroupMembers.Where(m => m.GroupId == id).ToListAsync());
        db.Groups.Remove(g);
        await db.SaveChangesAsync();
        return Redirect("/organisation/groups?done=deleted");
    }

    private async Task LoadAsync(Group g)
    {
        Id = g.Id;
        Name = await db.Groups.AsNoTracking().Where(x => x.Id == g.Id).Select(x => x.Name).SingleAsync();
        Members = await db.Employees.AsNoTracking().Where(e => db.GroupMembers.Any(m => m.GroupId == g.Id && m.EmployeeId == e.Id))
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new Member(e.Id, e.Name, e.Email, e.Department!.Name, e.IsActive)).ToListAsync();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var memberIds = Members.Select(m => m.Id).ToHashSet();
            Found = (await people.SearchAsync(new DirectoryFilter(Search, null, null, PageSize: 20))).Items.Where(p => !memberIds.Contains(p.Id)).ToList();
        }
    }
}
