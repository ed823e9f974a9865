namespace Inward.Features.Audiences;

/// <summary>
/// The compact facts about one person that audience rules look at. Employees have roster facts; partner users have
/// no employee record, only their partner organisation.
/// </summary>
public sealed record MemberFacts
{
    public int? EmployeeId { get; init; }
    public string? PartnerUserId { get; init; }
    public int? PartnerOrganisationId { get; init; }
    public int? DepartmentId { get; init; }
    public int? LocationId { get; init; }
    public int? JobRoleId { get; init; }
    public IReadOnlyCollection<int> GroupIds { get; init; } = [];
    public DateOnly? HireDate { get; init; }
    public bool IsFrontline { get; init; }
    /// <summary>At least one active employee reports to this person directly.</summary>
    public bool ManagesOthers { get; init; }
    public string Language { get; init; } = "en";
    public bool IsActive { get; init; } = true;

    public bool IsPartner => EmployeeId is null;

    public static MemberFacts Partner(int partnerOrganisationId, bool isActive = true, string? userId = null) =>
        new() { PartnerOrganisationId = partnerOrganisationId, PartnerUserId = userId, IsActive = isActive };
}

/// <summary>The department hierarchy (id → parent), for "with sub-departments". Cycle-safe.</summary>
public sealed class DepartmentTree
{
    private readonly Dictionary<int, int?> parents;

    public DepartmentTree(IEnumerable<(int Id, int? ParentId)> departments) =>
        parents = departments.ToDictionary(d => d.Id, d => d.ParentId);

    public static DepartmentTree Empty { get; } = new([]);

    /// <summary>The department and its ancestors up to the root (cycle-safe).</summary>
    public IEnumerable<int> AncestorsOrSelf(int departmentId)
    {
        int? current = departmentId;
        for (var steps = 0; current is { } id && steps <= parents.Count; steps++)
        {
            yield return id;
            current = parents.GetValueOrDefault(id);
        }
    }

    /// <summary>True when <paramref name="departmentId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    public bool IsWithin(int departmentId, int ancestorId)
    {
        int? current = departmentId;
        for (var steps = 0; current is { } id && steps <= parents.Count; steps++)
        {
            if (id == ancestorId)
            {
                return true;
            }
            current = parents.GetValueOrDefault(id);
        }
        return false;
    }
}

/// <summary>The ids that exist, for <see cref="AudienceRules.Validate"/>.</summary>
public sealed record AudienceKnownIds(
    IReadOnlySet<int> Departments, IReadOnlySet<int> Locations, IReadOnlySet<int> JobRoles, IReadOnlySet<int> Groups, IReadOnlySet<int> PartnerOrganisations);

/// <summary>
/// A validation problem: <paramref name="Field"/> is a path such as "Include[0].Departments" (empty for the whole
/// rule); <paramref name="Message"/> is an English localiser key with {0} placeholders filled by <paramref name="Arguments"/>.
/// </summary>
public sealed record AudienceError(string Field, string Message, params object[] Arguments);

/// <summary>Audience evaluation: pure and deterministic (no clock, no database), unit-tested exhaustively.</summary>
public static class AudienceRules
{
    public const int MaxValuesPerCriterion = 500;
    public const int MaxTenureDays = 36_500;

    /// <summary>In the audience: active, matching at least one include clause and no exclude clause.</summary>
    public static bool Matches(AudienceRule rule, MemberFacts facts, DepartmentTree tree, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tree);
        return facts.IsActive
            && rule.Include.Any(c => ClauseMatches(c, facts, tree, today))
            && !rule.Exclude.Any(c => ClauseMatches(c, facts, tree, today));
    }

    /// <summary>All criteria given must hold; a blank clause matches nobody.</summary>
    public static bool ClauseMatches(AudienceClause clause, MemberFacts facts, DepartmentTree tree, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (clause.IsBlank)
        {
            return false;
        }
        if (facts.IsPartner)
        {
            // Partners are reached only by naming their organisation, in a clause without employee criteria.
            return !clause.Everyone && !clause.HasEmployeeCriteria
                && facts.PartnerOrganisationId is { } org && clause.PartnerOrganisations.Contains(org);
        }
        if (clause.PartnerOrganisations.Count > 0)
        {
            return false;
        }
        if (clause.Departments.Count > 0 && !(facts.DepartmentId is { } dep && clause.Departments.Any(d =>
                d.Id == dep || (d.IncludeSubDepartments && tree.IsWithin(dep, d.Id)))))
        {
            return false;
        }
        if (clause.Locations.Count > 0 && !(facts.LocationId is { } loc && clause.Locations.Contains(loc)))
        {
            return false;
        }
        if (clause.JobRoles.Count > 0 && !(facts.JobRoleId is { } role && clause.JobRoles.Contains(role)))
        {
            return false;
        }
        if (clause.Groups.Count > 0 && !clause.Groups.Any(facts.GroupIds.Contains))
        {
            return false;
        }
        if (clause.HiredWithinDays is not null || clause.HiredMoreThanDays is not null)
        {
            if (facts.HireDate is not { } hired)
            {
                return false;
            }
            var days = today.DayNumber - hired.DayNumber;
            if (clause.HiredWithinDays is { } within && days > within)
            {
                return false;
            }
            if (clause.HiredMoreThanDays is { } more && days <= more)
            {
                return false;
            }
        }
        if (clause.Frontline is { } frontline && facts.IsFrontline != frontline)
        {
            return false;
        }
        if (clause.ManagesOthers is { } manages && facts.ManagesOthers != manages)
        {
            return false;
        }
        if (clause.Languages.Count > 0 && !clause.Languages.Any(l => LanguageMatches(l, facts.Language)))
        {
            return false;
        }
        return true;
    }

    /// <summary>Case-insensitive; a bare language ("en") also matches its regional forms ("en-GB").</summary>
    public static bool LanguageMatches(string wanted, string? actual)
    {
        if (string.IsNullOrWhiteSpace(wanted) || string.IsNullOrWhiteSpace(actual))
        {
            return false;
        }
        var w = wanted.Trim();
        var a = actual.Trim();
        return string.Equals(w, a, StringComparison.OrdinalIgnoreCase)
            || (a.Length > w.Length && a[w.Length] is '-' or '_' && a.StartsWith(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Everything wrong with a rule, with clear messages; empty when the rule can be saved.</summary>
    public static IReadOnlyList<AudienceError> Validate(AudienceRule? rule, AudienceKnownIds known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var errors = new List<AudienceError>();
        if (rule is null || rule.Include is null || rule.Include.Count == 0)
        {
            errors.Add(new("", "Choose who it is for: add at least one include clause."));
            return errors;
        }
        if (rule.Version < 1 || rule.Version > AudienceRule.CurrentVersion)
        {
            errors.Add(new("Version", "This audience was saved in an unknown format (version {0}).", rule.Version));
        }
        var exclude = rule.Exclude ?? [];
        if (rule.Include.Count + exclude.Count > AudienceRule.MaxClauses)
        {
            errors.Add(new("", "An audience can have at most {0} clauses.", AudienceRule.MaxClauses));
        }
        for (var i = 0; i < rule.Include.Count; i++)
        {
            ValidateClause(rule.Include[i], $"Include[{i}]", known, errors);
        }
        for (var i = 0; i < exclude.Count; i++)
        {
            ValidateClause(exclude[i], $"Exclude[{i}]", known, errors);
        }
        return errors;
    }

    private static void ValidateClause(AudienceClause? clause, string path, AudienceKnownIds known, List<AudienceError> errors)
    {
        if (clause is null || clause.IsBlank)
        {
            errors.Add(new(path, "Each clause needs at least one criterion."));
            return;
        }
        if (clause.Departments.Any(d => d is null))
        {
            errors.Add(new($"{path}.Departments", "Each clause needs at least one criterion."));
            return;
        }
        Unknown(clause.Departments.Select(d => d.Id), known.Departments, $"{path}.Departments", "Unknown department: {0}.", errors);
        Unknown(clause.Locations, known.Locations, $"{path}.Locations", "Unknown location: {0}.", errors);
        Unknown(clause.JobRoles, known.JobRoles, $"{path}.JobRoles", "Unknown job role: {0}.", errors);
        Unknown(clause.Groups, known.Groups, $"{path}.Groups", "Unknown group: {0}.", errors);
        Unknown(clause.PartnerOrganisations, known.PartnerOrganisations, $"{path}.PartnerOrganisations", "Unknown partner organisation: {0}.", errors);
        if (clause.HiredWithinDays is { } within && (within < 0 || within > MaxTenureDays))
        {
            errors.Add(new($"{path}.HiredWithinDays", "The number of days must be between 0 and {0}.", MaxTenureDays));
        }
        if (clause.HiredMoreThanDays is { } more && (more < 0 || more > MaxTenureDays))
        {
            errors.Add(new($"{path}.HiredMoreThanDays", "The number of days must be between 0 and {0}.", MaxTenureDays));
        }
        if (clause.HiredWithinDays is { } w && clause.HiredMoreThanDays is { } m && w >= 0 && m >= 0 && m >= w)
        {
            errors.Add(new($"{path}.HiredMoreThanDays", "Nobody can be hired within the last {0} days and more than {1} days ago.", w, m));
        }
        if (clause.Languages.Any(l => string.IsNullOrWhiteSpace(l) || l.Trim().Length > 10
                || !l.Trim().All(c => char.IsAsciiLetter(c) || c is '-' or '_')))
        {
            errors.Add(new($"{path}.Languages", "Languages are codes such as en, ar or pl."));
        }
        if (clause.PartnerOrganisations.Count > 0 && (clause.Everyone || clause.HasEmployeeCriteria))
        {
            errors.Add(new($"{path}.PartnerOrganisations",
                "Partner organisations cannot be combined with everyone or employee criteria in one clause: put them in a clause of their own."));
        }
        var tooMany = new[] { clause.Departments.Count, clause.Locations.Count, clause.JobRoles.Count, clause.Groups.Count, clause.Languages.Count, clause.PartnerOrganisations.Count }
            .Any(n => n > MaxValuesPerCriterion);
        if (tooMany)
        {
            errors.Add(new(path, "A criterion can list at most {0} values.", MaxValuesPerCriterion));
        }
    }

    private static void Unknown(IEnumerable<int> ids, IReadOnlySet<int> known, string field, string message, List<AudienceError> errors)
    {
        var unknown = ids.Where(id => !known.Contains(id)).Distinct().Take(5).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(field, message, string.Join(", ", unknown.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }
    }
}
