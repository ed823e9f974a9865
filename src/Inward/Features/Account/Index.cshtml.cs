using System.ComponentModel.DataAnnotations;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Account;

/// <summary>The signed-in user's own account: who they are, language, password, and links to tokens and passkeys.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class IndexModel(
    UserManager<InwardUser> users,
    SignInManager<InwardUser> signIn,
    AuditLog audit,
    IStringLocalizer<Strings> t) : PageModel
{
    public InwardUser Account { get; private set; } = null!;
    public bool PasswordChanged { get; private set; }

    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Repeat the new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(bool changed = false)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        PasswordChanged = changed;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(Account, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? t["The current password is not right."] : error.Description);
            }
            return Page();
        }
        // The security stamp changed: other sessions end at their next validation, this one is renewed.
        await signIn.RefreshSignInAsync(Account);
        await audit.RecordAsync("PasswordChanged", nameof(InwardUser), Account.Id);
        return RedirectToPage(new { changed = true });
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }
        Account = user;
        return true;
    }
}
