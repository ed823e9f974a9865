using Inward.Platform.Identity;

namespace Inward.Tests.Platform;

public sealed class RoleRulesTests
{
    [Theory]
    [InlineData(Roles.Employee, Capability.UseIntranet, true)]
    [InlineData(Roles.Employee, Capability.ManagePeople, false)]
    [InlineData(Roles.Employee, Capability.SeeTeam, false)]
    [InlineData(Roles.Manager, Capability.SeeTeam, true)]
    [InlineData(Roles.Manager, Capability.ManagePeople, false)]
    [InlineData(Roles.Communicator, Capability.Communicate, true)]
    [InlineData(Roles.Communicator, Capability.ManagePeople, false)]
    [InlineData(Roles.HR, Capability.ManagePeople, true)]
    [InlineData(Roles.HR, Capability.ManageSettings, false)]
    [InlineData(Roles.HR, Capability.ManagePlan, true)]
    [InlineData(Roles.Communicator, Capability.ManagePlan, true)]
    [InlineData(Roles.Manager, Capability.ManagePlan, false)]
    [InlineData(Roles.Employee, Capability.ManagePlan, false)]
    [InlineData(Roles.Partner, Capability.ManagePlan, false)]
    [InlineData(Roles.Admin, Capability.ManagePlan, true)]
    [InlineData(Roles.HR, Capability.ManageLearning, true)]
    [InlineData(Roles.Communicator, Capability.ManageLearning, true)]
    [InlineData(Roles.Manager, Capability.ManageLearning, false)]
    [InlineData(Roles.Employee, Capability.ManageLearning, false)]
    [InlineData(Roles.Partner, Capability.ManageLearning, false)]
    [InlineData(Roles.Admin, Capability.ManageLearning, true)]
    [InlineData(Roles.HR, Capability.ManageSurveys, true)]
    [InlineData(Roles.Admin, Capability.ManageSurveys, true)]
    [InlineData(Roles.Communicator, Capability.ManageSurveys, false)]
    [InlineData(Roles.Manager, Capability.ManageSurveys, false)]
    [InlineData(Roles.Employee, Capability.ManageSurveys, false)]
    [InlineData(Roles.Partner, Capability.ManageSurveys, false)]
    [InlineData(Roles.HR, Capability.AnswerHrFeedback, true)]
    [InlineData(Roles.Admin, Capability.AnswerHrFeedback, true)]
    [InlineData(Roles.Communicator, Capability.AnswerHrFeedback, false)]
    [InlineData(Roles.Manager, Capability.AnswerHrFeedback, false)]
    [InlineData(Roles.Employee, Capability.AnswerHrFeedback, false)]
    [InlineData(Roles.Partner, Capability.AnswerHrFeedback, false)]
    [InlineData(Roles.HR, Capability.ReadAuditLog, false)]
    [InlineData(Roles.Admin, Capability.ManageSettings, true)]
    [InlineData(Roles.Admin, Capability.ReadAuditLog, true)]
    [InlineData(Roles.Admin, Capability.UseExtranet, false)]
    [InlineData(Roles.Partner, Capability.UseExtranet, true)]
    [InlineData(Roles.Partner, Capability.UseIntranet, false)]
    [InlineData(Roles.Partner, Capability.UseApi, false)]
    public void A_single_role_grants_exactly_its_capabilities(string role, Capability capability, bool allowed) =>
        Assert.Equal(allowed, RoleRules.Allows([role], capability));

    [Fact]
    public void Several_roles_get_the_union_of_their_capabilities()
    {
        var caps = RoleRules.CapabilitiesOf([Roles.Communicator, Roles.Manager]);

        Assert.Contains(Capability.Communicate, caps);
        Assert.Contains(Capability.SeeTeam, caps);
        Assert.DoesNotContain(Capability.ManagePeople, caps);
    }

    [Fact]
    public void Unknown_role_names_grant_nothing() =>
        Assert.Empty(RoleRules.CapabilitiesOf(["Superuser", "admin"]));
}
