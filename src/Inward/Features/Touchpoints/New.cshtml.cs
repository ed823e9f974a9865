using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Touchpoints;

/// <summary>Plan editors add a touchpoint.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class NewTouchpointModel(TouchpointEditor editor, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public TouchpointForm Input { get; set; } = new();
    public TouchpointChoices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync() => Choices = await editor.ChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
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
        var touchpoint = new Touchpoint { Name = "" };
        await editor.SaveAsync(touchpoint, Input);
        return Redirect($"/touchpoints/{touchpoint.Id}?done=created");
    }
}
