using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Home;

/// <summary>The start page: staff see their intranet home, partners are sent to their area.</summary>
[Authorize]
public sealed class IndexModel(PeopleQueries people) : PageModel
{
    public PersonCard? Me { get; private set; }
    public int Headcount { get; private set; }
    public int Departments { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.Has(Capability.UseIntranet))
        {
            return User.Has(Capability.UseExtranet) ? Redirect("/partner") : Forbid();
        }
        Me = await people.CardOfUserAsync(User);
        (Headcount, Departments) = await people.CountsAsync();
        return Page();
    }
}
