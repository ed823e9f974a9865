using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inward.Platform.Identity;

/// <summary>
/// Identity's sign-in rules plus one of ours: a deactivated account cannot sign in by any means (password,
/// passkey), and its existing cookies stop working at the next security-stamp validation.
/// </summary>
public sealed class InwardSignInManager(
    UserManager<InwardUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<InwardUser> principals,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<InwardUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<InwardUser> confirmation)
    : SignInManager<InwardUser>(users, http, principals, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(InwardUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<InwardUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }
}
