using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Inward.Features.Account;

/// <summary>
/// Deactivates or reactivates an account. Deactivation changes the security stamp, so every cookie of the user
/// fails its next stamp validation (at most Identity:SecurityStampValidationSeconds later, default 60) — and
/// InwardSignInManager rejects inactive users there and at sign-in. Tokens check IsActive when their principal is
/// built, which is cached for at most Identity:TokenCacheSeconds (default 30).
/// </summary>
public sealed class AccountDeactivation(UserManager<InwardUser> users, AuditLog audit)
{
    public async Task<IdentityResult> DeactivateAsync(InwardUser user)
    {
        if (!user.IsActive)
        {
            return IdentityResult.Success;
        }
        user.IsActive = false;
        // UpdateSecurityStampAsync saves the user, IsActive included, in one update.
        var result = await users.UpdateSecurityStampAsync(user);
        if (result.Succeeded)
        {
            await audit.RecordAsync("AccountDeactivated", nameof(InwardUser), user.Id);
        }
        return result;
    }

    /// <summary>Sets the account active or not; throws when Identity refuses (a bug, not bad input).</summary>
    public async Task SetActiveAsync(InwardUser user, bool active)
    {
        var result = active ? await ReactivateAsync(user) : await DeactivateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Updating account {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    public async Task<IdentityResult> ReactivateAsync(InwardUser user)
    {
        if (user.IsActive)
        {
            return IdentityResult.Success;
        }
        user.IsActive = true;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await audit.RecordAsync("AccountReactivated", nameof(InwardUser), user.Id);
        }
        return result;
    }
}
