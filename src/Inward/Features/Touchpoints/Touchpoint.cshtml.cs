using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Touchpoints;

/// <summary>One touchpoint: its promise, expected behaviours, owners and moment of truth.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class TouchpointModel(TouchpointQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public TouchpointDetails Touchpoint { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await queries.DetailsAsync(id) is not { } t)
        {
            return NotFound();
        }
        Touchpoint = t;
        return Page();
    }
}
