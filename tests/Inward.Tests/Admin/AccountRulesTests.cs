using Inward.Features.Admin;
using Inward.Platform.Identity;

namespace Inward.Tests.Admin;

public sealed class AccountRulesTests
{
    [Fact]
    public void Staff_accounts_get_every_role_but_partner_and_partner_accounts_only_partner()
    {
        Assert.Equal([Roles.Admin, Roles.HR, Roles.Communicator, Roles.Manager, Roles.Employee], AccountRules.AssignableRoles(false));
        Assert.Equal([Roles.Partner], AccountRules.AssignableRoles(true));
    }

    [Fact]
    public void Staff_account_cannot_be_made_a_partner_and_partner_account_cannot_become_staff()
    {
        Assert.Single(AccountRules.Check(false, false, [Roles.Employee], [Roles.Employee, Roles.Partner], true));
        Assert.Single(AccountRules.Check(false, true, [Roles.Partner], [Roles.Partner, Roles.Admin], true));
        Assert.Single(AccountRules.Check(false, false, [], ["Superuser"], true));
    }

    [Fact]
    public void An_admin_cannot_remove_their_own_admin_role_or_deactivate_themselves()
    {
        Assert.Single(AccountRules.Check(true, false, [Roles.Admin, Roles.Employee], [Roles.Employee], true));
        Assert.Single(AccountRules.Check(true, false, [Roles.Admin], [Roles.Admin], false));
        Assert.Empty(AccountRules.Check(true, false, [Roles.Admin], [Roles.Admin, Roles.HR], true));
    }

    [Fact]
    public void An_admin_may_remove_admin_from_and_deactivate_someone_else() =>
        Assert.Empty(AccountRules.Check(false, false, [Roles.Admin, Roles.Employee], [Roles.Employee], false));
}
