using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.People;

/// <summary>People managers edit a roster entry. Nobody edits their own department or role here without ManagePeople.</summary>
[RequireCapability(Capability.ManagePeople)]
public sealed class EditModel(InwardDbContext db, EmployeeEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public EmployeeForm Input { get; set; } = new();
    public EmployeeChoices Choices { get; private set; } = new([], [], []);
    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var e = await db.Employees.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (e is null)
        {
            return NotFound();
        }
        (Id, Name) = (e.Id, e.Name);
        Input = EmployeeForm.From(e, await editor.ManagerEmailOfAsync(e.ManagerId));
        Choices = await editor.ChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var e = await db.Employees.SingleOrDefaultAsync(x => x.Id == id);
        if (e is null)
        {
            return NotFound();
        }
        (Id, Name) = (e.Id, e.Name);
        var (errors, managerId) = await editor.ValidateAsync(Input, id, PeopleQueries.EmployeeIdOf(User), User.Has(Capability.ManageRoles));
        foreach (var (field, message, args) in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (!ModelState.IsValid)
        {
            Choices = await editor.ChoicesAsync();
            return Page();
        }
        await editor.SaveAsync(e, Input, managerId);
        return Redirect($"/people/{id}");
    }
}
