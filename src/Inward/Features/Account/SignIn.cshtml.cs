using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(WebSetup.SignInLimit)]
public sealed class SignInModel(
    SignInManager<InwardUser> signIn,
    UserManager<InwardUser> users,
    AuditLog audit,
    IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    public string? ReturnUrl { get; set; }
    public bool PasswordWasReset { get; private set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl, bool reset = false)
    {
        ReturnUrl = returnUrl;
        PasswordWasReset = reset;
    }

    /// <summary>Signs in with a passkey: wwwroot/js/passkeys.js posts the browser's assertion as JSON.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        ModelState.Clear();
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (!string.IsNullOrWhiteSpace(credential))
        {
            try
            {
                result = await signIn.PasskeySignInAsync(credential);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
            }
        }
        if (result.Succeeded)
        {
            // SignInManager puts the new principal on HttpContext.User.
            var id = users.GetUserId(HttpContext.User);
            await audit.RecordAsync("SignIn", "User", id, new { method = "passkey" }, id, HttpContext.User.FindFirstValue(ClaimTypes.Email));
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        await audit.RecordAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", "User", null, new { method = "passkey" });
        ModelState.AddModelError("", result.IsLockedOut
            ? t["Too many failed attempts. The account is locked for 15 minutes; you can reset your password meanwhile."]
            : t["Signing in with the passkey did not work. Try again or use your password."]);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || !user.IsActive)
        {
            // Same answer as a wrong password, and a password check anyway, so unknown e-mails cannot be told apart by timing.
            users.PasswordHasher.VerifyHashedPassword(new InwardUser(), DummyHash, Input.Password);
            await audit.RecordAsync("SignInFailed", "User", null, new { reason = user is null ? "unknown" : "inactive" }, null, Input.Email);
            ModelState.AddModelError("", t["The e-mail or password is not right."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync("SignIn", "User", user.Id, null, user.Id, user.Email);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        await audit.RecordAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", "User", user.Id, null, user.Id, user.Email);
        ModelState.AddModelError("", result.IsLockedOut
            ? t["Too many failed attempts. The account is locked for 15 minutes; you can reset your password meanwhile."]
            : t["The e-mail or password is not right."]);
        return Page();
    }

    private static readonly string DummyHash = new PasswordHasher<InwardUser>().HashPassword(new InwardUser(), "not-a-real-password");
}
