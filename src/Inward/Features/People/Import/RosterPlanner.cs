using System.Globalization;
using System.Text.RegularExpressions;

namespace Inward.Features.People.Import;

/// <summary>
/// One line of the file by field. Null means the file has no column for the field (keep what Inward has);
/// an empty string means the cell is empty.
/// </summary>
public sealed record RosterRow(int Row)
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? EmployeeNumber { get; init; }
    public string? Department { get; init; }
    public string? Location { get; init; }
    public string? JobRole { get; init; }
    public string? ManagerEmail { get; init; }
    public string? ManagerNumber { get; init; }
    public string? HireDate { get; init; }
    public string? Language { get; init; }
    public string? Frontline { get; init; }
    public string? Active { get; init; }
}

/// <summary>A person already in Inward, as the planner needs to see them.</summary>
public sealed record ExistingPerson(
    int Id,
    string Name,
    string Email,
    string? EmployeeNumber = null,
    int? DepartmentId = null,
    int? LocationId = null,
    int? JobRoleId = null,
    int? ManagerId = null,
    DateOnly? HireDate = null,
    string Language = "en",
    bool IsFrontline = false,
    bool IsActive = true,
    bool HasAccount = false);

public sealed record NamedItem(int Id, string Name);

/// <summary>Everything in Inward the import is checked against, loaded once.</summary>
public sealed record RosterSnapshot(
    IReadOnlyList<ExistingPerson> People,
    IReadOnlyList<NamedItem> Departments,
    IReadOnlyList<NamedItem> Locations,
    IReadOnlyList<NamedItem> JobRoles,
    string DefaultLanguage = "en",
    int? ActorEmployeeId = null);

public sealed record RosterOptions(bool DeactivateMissing = false);

/// <summary>A manager: a person already in Inward, or a person created by the row with this number.</summary>
public readonly record struct ManagerRef(int? EmployeeId, int? Row)
{
    public static ManagerRef Existing(int id) => new(id, null);
    public static ManagerRef NewFromRow(int row) => new(null, row);
}

/// <summary>The values a person will have after the import.</summary>
public sealed record PersonValues(
    string Name,
    string Email,
    string? EmployeeNumber,
    int? DepartmentId,
    int? LocationId,
    int? JobRoleId,
    ManagerRef? Manager,
    DateOnly? HireDate,
    string Language,
    bool IsFrontline,
    bool IsActive);

/// <summary>One changed field of an updated person, with display values ("" for none; "yes"/"no" for flags).</summary>
public sealed record FieldChange(RosterField Field, string Before, string After);

public sealed record PlannedCreate(int Row, PersonValues Person);

public sealed record PlannedUpdate(int Row, int EmployeeId, PersonValues Person, IReadOnlyList<FieldChange> Changes, bool EndsAccount);

public sealed record PlannedDeactivation(int EmployeeId, string Name, string Email, bool HasAccount);

/// <summary>What an import will do. Only a plan without problems may be applied.</summary>
public sealed record RosterPlan(
    int Rows,
    IReadOnlyList<PlannedCreate> Creates,
    IReadOnlyList<PlannedUpdate> Updates,
    IReadOnlyList<PlannedDeactivation> Deactivations,
    IReadOnlyList<int> UnchangedRows,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Employees whose user account must be deactivated and signed out.</summary>
    public IEnumerable<int> AccountsToEnd =>
        Deactivations.Where(d => d.HasAccount).Select(d => d.EmployeeId)
            .Concat(Updates.Where(u => u.EndsAccount).Select(u => u.EmployeeId));

    public static RosterPlan Failed(IReadOnlyList<ImportProblem> problems, int rows = 0) => new(rows, [], [], [], [], problems);
}

/// <summary>
/// The pure heart of the roster import: checks the rows against each other and against the snapshot of Inward,
/// matches them to existing people by e-mail or employee number, resolves departments, locations, job roles and
/// managers, finds manager cycles, and returns what to create, update and deactivate — or every problem found.
/// </summary>
public static partial class RosterPlanner
{
    public const string DateFormat = "yyyy-MM-dd";
    public const int MaxName = 200;
    public const int MaxEmail = 256;
    public const int MaxNumber = 64;

    private static readonly string[] Languages = ["en", "ar", "pl"];

    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]\\]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$")]
    private static partial Regex EmailPattern();

    public static bool IsEmail(string value) => value.Length <= MaxEmail && EmailPattern().IsMatch(value);

    /// <summary>yes/no, true/false, y/n, 1/0 in any case; null when it is none of them.</summary>
    public static bool? ParseFlag(string value) => value.Trim().ToUpperInvariant() switch
    {
        "YES" or "Y" or "TRUE" or "1" => true,
        "NO" or "N" or "FALSE" or "0" => false,
        _ => null,
    };

    private static string Key(string email) => email.Trim().ToUpperInvariant();

    /// <summary>A row with what was read and resolved from it.</summary>
    private sealed class Line(RosterRow source)
    {
        public RosterRow Source { get; } = source;
        public int Row => Source.Row;
        public bool Failed { get; set; }
        public string Email { get; set; } = "";
        public string? Number { get; set; }
        public int? DepartmentId { get; set; }
        public int? LocationId { get; set; }
        public int? JobRoleId { get; set; }
        public DateOnly? HireDate { get; set; }
        public string? Language { get; set; }
        public bool? Frontline { get; set; }
        public bool? Active { get; set; }
        public ExistingPerson? Target { get; set; }
        /// <summary>Resolved manager; null with <see cref="ManagerGiven"/> means "no manager".</summary>
        public ManagerRef? Manager { get; set; }
        public bool ManagerGiven { get; set; }
        /// <summary>The node of this person in the manager graph: the existing id, or minus the row for new people.</summary>
        public long Node => Target is { } t ? t.Id : -Row;
    }

    public static RosterPlan Plan(IReadOnlyList<RosterRow> rows, RosterSnapshot snapshot, RosterOptions? options = null)
    {
        options ??= new RosterOptions();
        var problems = new List<ImportProblem>();
        if (rows.Count == 0)
        {
            return RosterPlan.Failed([new(ImportProblem.WholeFile, "The file has no data rows: nothing to import.")]);
        }

        var departments = Lookup(snapshot.Departments);
        var locations = Lookup(snapshot.Locations);
        var jobRoles = Lookup(snapshot.JobRoles);
        var byId = snapshot.People.ToDictionary(p => p.Id);
        var byEmail = new Dictionary<string, ExistingPerson>(StringComparer.Ordinal);
        var byNumber = new Dictionary<string, ExistingPerson>(StringComparer.Ordinal);
        foreach (var p in snapshot.People)
        {
            byEmail.TryAdd(Key(p.Email), p);
            if (!string.IsNullOrEmpty(p.EmployeeNumber))
            {
                byNumber.TryAdd(p.EmployeeNumber, p);
            }
        }

        var lines = rows.Select(r => new Line(r)).ToList();
        void Fail(Line line, string template, params string[] args)
        {
            line.Failed = true;
            problems.Add(new ImportProblem(line.Row, template, args));
        }

        foreach (var line in lines)
        {
            ReadFields(line, departments, locations, jobRoles, Fail);
        }
        ReportDuplicates(lines, l => l.Email.Length > 0 ? Key(l.Email) : null, l => l.Email,
            "The e-mail {0} appears more than once in the file (rows {1}).", Fail);
        ReportDuplicates(lines, l => l.Number, l => l.Number!,
            "The employee number {0} appears more than once in the file (rows {1}).", Fail);

        // Match each row to the person it updates: by e-mail or by employee number, never to two people.
        var claimedBy = new Dictionary<int, Line>();
        foreach (var line in lines.Where(l => l.Email.Length > 0))
        {
            var viaEmail = byEmail.GetValueOrDefault(Key(line.Email));
            var viaNumber = line.Number is null ? null : byNumber.GetValueOrDefault(line.Number);
            if (viaEmail is not null && viaNumber is not null && viaEmail.Id != viaNumber.Id)
            {
                Fail(line, "The e-mail {0} belongs to {1}, but the employee number {2} belongs to {3}. Correct one of them.",
                    line.Email, viaEmail.Name, line.Number!, viaNumber.Name);
                continue;
            }
            var target = viaEmail ?? viaNumber;
            if (target is null)
            {
                continue;
            }
            if (claimedBy.TryGetValue(target.Id, out var first))
            {
                // Rows already failed (duplicates, typically) have been reported; one reason per row is enough.
                if (!line.Failed)
                {
                    Fail(line, "This row matches the same person ({0}) as row {1}.", target.Name, Num(first.Row));
                }
                line.Failed = true;
                continue;
            }
            claimedBy[target.Id] = line;
            line.Target = target;
        }

        ResolveManagers(lines, byEmail, byNumber, Fail);
        ReportCycles(lines, byId, problems);

        var emailOfRow = lines.ToDictionary(l => l.Row, l => l.Email);
        var creates = new List<PlannedCreate>();
        var updates = new List<PlannedUpdate>();
        var unchanged = new List<int>();
        foreach (var line in lines.Where(l => !l.Failed))
        {
            if (line.Target is null)
            {
                creates.Add(new PlannedCreate(line.Row, NewPerson(line, snapshot.DefaultLanguage)));
                continue;
            }
            var values = UpdatedPerson(line, line.Target);
            var changes = Changes(line.Target, values, snapshot, byId, emailOfRow);
            if (changes.Count == 0)
            {
                unchanged.Add(line.Row);
                continue;
            }
            if (!values.IsActive && line.Target.IsActive && line.Target.Id == snapshot.ActorEmployeeId)
            {
                Fail(line, "This row would deactivate you. Someone else has to do that.");
                continue;
            }
            updates.Add(new PlannedUpdate(line.Row, line.Target.Id, values, changes, line.Target.IsActive && !values.IsActive && line.Target.HasAccount));
        }

        var deactivations = new List<PlannedDeactivation>();
        if (options.DeactivateMissing)
        {
            foreach (var p in snapshot.People.Where(p => p.IsActive && !claimedBy.ContainsKey(p.Id)).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                deactivations.Add(new PlannedDeactivation(p.Id, p.Name, p.Email, p.HasAccount));
            }
            if (snapshot.ActorEmployeeId is { } me && deactivations.Any(d => d.EmployeeId == me))
            {
                problems.Add(new(ImportProblem.WholeFile,
                    "This import would deactivate you ({0}), because you are not in the file. Add yourself to the file or do not deactivate people who are missing.",
                    byId[me].Email));
            }
        }

        return new RosterPlan(rows.Count, creates, updates, deactivations, unchanged,
            [.. problems.OrderBy(p => p.Row)]);
    }

    private static Dictionary<string, NamedItem> Lookup(IReadOnlyList<NamedItem> items)
    {
        var lookup = new Dictionary<string, NamedItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            lookup.TryAdd(item.Name.Trim(), item);
        }
        return lookup;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void ReadFields(Line line, Dictionary<string, NamedItem> departments, Dictionary<string, NamedItem> locations,
        Dictionary<string, NamedItem> jobRoles, Action<Line, string, string[]> fail)
    {
        var r = line.Source;
        var name = r.Name ?? "";
        if (name.Length == 0)
        {
            fail(line, "The name is empty.", []);
        }
        else if (name.Length > MaxName)
        {
            fail(line, "The name is longer than {0} characters.", [Num(MaxName)]);
        }

        var email = r.Email ?? "";
        if (email.Length == 0)
        {
            fail(line, "The e-mail is empty.", []);
        }
        else if (!IsEmail(email))
        {
            fail(line, "'{0}' is not a valid e-mail address.", [email]);
        }
        else
        {
            line.Email = email;
        }

        if (!string.IsNullOrEmpty(r.EmployeeNumber))
        {
            if (r.EmployeeNumber.Length > MaxNumber)
            {
                fail(line, "The employee number is longer than {0} characters.", [Num(MaxNumber)]);
            }
            else
            {
                line.Number = r.EmployeeNumber;
            }
        }

        line.DepartmentId = Resolve(r.Department, departments, line, fail,
            "Unknown department '{0}'. An import does not create departments: add it first, or correct the name.");
        line.LocationId = Resolve(r.Location, locations, line, fail,
            "Unknown location '{0}'. An import does not create locations: add it first, or correct the name.");
        line.JobRoleId = Resolve(r.JobRole, jobRoles, line, fail,
            "Unknown job role '{0}'. An import does not create job roles: add it first, or correct the name.");

        if (!string.IsNullOrEmpty(r.HireDate))
        {
            if (DateOnly.TryParseExact(r.HireDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                line.HireDate = date;
            }
            else
            {
                fail(line, "The hire date '{0}' is not a date in the format yyyy-MM-dd (for example 2024-03-31).", [r.HireDate]);
            }
        }

        if (!string.IsNullOrEmpty(r.Language))
        {
            var language = r.Language.ToLowerInvariant();
            if (Languages.Contains(language))
            {
                line.Language = language;
            }
            else
            {
                fail(line, "The language '{0}' is not supported: use en, ar or pl, or leave it empty for the company's default.", [r.Language]);
            }
        }

        if (!string.IsNullOrEmpty(r.Frontline))
        {
            line.Frontline = ParseFlag(r.Frontline);
            if (line.Frontline is null)
            {
                fail(line, "Frontline '{0}' is not yes or no (true/false and 1/0 work too).", [r.Frontline]);
            }
        }
        if (!string.IsNullOrEmpty(r.Active))
        {
            line.Active = ParseFlag(r.Active);
            if (line.Active is null)
            {
                fail(line, "Active '{0}' is not yes or no (true/false and 1/0 work too).", [r.Active]);
            }
        }
    }

    private static int? Resolve(string? value, Dictionary<string, NamedItem> items, Line line, Action<Line, string, string[]> fail, string unknown)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (items.TryGetValue(value, out var item))
        {
            return item.Id;
        }
        fail(line, unknown, [value]);
        return null;
    }

    private static void ReportDuplicates(List<Line> lines, Func<Line, string?> key, Func<Line, string> shown, string template,
        Action<Line, string, string[]> fail)
    {
        foreach (var group in lines.Where(l => key(l) is not null).GroupBy(l => key(l)!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var rowList = string.Join(", ", group.Select(l => Num(l.Row)));
            foreach (var line in group)
            {
                fail(line, template, [shown(line), rowList]);
            }
        }
    }

    private static void ResolveManagers(List<Line> lines, Dictionary<string, ExistingPerson> byEmail, Dictionary<string, ExistingPerson> byNumber,
        Action<Line, string, string[]> fail)
    {
        var fileByEmail = new Dictionary<string, Line>(StringComparer.Ordinal);
        var fileByNumber = new Dictionary<string, Line>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Email.Length > 0)
            {
                fileByEmail.TryAdd(Key(line.Email), line);
            }
            if (line.Number is not null)
            {
                fileByNumber.TryAdd(line.Number, line);
            }
        }
        ManagerRef RefTo(Line manager) => manager.Target is { } t ? ManagerRef.Existing(t.Id) : ManagerRef.NewFromRow(manager.Row);

        foreach (var line in lines)
        {
            var r = line.Source;
            if (r.ManagerEmail is null && r.ManagerNumber is null)
            {
                continue;
            }
            line.ManagerGiven = true;
            ManagerRef? viaEmail = null;
            ManagerRef? viaNumber = null;
            if (!string.IsNullOrEmpty(r.ManagerEmail))
            {
                if (!IsEmail(r.ManagerEmail))
                {
                    fail(line, "The manager's e-mail '{0}' is not a valid e-mail address.", [r.ManagerEmail]);
                    continue;
                }
                var key = Key(r.ManagerEmail);
                viaEmail = fileByEmail.TryGetValue(key, out var m) ? RefTo(m)
                    : byEmail.TryGetValue(key, out var p) ? ManagerRef.Existing(p.Id) : null;
                if (viaEmail is null)
                {
                    fail(line, "Unknown manager {0}: nobody in the file or in Inward has this e-mail.", [r.ManagerEmail]);
                    continue;
                }
            }
            if (!string.IsNullOrEmpty(r.ManagerNumber))
            {
                viaNumber = fileByNumber.TryGetValue(r.ManagerNumber, out var m) ? RefTo(m)
                    : byNumber.TryGetValue(r.ManagerNumber, out var p) ? ManagerRef.Existing(p.Id) : null;
                if (viaNumber is null)
                {
                    fail(line, "Unknown manager {0}: nobody in the file or in Inward has this employee number.", [r.ManagerNumber]);
                    continue;
                }
            }
            if (viaEmail is not null && viaNumber is not null && viaEmail != viaNumber)
            {
                fail(line, "The manager's e-mail and the manager's employee number point at different people.", []);
                continue;
            }
            var manager = viaEmail ?? viaNumber;
            if (manager is { } mr && (mr.Row == line.Row || (mr.EmployeeId is { } id && id == line.Target?.Id)))
            {
                fail(line, "A person cannot be their own manager.", []);
                continue;
            }
            line.Manager = manager;
        }
    }

    /// <summary>
    /// Follows every person's manager after the import (rows as planned, everyone else as today) and reports each
    /// cycle that passes through the file, once, on the cycle's first row, naming all its rows.
    /// </summary>
    private static void ReportCycles(List<Line> lines, Dictionary<int, ExistingPerson> byId, List<ImportProblem> problems)
    {
        var next = new Dictionary<long, long?>();
        var label = new Dictionary<long, string>();
        var rowOf = new Dictionary<long, int>();
        foreach (var p in byId.Values)
        {
            next[p.Id] = p.ManagerId;
            label[p.Id] = p.Email;
        }
        long NodeOf(ManagerRef m) => m.EmployeeId is { } id ? id : -m.Row!.Value;
        foreach (var line in lines)
        {
            if (rowOf.ContainsKey(line.Node))
            {
                continue;
            }
            rowOf[line.Node] = line.Row;
            label[line.Node] = line.Email.Length > 0 ? line.Email : line.Source.Email ?? "";
            next[line.Node] = line.ManagerGiven
                ? line.Manager is { } m ? NodeOf(m) : null
                : line.Target?.ManagerId;
        }

        // Each person has at most one manager, so walking from every node finds every cycle in linear time.
        var state = new Dictionary<long, byte>(); // 1 = on the current walk, 2 = done
        foreach (var start in next.Keys)
        {
            var path = new List<long>();
            var node = (long?)start;
            while (node is { } n && next.ContainsKey(n) && state.GetValueOrDefault(n) == 0)
            {
                state[n] = 1;
                path.Add(n);
                node = next[n];
            }
            if (node is { } hit && state.GetValueOrDefault(hit) == 1)
            {
                var cycle = path[path.IndexOf(hit)..];
                var rowsInCycle = cycle.Where(rowOf.ContainsKey).Select(c => rowOf[c]).Order().ToList();
                if (rowsInCycle.Count > 0)
                {
                    var first = cycle.FindIndex(c => rowOf.TryGetValue(c, out var r) && r == rowsInCycle[0]);
                    var ordered = cycle[first..].Concat(cycle[..first]).Append(cycle[first]).Select(c => label[c]);
                    problems.Add(new ImportProblem(rowsInCycle[0], "Manager cycle through rows {0}: {1}.",
                        string.Join(", ", rowsInCycle.Select(Num)), string.Join(" → ", ordered)));
                    foreach (var line in lines.Where(l => cycle.Contains(l.Node)))
                    {
                        line.Failed = true;
                    }
                }
            }
            foreach (var n in path)
            {
                state[n] = 2;
            }
        }
    }

    private static PersonValues NewPerson(Line line, string defaultLanguage) => new(
        line.Source.Name!,
        line.Email,
        line.Number,
        line.DepartmentId,
        line.LocationId,
        line.JobRoleId,
        line.Manager,
        line.HireDate,
        line.Language ?? (Languages.Contains(defaultLanguage) ? defaultLanguage : "en"),
        line.Frontline ?? false,
        line.Active ?? true);

    /// <summary>
    /// Mapped fields replace today's values (an empty cell clears department, location, job role, manager and
    /// hire date, and means "no" for frontline); the employee number and language are only replaced when given;
    /// people in the file are active unless the Active column says no.
    /// </summary>
    private static PersonValues UpdatedPerson(Line line, ExistingPerson p)
    {
        var r = line.Source;
        var manager = line.ManagerGiven ? line.Manager
            : p.ManagerId is { } m ? ManagerRef.Existing(m) : (ManagerRef?)null;
        return new PersonValues(
            r.Name!,
            line.Email,
            line.Number ?? p.EmployeeNumber,
            r.Department is null ? p.DepartmentId : line.DepartmentId,
            r.Location is null ? p.LocationId : line.LocationId,
            r.JobRole is null ? p.JobRoleId : line.JobRoleId,
            manager,
            r.HireDate is null ? p.HireDate : line.HireDate,
            line.Language ?? p.Language,
            r.Frontline is null ? p.IsFrontline : line.Frontline ?? false,
            line.Active ?? true);
    }

    private static List<FieldChange> Changes(ExistingPerson p, PersonValues v, RosterSnapshot snapshot, Dictionary<int, ExistingPerson> byId,
        Dictionary<int, string> emailOfRow)
    {
        var changes = new List<FieldChange>();
        void Compare(RosterField field, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, before, after));
            }
        }
        static string NameOf(IReadOnlyList<NamedItem> items, int? id) => id is null ? "" : items.FirstOrDefault(i => i.Id == id)?.Name ?? "";
        string ManagerOf(ManagerRef? m) => m switch
        {
            { EmployeeId: { } id } => byId.TryGetValue(id, out var e) ? e.Email : "",
            { Row: { } row } => emailOfRow.GetValueOrDefault(row, ""),
            _ => "",
        };
        static string Flag(bool b) => b ? "yes" : "no";

        Compare(RosterField.Name, p.Name, v.Name);
        Compare(RosterField.Email, p.Email, v.Email);
        Compare(RosterField.EmployeeNumber, p.EmployeeNumber ?? "", v.EmployeeNumber ?? "");
        Compare(RosterField.Department, NameOf(snapshot.Departments, p.DepartmentId), NameOf(snapshot.Departments, v.DepartmentId));
        Compare(RosterField.Location, NameOf(snapshot.Locations, p.LocationId), NameOf(snapshot.Locations, v.LocationId));
        Compare(RosterField.JobRole, NameOf(snapshot.JobRoles, p.JobRoleId), NameOf(snapshot.JobRoles, v.JobRoleId));
        var managerBefore = p.ManagerId is { } mb ? ManagerRef.Existing(mb) : (ManagerRef?)null;
        if (managerBefore != v.Manager)
        {
            changes.Add(new FieldChange(RosterField.ManagerEmail, ManagerOf(managerBefore), ManagerOf(v.Manager)));
        }
        Compare(RosterField.HireDate, Date(p.HireDate), Date(v.HireDate));
        Compare(RosterField.Language, p.Language, v.Language);
        Compare(RosterField.Frontline, Flag(p.IsFrontline), Flag(v.IsFrontline));
        Compare(RosterField.Active, Flag(p.IsActive), Flag(v.IsActive));
        return changes;
    }

    private static string Date(DateOnly? d) => d?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";
}
