using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Panel;

/// <summary>/panel/topics/{id}: one discussion thread, for panel members and HR (others 403; unknown threads 404).</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class PanelTopicModel(PanelDesk panel, IStringLocalizer<Strings> t) : PageModel
{
    public PanelThread Thread { get; private set; } = null!;
    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!(await panel.ViewerAsync(User, ct)).CanRead)
        {
            return Forbid();
        }
        if (await panel.ThreadAsync(id, ct) is not { } thread)
        {
            return NotFound();
        }
        Thread = thread;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var viewer = await panel.ViewerAsync(User, ct);
        if (!viewer.CanRead)
        {
            return Forbid();
        }
        var (found, error) = await panel.PostAsync(viewer, id, Text, ct);
        if (!found)
        {
            return NotFound();
        }
        if (error is null)
        {
            return Redirect($"/panel/topics/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        ModelState.Clear();
        ModelState.AddModelError(error.Field, t[error.Message, error.Arguments]);
        Thread = (await panel.ThreadAsync(id, ct))!;
        return Page();
    }
}
