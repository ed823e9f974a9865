using System.ComponentModel.DataAnnotations;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Account;

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Repeat the new password.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [Display(Name = "Repeat the new password")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>
/// A page opened from an e-mailed link (invitation or password reset) where the user chooses a password.
/// A link that is malformed, expired, already used or for a deactivated account shows an error, never a 500.
/// </summary>
[AllowAnonymous]
public abstract class PasswordLinkPage(UserManager<InwardUser> users, PasswordLinks links, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();
    public bool LinkInvalid { get; private set; }
    public InwardUser? Account { get; private set; }

    /// <summary>The audit event of a successful change.</summary>
    protected abstract string AuditAction { get; }

    /// <summary>Where to go once the password is set.</summary>
    protected abstract Task<IActionResult> CompletedAsync(InwardUser user);

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await links.ValidUserAsync(UserId, Token);
        return Account is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = await links.ValidUserAsync(UserId, Token);
        if (Account is null)
        {
            return Invalid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(Account, PasswordLinks.DecodeToken(Token)!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
            return Page();
        }
        // Whoever can read the mailbox may choose the password: the e-mail is proven, and an old lockout ends.
        Account.EmailConfirmed = true;
        await users.UpdateAsync(Account);
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await audit.RecordAsync(AuditAction, nameof(InwardUser), Account.Id, null, Account.Id, Account.Email);
        return await CompletedAsync(Account);
    }

    private PageResult Invalid()
    {
        LinkInvalid = true;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
