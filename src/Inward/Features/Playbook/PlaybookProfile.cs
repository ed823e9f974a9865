using System.ComponentModel;
using System.Globalization;
using Inward.Features.Plan;

namespace Inward.Features.Playbook;

/// <summary>
/// The company as the playbook sees it, validated. Meetings are always available on top of <see cref="Channels"/>.
/// <see cref="DepartmentIds"/> are the departments chosen from the company's own; <see cref="DepartmentCount"/> is
/// their number, or the typed number when none was chosen.
/// </summary>
public sealed record PlaybookProfile(
    string CompanyName,
    int CompanySize,
    IReadOnlyList<int> DepartmentIds,
    int DepartmentCount,
    int FrontlineSharePercent,
    Channels Channels,
    decimal BudgetPerEmployee,
    PainPoints PainPoints,
    DateOnly StartsOn,
    string Currency)
{
    /// <summary>Frontline share from which the playbook plans for people without a desk first.</summary>
    public const int HighFrontlineShare = 50;

    /// <summary>Below this size, high-effort tactics are left out.</summary>
    public const int SmallCompany = 20;

    public decimal TotalBudget => BudgetPerEmployee * CompanySize;
    public bool HighFrontline => FrontlineSharePercent >= HighFrontlineShare;
    public Channels Available => Channels | Channels.Meetings;
    public DateOnly EndsOn => StartsOn.AddMonths(12).AddDays(-1);
}

/// <summary>
/// The wizard's answers as the form and the API send them: everything optional so that missing values get a clear
/// error instead of a binding failure. <see cref="Validate"/> turns them into a <see cref="PlaybookProfile"/>.
/// </summary>
public sealed class PlaybookAnswers
{
    public const int MaxCompanySize = 100_000;
    public const int MaxDepartments = 1_000;
    public const decimal MaxBudgetPerEmployee = 100_000m;
    public const int MaxCompanyName = 200;

    private static readonly TextKeys T = new();

    [Description("The company name used in the templates; the company settings' name when left out.")]
    public string? CompanyName { get; set; }

    [Description("Number of employees, 1 to 100000.")]
    public int? CompanySize { get; set; }

    [Description("Departments chosen from the company's own (ids from /api/v1/departments).")]
    public List<int> DepartmentIds { get; set; } = [];

    [Description("Number of departments, used when no department ids are given; 1 to 1000 and at most the company size.")]
    public int? DepartmentCount { get; set; }

    [Description("Share of frontline staff (no desk, no company e-mail at work) in percent, 0 to 100.")]
    public int? FrontlineSharePercent { get; set; }

    [Description("Channels the company has besides meetings: Email, Chat, NoticeBoard; empty for none.")]
    public List<string> Channels { get; set; } = [];

    [Description("Budget per employee per year in the company currency, 0 (nothing but time) to 100000.")]
    public decimal? BudgetPerEmployee { get; set; }

    [Description("Current pain points: Turnover, PoorServiceScores, Silos, LowMorale, NewStrategy, Growth; may be empty.")]
    public List<string> PainPoints { get; set; } = [];

    [Description("First day of the plan (yyyy-mm-dd), from a year ago to two years ahead.")]
    public DateOnly? StartsOn { get; set; }

    public static readonly Channels[] ChannelChoices = [Plan.Channels.Email, Plan.Channels.Chat, Plan.Channels.NoticeBoard];

    public static readonly PainPoints[] PainPointChoices =
    [
        Plan.PainPoints.Turnover, Plan.PainPoints.PoorServiceScores, Plan.PainPoints.Silos,
        Plan.PainPoints.LowMorale, Plan.PainPoints.NewStrategy, Plan.PainPoints.Growth,
    ];

    /// <summary>
    /// Checks the answers. <paramref name="knownDepartmentIds"/> are the company's departments; <paramref name="today"/>
    /// anchors the allowed start dates; <paramref name="defaultCompanyName"/> and <paramref name="currency"/> come from the
    /// company settings. Errors are English localiser keys with their arguments, by field name.
    /// </summary>
    public (PlaybookProfile? Profile, List<PlaybookError> Errors) Validate(
        IReadOnlySet<int> knownDepartmentIds, DateOnly today, string defaultCompanyName, string currency)
    {
        var errors = new List<PlaybookError>();
        var name = string.IsNullOrWhiteSpace(CompanyName) ? defaultCompanyName : CompanyName.Trim();
        if (name.Length > MaxCompanyName)
        {
            errors.Add(new(nameof(CompanyName), T["The company name can have at most {0} characters.", MaxCompanyName]));
        }
        if (CompanySize is not (>= 1 and <= MaxCompanySize))
        {
            errors.Add(new(nameof(CompanySize), T["Enter the number of employees, from 1 to {0}.", MaxCompanySize]));
        }
        var departmentIds = DepartmentIds.Distinct().Order().ToList();
        foreach (var id in departmentIds.Where(id => !knownDepartmentIds.Contains(id)))
        {
            errors.Add(new(nameof(DepartmentIds), T["There is no department with id {0}.", id]));
        }
        if (departmentIds.Count == 0)
        {
            if (DepartmentCount is null)
            {
                errors.Add(new(nameof(DepartmentCount), T["Choose the departments or enter how many there are."]));
            }
            else if (DepartmentCount is < 1 or > MaxDepartments)
            {
                errors.Add(new(nameof(DepartmentCount), T["Enter the number of departments, from 1 to {0}.", MaxDepartments]));
            }
            else if (CompanySize is { } size && DepartmentCount > size)
            {
                errors.Add(new(nameof(DepartmentCount), T["A company of {0} people cannot have more departments than people.", size]));
            }
        }
        if (FrontlineSharePercent is not (>= 0 and <= 100))
        {
            errors.Add(new(nameof(FrontlineSharePercent), T["Enter the share of frontline staff as a percentage from 0 to 100."]));
        }
        var channels = Parse(Channels, ChannelChoices, nameof(Channels),
            v => T["Unknown channel “{0}”: choose from Email, Chat and NoticeBoard (meetings are always assumed).", v], errors);
        if (BudgetPerEmployee is not { } budget || budget < 0 || budget > MaxBudgetPerEmployee)
        {
            errors.Add(new(nameof(BudgetPerEmployee), T["Enter a budget per employee per year from 0 to {0}.", MaxBudgetPerEmployee]));
        }
        else if (decimal.Round(budget, 2) != budget)
        {
            errors.Add(new(nameof(BudgetPerEmployee), T["The budget per employee can have at most two decimals."]));
        }
        var pains = Parse(PainPoints, PainPointChoices, nameof(PainPoints),
            v => T["Unknown pain point “{0}”: choose from Turnover, PoorServiceScores, Silos, LowMorale, NewStrategy and Growth.", v], errors);
        if (StartsOn is not { } start)
        {
            errors.Add(new(nameof(StartsOn), T["Enter the date the plan starts."]));
        }
        else if (start < today.AddYears(-1) || start > today.AddYears(2))
        {
            errors.Add(new(nameof(StartsOn), T["The plan must start between {0} and {1}.", today.AddYears(-1), today.AddYears(2)]));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var profile = new PlaybookProfile(name, CompanySize!.Value, departmentIds,
            departmentIds.Count > 0 ? departmentIds.Count : DepartmentCount!.Value, FrontlineSharePercent!.Value,
            channels, BudgetPerEmployee!.Value, pains, StartsOn!.Value, currency);
        return (profile, errors);
    }

    /// <summary>The answers of a profile, e.g. to store them with the plan or to fill the form again.</summary>
    public static PlaybookAnswers From(PlaybookProfile p) => new()
    {
        CompanyName = p.CompanyName,
        CompanySize = p.CompanySize,
        DepartmentIds = [.. p.DepartmentIds],
        DepartmentCount = p.DepartmentIds.Count > 0 ? null : p.DepartmentCount,
        FrontlineSharePercent = p.FrontlineSharePercent,
        Channels = [.. ChannelChoices.Where(c => p.Channels.HasFlag(c)).Select(c => c.ToString())],
        BudgetPerEmployee = p.BudgetPerEmployee,
        PainPoints = [.. PainPointChoices.Where(c => p.PainPoints.HasFlag(c)).Select(c => c.ToString())],
        StartsOn = p.StartsOn,
    };

    private static TFlag Parse<TFlag>(List<string> values, TFlag[] choices, string field, Func<string, LocalisedText> unknown, List<PlaybookError> errors)
        where TFlag : struct, Enum
    {
        var result = 0;
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var match = choices.Where(c => string.Equals(c.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                errors.Add(new(field, unknown(value.Length > 40 ? value[..40] + "…" : value)));
                continue;
            }
            result |= Convert.ToInt32(match[0], CultureInfo.InvariantCulture);
        }
        return (TFlag)Enum.ToObject(typeof(TFlag), result);
    }
}

/// <summary>A validation error: the field (a <see cref="PlaybookAnswers"/> property) and the message.</summary>
public sealed record PlaybookError(string Field, LocalisedText Message)
{
    /// <summary>The message in English, for the API's problem details.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Message.Key,
        [.. Message.Args.Select(a => a is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : a)]);
}
