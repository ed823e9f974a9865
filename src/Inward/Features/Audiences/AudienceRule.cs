using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inward.Features.Audiences;

/// <summary>
/// Who a post, course or survey is for: a person is in the audience when they match at least one include clause and
/// no exclude clause. Stored as JSON by other features (<see cref="ToJson"/>); the shape is versioned and stable.
/// </summary>
public sealed class AudienceRule
{
    public const int CurrentVersion = 1;
    public const int MaxClauses = 20;

    /// <summary>Version of the JSON shape, for readers of stored rules.</summary>
    public int Version { get; set; } = CurrentVersion;
    public List<AudienceClause> Include { get; set => field = value ?? []; } = [];
    public List<AudienceClause> Exclude { get; set => field = value ?? []; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>Everyone internal: one include clause "everyone".</summary>
    public static AudienceRule EveryoneInternal() => new() { Include = [new AudienceClause { Everyone = true }] };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored rule; null for empty text. Throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static AudienceRule? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<AudienceRule>(json, Json);
}

/// <summary>
/// One clause: every criterion given must hold (AND); the values of one criterion are alternatives (OR).
/// A clause with no criterion selects nobody (the editor ignores such blank clauses; validation rejects them).
/// </summary>
public sealed class AudienceClause
{
    /// <summary>Every internal person (employees). Never reaches partner users.</summary>
    public bool Everyone { get; set; }
    public List<DepartmentChoice> Departments { get; set => field = value ?? []; } = [];
    public List<int> Locations { get; set => field = value ?? []; } = [];
    public List<int> JobRoles { get; set => field = value ?? []; } = [];
    public List<int> Groups { get; set => field = value ?? []; } = [];
    /// <summary>Hired at most this many days ago (today counts as day 0).</summary>
    public int? HiredWithinDays { get; set; }
    /// <summary>Hired strictly more than this many days ago.</summary>
    public int? HiredMoreThanDays { get; set; }
    /// <summary>true: frontline only; false: desk only; null: either.</summary>
    public bool? Frontline { get; set; }
    /// <summary>
    /// The level: true reaches people who manage others (at least one active direct report), false those who manage
    /// nobody; null: either. Lets training and messages go to managers and team leads without listing job roles.
    /// </summary>
    public bool? ManagesOthers { get; set; }
    /// <summary>Language codes such as "en", "pl" (case-insensitive; "en" also matches "en-GB").</summary>
    public List<string> Languages { get; set => field = value ?? []; } = [];
    /// <summary>Partner organisations whose users are reached. The only way to reach partner users.</summary>
    public List<int> PartnerOrganisations { get; set => field = value ?? []; } = [];

    [JsonIgnore]
    public bool IsBlank => !Everyone && Departments.Count == 0 && Locations.Count == 0 && JobRoles.Count == 0 && Groups.Count == 0
        && HiredWithinDays is null && HiredMoreThanDays is null && Frontline is null && ManagesOthers is null && Languages.Count == 0
        && PartnerOrganisations.Count == 0;

    [JsonIgnore]
    public bool HasEmployeeCriteria => Departments.Count > 0 || Locations.Count > 0 || JobRoles.Count > 0 || Groups.Count > 0
        || HiredWithinDays is not null || HiredMoreThanDays is not null || Frontline is not null || ManagesOthers is not null || Languages.Count > 0;
}

/// <summary>A department of a clause, with or without its sub-departments.</summary>
public sealed class DepartmentChoice
{
    public int Id { get; set; }
    public bool IncludeSubDepartments { get; set; } = true;

    public DepartmentChoice() { }

    public DepartmentChoice(int id, bool includeSubDepartments)
    {
        Id = id;
        IncludeSubDepartments = includeSubDepartments;
    }
}
