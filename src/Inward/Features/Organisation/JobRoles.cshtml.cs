using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public sealed class JobRoleForm
{
    public string? Name { get; set; }

    public async Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(InwardDbContext db, int? id)
    {
        if (OrganisationForms.NameProblem(Name) is { } nameProblem)
        {
            return [(nameof(Name), nameProblem.Message, nameProblem.Arguments)];
        }
        var key = OrganisationForms.Key(Name);
#pragma warning disable CA1304, CA1311, CA1862
        return await db.JobRoles.AnyAsync(r => r.Name.ToUpper() == key && r.Id != id)
#pragma warning restore CA1304, CA1311, CA1862
            ? [(nameof(Name), "A job role with this name already exists.", [])]
            : [];
    }
}

[RequireCapability(Capability.ManagePeople)]
public sealed class JobRolesModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Row(int Id, string Name, int People);

    [BindProperty] public JobRoleForm Input { get; set; } = new();
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
            db.JobRoles.Add(new JobRole { Name = Input.Name!.Trim() });
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { done = "created" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T["A job role with this name already exists."]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Rows = await db.JobRoles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Row(r.Id, r.Name, db.Employees.Count(e => e.JobRoleId == r.Id))).ToListAsync();
}
