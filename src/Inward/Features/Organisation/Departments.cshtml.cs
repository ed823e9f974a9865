using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public sealed class DepartmentForm
{
    public string? Name { get; set; }
    public int? ParentId { get; set; }
    public string? Description { get; set; }
}

/// <summary>Checks a department form against the names and the tree in the database.</summary>
public sealed class DepartmentRules(InwardDbContext db)
{
    public async Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(DepartmentForm form, int? id)
    {
        var errors = new List<(string, string, object[])>();
        if (OrganisationForms.NameProblem(form.Name) is { } nameProblem)
        {
            errors.Add((nameof(form.Name), nameProblem.Message, nameProblem.Arguments));
        }
        else
        {
            var key = OrganisationForms.Key(form.Name);
#pragma warning disable CA1304, CA1311, CA1862
            if (await db.Departments.AnyAsync(d => d.Name.ToUpper() == key && d.Id != id))
#pragma warning restore CA1304, CA1311, CA1862
            {
                errors.Add((nameof(form.Name), "A department with this name already exists.", []));
            }
        }
        if (OrganisationForms.TextProblem(form.Description, OrganisationForms.MaxDescription) is { } descriptionProblem)
        {
            errors.Add((nameof(form.Description), descriptionProblem.Message, descriptionProblem.Arguments));
        }
        if (form.ParentId is { } parentId)
        {
            var parents = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToDictionaryAsync(d => d.Id, d => d.ParentId);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add((nameof(form.ParentId), "Choose a parent department from the list.", []));
            }
            else if (id is { } self && Hierarchy.WouldCreateCycle(self, parentId, d => parents.GetValueOrDefault(d)))
            {
                errors.Add((nameof(form.ParentId), "A department cannot be moved under itself or one of its own sub-departments.", []));
            }
        }
        return errors;
    }
}

[RequireCapability(Capability.ManagePeople)]
public sealed class DepartmentsModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Row(int Id, string Name, string? Parent, int People, int Children);

    [BindProperty] public DepartmentForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Parents { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (field, message, args) in await new DepartmentRules(db).ValidateAsync(Input, null))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            db.Departments.Add(new Department { Name = Input.Name!.Trim(), ParentId = Input.ParentId, Description = OrganisationForms.Clean(Input.Description) });
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { done = "created" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T["A department with this name already exists."]);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var people = await db.Employees.Where(e => e.DepartmentId != null).GroupBy(e => e.DepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.ParentId, Parent = d.Parent!.Name }).ToListAsync();
        Rows = all.Select(d => new Row(d.Id, d.Name, d.Parent, people.GetValueOrDefault(d.Id), all.Count(c => c.ParentId == d.Id))).ToList();
        Parents = await OrganisationForms.DepartmentOptionsAsync(db);
    }
}
