using System.Text;

namespace Inward.Features.People.Import;

/// <summary>What a column of the roster file can mean.</summary>
public enum RosterField
{
    Name,
    Email,
    EmployeeNumber,
    Department,
    Location,
    JobRole,
    ManagerEmail,
    ManagerNumber,
    HireDate,
    Language,
    Frontline,
    Active,
}

/// <summary>Which column of the file holds which field; guessed from the header names, or chosen by the user.</summary>
public sealed class ColumnMap
{
    public static readonly IReadOnlyList<RosterField> Fields = Enum.GetValues<RosterField>();

    /// <summary>Header names (lower case, letters and digits only) recognised for each field.</summary>
    private static readonly Dictionary<RosterField, string[]> Synonyms = new()
    {
        [RosterField.Name] = ["name", "fullname", "employeename", "displayname", "personname"],
        [RosterField.Email] = ["email", "emailaddress", "workemail", "mail"],
        [RosterField.EmployeeNumber] = ["employeenumber", "employeeid", "employeeno", "number", "empno", "empid", "personnelnumber", "staffnumber", "staffid"],
        [RosterField.Department] = ["department", "dept", "departmentname"],
        [RosterField.Location] = ["location", "site", "office", "worklocation"],
        [RosterField.JobRole] = ["jobrole", "jobtitle", "title", "position", "role"],
        [RosterField.ManagerEmail] = ["manageremail", "manageremailaddress", "manager", "linemanager", "linemanageremail", "reportsto"],
        [RosterField.ManagerNumber] = ["managernumber", "manageremployeenumber", "managerid", "manageremployeeid", "managerno"],
        [RosterField.HireDate] = ["hiredate", "startdate", "datehired", "joindate", "joined"],
        [RosterField.Language] = ["language", "lang", "locale", "preferredlanguage"],
        [RosterField.Frontline] = ["frontline", "isfrontline", "frontlineworker"],
        [RosterField.Active] = ["active", "isactive"],
    };

    private readonly Dictionary<RosterField, int> _columns;

    private ColumnMap(Dictionary<RosterField, int> columns) => _columns = columns;

    /// <summary>The column index of each field; fields without a column are absent.</summary>
    public IReadOnlyDictionary<RosterField, int> Columns => _columns;

    public int? ColumnOf(RosterField field) => _columns.TryGetValue(field, out var c) ? c : null;

    /// <summary>The default mapping: the first column whose name is a known synonym of the field.</summary>
    public static ColumnMap Guess(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<RosterField, int>();
        var normalised = headers.Select(Normalise).ToArray();
        foreach (var field in Fields)
        {
            var index = Array.FindIndex(normalised, h => Synonyms[field].Contains(h));
            if (index >= 0 && !columns.ContainsValue(index))
            {
                columns[field] = index;
            }
        }
        return new ColumnMap(columns);
    }

    /// <summary>A mapping chosen by the user; negative indexes mean "not in the file".</summary>
    public static ColumnMap From(IReadOnlyDictionary<RosterField, int> chosen) =>
        new(chosen.Where(kv => kv.Value >= 0 && Enum.IsDefined(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));

    internal static string Normalise(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>Problems with the mapping itself: required columns missing, a column used twice, an index out of range.</summary>
    public IReadOnlyList<ImportProblem> Check(IReadOnlyList<string> headers)
    {
        var problems = new List<ImportProblem>();
        var found = string.Join(", ", headers.Where(h => h.Length > 0));
        if (!_columns.ContainsKey(RosterField.Name))
        {
            problems.Add(new(ImportProblem.WholeFile, "The file has no column for the name (for example 'name' or 'full name'). Columns found: {0}.", found));
        }
        if (!_columns.ContainsKey(RosterField.Email))
        {
            problems.Add(new(ImportProblem.WholeFile, "The file has no column for the e-mail (for example 'email' or 'e-mail'). Columns found: {0}.", found));
        }
        if (_columns.Values.Any(i => i >= headers.Count))
        {
            problems.Add(new(ImportProblem.WholeFile, "The column mapping does not match this file. Choose the columns again."));
        }
        foreach (var twice in _columns.GroupBy(kv => kv.Value).Where(g => g.Count() > 1 && g.Key < headers.Count))
        {
            problems.Add(new(ImportProblem.WholeFile, "The column '{0}' is chosen for more than one field.", headers[twice.Key]));
        }
        return problems;
    }

    /// <summary>The cells of each line by field: null where the field has no column, "" where the cell is empty.</summary>
    public IReadOnlyList<RosterRow> Rows(RosterFile file) => [.. file.Lines.Select(line => new RosterRow(line.Row)
    {
        Name = Cell(line, RosterField.Name),
        Email = Cell(line, RosterField.Email),
        EmployeeNumber = Cell(line, RosterField.EmployeeNumber),
        Department = Cell(line, RosterField.Department),
        Location = Cell(line, RosterField.Location),
        JobRole = Cell(line, RosterField.JobRole),
        ManagerEmail = Cell(line, RosterField.ManagerEmail),
        ManagerNumber = Cell(line, RosterField.ManagerNumber),
        HireDate = Cell(line, RosterField.HireDate),
        Language = Cell(line, RosterField.Language),
        Frontline = Cell(line, RosterField.Frontline),
        Active = Cell(line, RosterField.Active),
    })];

    private string? Cell(RosterLine line, RosterField field) =>
        _columns.TryGetValue(field, out var i) ? (i < line.Cells.Count ? line.Cells[i] : "") : null;

    /// <summary>The English label of a field, which is also its localisation key.</summary>
    public static string Label(RosterField field) => field switch
    {
        RosterField.Name => "Name",
        RosterField.Email => "E-mail",
        RosterField.EmployeeNumber => "Employee number",
        RosterField.Department => "Department",
        RosterField.Location => "Location",
        RosterField.JobRole => "Job role",
        RosterField.ManagerEmail => "Manager's e-mail",
        RosterField.ManagerNumber => "Manager's employee number",
        RosterField.HireDate => "Hire date",
        RosterField.Language => "Language",
        RosterField.Frontline => "Frontline",
        RosterField.Active => "Active",
        _ => field.ToString(),
    };

    /// <summary>The header of the downloadable template, in field order.</summary>
    public const string TemplateHeader = "name,email,employee number,department,location,job role,manager email,hire date,language,frontline,active";
}
