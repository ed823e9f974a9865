using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Touchpoints;

/// <summary>Plan editors change or delete a touchpoint. Unknown ids are 404.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class EditTouchpointModel(TouchpointEditor editor, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public TouchpointForm Input { get; set; } = new();
    public TouchpointChoices Choices { get; private set; } = new([], []);
    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await editor.FindTrackedAsync(id) is not { } touchpoint)
        {
            return NotFound();
        }
        (Id, Name) = (touchpoint.Id, touchpoint.Name);
        Input = TouchpointForm.From(touchpoint);
        Choices = await editor.ChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await editor.FindTrackedAsync(id) is not { } touchpoint)
        {
            return NotFound();
        }
        (Id, Name) = (touchpoint.Id, touchpoint.Name);
        var problems = await editor.ValidateAsync(Input);
        foreach (var p in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{p.Field}", t[p.Message, p.Arguments]);
        }
        if (!ModelState.IsValid)
        {
            Choices = await editor.ChoicesAsync();
            return Page();
        }
        await editor.SaveAsync(touchpoint, Input);
        return Redirect($"/touchpoints/{id}?done=saved");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await editor.FindTrackedAsync(id) is not { } touchpoint)
        {
            return NotFound();
        }
        await editor.DeleteAsync(touchpoint);
        return Redirect("/touchpoints?done=deleted");
    }
}
