using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Inward.Features.Account;

/// <summary>The password-reset link: a new password, then the ordinary sign-in.</summary>
[EnableRateLimiting(Platform.Web.WebSetup.SignInLimit)]
public sealed class ResetPasswordModel(UserManager<InwardUser> users, PasswordLinks links, AuditLog audit)
    : PasswordLinkPage(users, links, audit)
{
    protected override string AuditAction => "PasswordReset";

    protected override Task<IActionResult> CompletedAsync(InwardUser user) =>
        Task.FromResult<IActionResult>(LocalRedirect("/account/sign-in?reset=1"));
}
