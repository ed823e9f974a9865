using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Email;

/// <summary>/account/email: how often the signed-in employee gets the digest (daily, weekly or never).</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class PreferencesModel(EmailPreferences preferences, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public string? Digest { get; set; }

    public DigestFrequency Current { get; private set; }
    public bool HasEmployee { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        if (PeopleQueries.EmployeeIdOf(User) is { } id)
        {
            HasEmployee = true;
            Current = await preferences.GetAsync(id);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PeopleQueries.EmployeeIdOf(User) is not { } id)
        {
            return NotFound();
        }
        HasEmployee = true;
        if (!EmailPreferences.ParseDigest(Digest, out var digest))
        {
            ModelState.AddModelError("", t["Choose daily, weekly or never."]);
            Current = await preferences.GetAsync(id);
            return Page();
        }
        await preferences.SetAsync(id, digest);
        return RedirectToPage(new { saved = true });
    }
}
