namespace Inward.Platform.Identity;

/// <summary>The access roles of SPEC.md. A user with several roles gets the union of their rights.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string HR = "HR";
    public const string Communicator = "Communicator";
    public const string Manager = "Manager";
    public const string Employee = "Employee";
    public const string Partner = "Partner";

    public static readonly IReadOnlyList<string> All = [Admin, HR, Communicator, Manager, Employee, Partner];

    /// <summary>Roles that belong to staff: anyone holding one of them is an internal user.</summary>
    public static readonly IReadOnlyList<string> Internal = [Admin, HR, Communicator, Manager, Employee];
}

/// <summary>What a signed-in user may do. Pages and endpoints require a capability, never a role name.</summary>
public enum Capability
{
    /// <summary>See internal content: directory, profiles, org chart, feeds.</summary>
    UseIntranet,
    /// <summary>See the partner extranet.</summary>
    UseExtranet,
    /// <summary>Edit people and organisation data, import rosters, invite.</summary>
    ManagePeople,
    /// <summary>Read people data through exports and the API beyond the directory.</summary>
    ExportPeople,
    /// <summary>Company settings, roles, integrations.</summary>
    ManageSettings,
    /// <summary>Grant or remove access roles.</summary>
    ManageRoles,
    /// <summary>Browse the audit log.</summary>
    ReadAuditLog,
    /// <summary>See the own team (direct and indirect reports).</summary>
    SeeTeam,
    /// <summary>Author communications, own the plan and the brand book.</summary>
    Communicate,
    /// <summary>Personal access tokens for the API.</summary>
    UseApi,
    /// <summary>Edit the internal-marketing plan, brand book, playbook, service map, touchpoints and role cards.</summary>
    ManagePlan,
    /// <summary>Author courses and learning paths, assign them, see completion across the company.</summary>
    ManageLearning,
    /// <summary>Create, launch and close surveys; see every group's results (above the anonymity threshold).</summary>
    ManageSurveys,
    /// <summary>Read and answer the feedback cards addressed to HR (never learning who wrote an anonymous one).</summary>
    AnswerHrFeedback,
}

/// <summary>The role → capability table: a pure function, unit-tested row by row.</summary>
public static class RoleRules
{
    private static readonly Dictionary<string, Capability[]> Table = new(StringComparer.Ordinal)
    {
        [Roles.Employee] = [Capability.UseIntranet, Capability.UseApi],
        [Roles.Manager] = [Capability.UseIntranet, Capability.UseApi, Capability.SeeTeam],
        [Roles.Communicator] = [Capability.UseIntranet, Capability.UseApi, Capability.Communicate, Capability.ManagePlan, Capability.ManageLearning],
        [Roles.HR] = [Capability.UseIntranet, Capability.UseApi, Capability.ManagePeople, Capability.ExportPeople, Capability.SeeTeam, Capability.ManagePlan, Capability.ManageLearning,
            Capability.ManageSurveys, Capability.AnswerHrFeedback],
        [Roles.Admin] = [.. Enum.GetValues<Capability>().Where(c => c != Capability.UseExtranet)],
        [Roles.Partner] = [Capability.UseExtranet],
    };

    public static IReadOnlySet<Capability> CapabilitiesOf(IEnumerable<string> roles) =>
        roles.Where(Table.ContainsKey).SelectMany(r => Table[r]).ToHashSet();

    public static bool Allows(IEnumerable<string> roles, Capability capability) =>
        CapabilitiesOf(roles).Contains(capability);

    public static IEnumerable<string> RolesWith(Capability capability) =>
        Table.Where(kv => kv.Value.Contains(capability)).Select(kv => kv.Key);
}
