using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Inward.Features.Account;

/// <summary>The invitation link: the invitee chooses a first password and is signed in.</summary>
[EnableRateLimiting(Platform.Web.WebSetup.SignInLimit)]
public sealed class SetPasswordModel(UserManager<InwardUser> users, SignInManager<InwardUser> signIn, PasswordLinks links, AuditLog audit)
    : PasswordLinkPage(users, links, audit)
{
    protected override string AuditAction => "PasswordSet";

    protected override async Task<IActionResult> CompletedAsync(InwardUser user)
    {
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }
}
