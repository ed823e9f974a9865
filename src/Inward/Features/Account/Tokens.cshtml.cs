using System.ComponentModel.DataAnnotations;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Account;

/// <summary>The user's own API tokens: create (the secret is shown once), list, revoke.</summary>
[RequireCapability(Capability.UseApi)]
public sealed class TokensModel(ApiTokens tokens, UserManager<InwardUser> users) : PageModel
{
    public List<TokenRow> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public string? NewName { get; private set; }
    public bool Revoked { get; private set; }
    public DateTime Now { get; } = DateTime.UtcNow;

    [BindProperty] public NewTokenInput Input { get; set; } = new();

    public sealed class NewTokenInput
    {
        [Required(ErrorMessage = "Give the token a name.")]
        [StringLength(100, ErrorMessage = "The name is at most 100 characters long.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Range(1, ApiTokens.MaxDays, ErrorMessage = "A token lasts 1 to 365 days.")]
        [Display(Name = "Expires after (days)")]
        public int? Days { get; set; } = 90;
    }

    private string UserId => users.GetUserId(User)!;

    public async Task OnGetAsync(bool revoked = false)
    {
        Revoked = revoked;
        Tokens = await tokens.ListAsync(UserId);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var (token, secret) = await tokens.CreateAsync(UserId, Input.Name, Input.Days);
            NewSecret = secret;
            NewName = token.Name;
            ModelState.Clear();
            Input = new NewTokenInput();
            // No caching of the one page that shows the secret.
            Response.Headers.CacheControl = "no-store";
        }
        Tokens = await tokens.ListAsync(UserId);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id) =>
        await tokens.RevokeAsync(UserId, id) ? RedirectToPage(new { revoked = true }) : NotFound();
}
