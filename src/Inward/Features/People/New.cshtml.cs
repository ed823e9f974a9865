using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.People;

[RequireCapability(Capability.ManagePeople)]
public sealed class NewModel(EmployeeEditor editor, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public EmployeeForm Input { get; set; } = new();
    public EmployeeChoices Choices { get; private set; } = new([], [], []);

    public async Task OnGetAsync() => Choices = await editor.ChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (errors, managerId) = await editor.ValidateAsync(Input, null, PeopleQueries.EmployeeIdOf(User), User.Has(Capability.ManageRoles));
        foreach (var (field, message, args) in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (!ModelState.IsValid)
        {
            Choices = await editor.ChoicesAsync();
            return Page();
        }
        var employee = new Employee { Name = "", Email = "" };
        await editor.SaveAsync(employee, Input, managerId);
        return Redirect($"/people/{employee.Id}");
    }
}
