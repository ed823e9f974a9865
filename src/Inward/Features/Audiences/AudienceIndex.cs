namespace Inward.Features.Audiences;

/// <summary>
/// Coarse keys that let a database narrow "which of 100,000 posts might target this person" before the exact rule is
/// evaluated. A rule gets one key set (per include clause, its most selective criterion: a department, location, job
/// role, group, language or partner organisation, else "*"); a person gets the keys of their own facts. The contract,
/// unit-tested exhaustively: whenever <see cref="AudienceRules.Matches"/> holds, the two key sets intersect. Keys may
/// over-select (exclusions, tenure and the other criteria of a clause are checked exactly afterwards), never under-select.
/// </summary>
public static class AudienceIndex
{
    public const string Everyone = "*";
    public const int KeyMax = 40;

    public static IReadOnlySet<string> KeysOf(AudienceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in rule.Include.Where(c => c is { IsBlank: false }))
        {
            if (clause.PartnerOrganisations.Count > 0)
            {
                // Only partners can match such a clause, and only by their organisation.
                keys.UnionWith(clause.PartnerOrganisations.Select(Partner));
            }
            else if (clause.Departments.Count > 0)
            {
                keys.UnionWith(clause.Departments.Where(d => d is not null)
                    .Select(d => d.IncludeSubDepartments ? DepartmentOrBelow(d.Id) : Department(d.Id)));
            }
            else if (clause.Locations.Count > 0)
            {
                keys.UnionWith(clause.Locations.Select(Location));
            }
            else if (clause.JobRoles.Count > 0)
            {
                keys.UnionWith(clause.JobRoles.Select(Role));
            }
            else if (clause.Groups.Count > 0)
            {
                keys.UnionWith(clause.Groups.Select(Group));
            }
            else if (clause.Languages.Count > 0)
            {
                keys.UnionWith(clause.Languages.Select(Language));
            }
            else
            {
                keys.Add(Everyone);
            }
        }
        return keys;
    }

    /// <summary>The keys under which posts for this person are filed; empty for an inactive person.</summary>
    public static IReadOnlySet<string> KeysOfReader(MemberFacts facts, DepartmentTree tree)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tree);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!facts.IsActive)
        {
            return keys;
        }
        if (facts.IsPartner)
        {
            if (facts.PartnerOrganisationId is { } org)
            {
                keys.Add(Partner(org));
            }
            return keys;
        }
        keys.Add(Everyone);
        if (facts.DepartmentId is { } dep)
        {
            keys.Add(Department(dep));
            keys.UnionWith(tree.AncestorsOrSelf(dep).Select(DepartmentOrBelow));
        }
        if (facts.LocationId is { } loc)
        {
            keys.Add(Location(loc));
        }
        if (facts.JobRoleId is { } role)
        {
            keys.Add(Role(role));
        }
        keys.UnionWith(facts.GroupIds.Select(Group));
        if (!string.IsNullOrWhiteSpace(facts.Language))
        {
            keys.Add(Language(facts.Language));
        }
        return keys;
    }

    private static string Partner(int id) => "p:" + Id(id);
    private static string Department(int id) => "d:" + Id(id);
    private static string DepartmentOrBelow(int id) => "ds:" + Id(id);
    private static string Location(int id) => "l:" + Id(id);
    private static string Role(int id) => "r:" + Id(id);
    private static string Group(int id) => "g:" + Id(id);

    /// <summary>The primary language subtag, lower-case: "en-GB" and "EN" both file under "lang:en".</summary>
    private static string Language(string code)
    {
        var primary = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        return "lang:" + (primary.Length <= KeyMax - 5 ? primary : primary[..(KeyMax - 5)]);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
