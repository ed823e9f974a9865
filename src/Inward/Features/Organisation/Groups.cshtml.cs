using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public static class GroupNames
{
    public const string Duplicate = "A group with this name already exists.";

#pragma warning disable CA1304, CA1311, CA1862
    public static Func<string, Task<bool>> TakenIn(InwardDbContext db, int? id) =>
        key => db.Groups.AnyAsync(g => g.Name.ToUpper() == key && g.Id != id);
#pragma warning restore CA1304, CA1311, CA1862
}

[RequireCapability(Capability.ManagePeople)]
public sealed class GroupsModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Row(int Id, string Name, string? Description, int Members);

    [BindProperty] public NamedForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (field, message, args) in await Input.ValidateAsync(GroupNames.TakenIn(db, null), GroupNames.Duplicate))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            var group = new Group { Name = Input.Name!.Trim(), Description = OrganisationForms.Clean(Input.Description) };
            db.Groups.Add(group);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return Redirect($"/organisation/groups/{group.Id}?done=created");
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T[GroupNames.Duplicate]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Rows = await db.Groups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, g.Description, db.GroupMembers.Count(m => m.GroupId == g.Id))).ToListAsync();
}
