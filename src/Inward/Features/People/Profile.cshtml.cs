using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.People;

[RequireCapability(Capability.UseIntranet)]
public sealed class ProfileModel(PeopleQueries people) : PageModel
{
    public PersonProfile Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var person = await people.ProfileAsync(id);
        // Deactivated people are kept for history but only people managers can open them.
        if (person is null || (!person.IsActive && !User.Has(Capability.ManagePeople)))
        {
            return NotFound();
        }
        Person = person;
        return Page();
    }
}
