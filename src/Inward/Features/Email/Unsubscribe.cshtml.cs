using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Email;

/// <summary>
/// /email/unsubscribe?token=...: the link in every digest. GET only asks (mail scanners follow links); POST turns the
/// digest off. The signed token is the authority, so the POST needs no sign-in and no antiforgery token: that is what
/// lets mail clients unsubscribe in one click (RFC 8058: POST "List-Unsubscribe=One-Click" to the same URL).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, EmailPreferences preferences) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public bool Valid { get; private set; }
    public bool Done { get; private set; }

    public void OnGet()
    {
        Valid = tokens.Read(Token) is not null;
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (tokens.Read(Token) is not { } employeeId || !await preferences.SetAsync(employeeId, DigestFrequency.Off))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Valid = true;
        Done = true;
        return Page();
    }
}
