using Inward.Platform.Identity;

namespace Inward.Features.Admin;

/// <summary>Which access roles an account may hold, and the lock-out guards of the users page. Pure, unit-tested.</summary>
public static class AccountRules
{
    /// <summary>Partner accounts hold only Partner; staff accounts (linked to an employee or to nothing) only internal roles.</summary>
    public static IReadOnlyList<string> AssignableRoles(bool isPartnerAccount) => isPartnerAccount ? [Roles.Partner] : Roles.Internal;

    /// <summary>English messages (localisation keys with arguments) for what is wrong with the requested change.</summary>
    public static IReadOnlyList<(string Message, object[] Arguments)> Check(bool isSelf, bool isPartnerAccount,
        IReadOnlyCollection<string> currentRoles, IReadOnlyCollection<string> requestedRoles, bool requestedActive)
    {
        var problems = new List<(string, object[])>();
        var assignable = AssignableRoles(isPartnerAccount);
        foreach (var role in requestedRoles.Where(r => !assignable.Contains(r, StringComparer.Ordinal)))
        {
            problems.Add(isPartnerAccount
                ? ("A partner account can only have the Partner role, not {0}.", [role])
                : ("A staff account cannot have the role {0}.", [role]));
        }
        if (isSelf && currentRoles.Contains(Roles.Admin, StringComparer.Ordinal) && !requestedRoles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            problems.Add(("You cannot remove your own Admin role; another administrator can.", []));
        }
        if (isSelf && !requestedActive)
        {
            problems.Add(("You cannot deactivate your own account; another administrator can.", []));
        }
        return problems;
    }
}
