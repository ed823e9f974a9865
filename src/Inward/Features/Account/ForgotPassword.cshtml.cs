using System.ComponentModel.DataAnnotations;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Inward.Features.Account;

/// <summary>
/// Mails a password-reset link. The answer is the same whether or not the address has an account, and the mail
/// is sent after the response so that the time taken does not tell either (no enumeration).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.SignInLimit)]
public sealed class ForgotPasswordModel(
    UserManager<InwardUser> users,
    PasswordLinks links,
    AuditLog audit,
    IServiceScopeFactory scopes,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public bool Requested { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email);
        if (user is { IsActive: true, Email: not null })
        {
            var link = await links.CreateAsync(user, PasswordLinks.ResetPasswordPath, Request);
            await audit.RecordAsync("PasswordResetRequested", nameof(InwardUser), user.Id, null, null, user.Email);
            SendLater(user.Id, link);
        }
        Requested = true;
        return Page();
    }

    /// <summary>The SMTP round trip happens off the request, in its own scope.</summary>
    private void SendLater(string userId, string link) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>().FindByIdAsync(userId);
            if (account is not null)
            {
                await scope.ServiceProvider.GetRequiredService<AccountMail>().SendPasswordResetAsync(account, link);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
            or MailKit.CommandException or System.Security.Authentication.AuthenticationException or InvalidOperationException)
        {
            logger.LogError(e, "The password-reset mail for user {UserId} could not be sent", userId);
        }
    });
}
