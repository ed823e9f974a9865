using System.Globalization;
using System.Text.RegularExpressions;
using Inward.Features.People;
using Inward.Platform.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Audiences;

/// <summary>One choice of a select in the audience editor.</summary>
public sealed record AudienceOption(string Value, string Label);

/// <summary>
/// What the partial /Features/Audiences/_AudienceEditor.cshtml renders: the rule's clauses (plus one blank include and
/// one blank exclude clause for adding more without JavaScript), the choices, and the count when known.
/// Field names are "{Prefix}.Include[i].Departments" etc.; <see cref="AudienceForms.BindAsync"/> reads them back.
/// </summary>
public sealed class AudienceEditorModel
{
    public string Prefix { get; init; } = AudienceForms.DefaultPrefix;
    public AudienceRule Rule { get; init; } = new();
    public IReadOnlyList<AudienceOption> Departments { get; init; } = [];
    public IReadOnlyList<AudienceOption> Locations { get; init; } = [];
    public IReadOnlyList<AudienceOption> JobRoles { get; init; } = [];
    public IReadOnlyList<AudienceOption> Groups { get; init; } = [];
    public IReadOnlyList<AudienceOption> PartnerOrganisations { get; init; } = [];
    public IReadOnlyList<AudienceOption> Languages { get; init; } = [];
    /// <summary>People reached, when counted (shown in the live region).</summary>
    public int? Count { get; set; }
    /// <summary>Where the script posts the fields for a live count (a Razor Page handler: antiforgery is checked).</summary>
    public string CountUrl { get; init; } = "/audiences/preview?handler=Count";

    public IReadOnlyList<AudienceClause> IncludeClauses => [.. Rule.Include.Where(c => !c.IsBlank), new AudienceClause()];
    public IReadOnlyList<AudienceClause> ExcludeClauses => [.. Rule.Exclude.Where(c => !c.IsBlank), new AudienceClause()];

    public AudienceClauseView View(AudienceClause clause, string kind, int index) => new(this, clause, kind, index);

    public string Name(string kind, int index, string field) => $"{Prefix}.{kind}[{index.ToString(CultureInfo.InvariantCulture)}].{field}";
    public string Id(string kind, int index, string field) => $"{Prefix}_{kind}_{index.ToString(CultureInfo.InvariantCulture)}_{field}";
}

/// <summary>One clause as the partial _AudienceClause.cshtml renders it.</summary>
public sealed record AudienceClauseView(AudienceEditorModel Editor, AudienceClause Clause, string Kind, int Index);

/// <summary>Builds the editor model and binds posted editor fields into an <see cref="AudienceRule"/> with model errors.</summary>
public sealed partial class AudienceForms(InwardDbContext db, AudienceResolver resolver, IStringLocalizer<Strings> t)
{
    public const string DefaultPrefix = "Audience";
    /// <summary>Name and value of the editor's "Count" submit button (the count without JavaScript).</summary>
    public const string ActionField = "audienceAction";
    public const string CountAction = "count";
    /// <summary>Field the script adds to tell the count handler which prefix the editor uses.</summary>
    public const string PrefixField = "audiencePrefix";

    public static bool IsCountRequest(IFormCollection form) =>
        string.Equals(form[ActionField].ToString(), CountAction, StringComparison.Ordinal);

    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix);

    public async Task<AudienceEditorModel> EditorAsync(string prefix, AudienceRule? rule, int? count = null, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.ParentId }).ToListAsync(ct);
        var ordered = new List<AudienceOption>();
        void Walk(int? parent, int depth)
        {
            foreach (var d in departments.Where(x => x.ParentId == parent).OrderBy(x => x.Name, StringComparer.CurrentCulture))
            {
                if (depth > departments.Count || ordered.Any(o => o.Value == Text(d.Id)))
                {
                    continue;
                }
                ordered.Add(new(Text(d.Id), new string('\u2003', depth) + d.Name));
                Walk(d.Id, depth + 1);
            }
        }
        Walk(null, 0);
        var languages = (await db.Employees.AsNoTracking().Where(e => e.IsActive).Select(e => e.Language).Distinct().ToListAsync(ct))
            .Select(l => l.Trim().ToLowerInvariant()).Concat(["en", "ar", "pl"]).Concat(rule?.Include.Concat(rule.Exclude).SelectMany(c => c.Languages) ?? [])
            .Where(l => l.Length > 0).Select(l => l.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)
            .Select(l => new AudienceOption(l, LanguageLabel(l))).ToList();
        return new AudienceEditorModel
        {
            Prefix = prefix,
            Rule = rule ?? new AudienceRule(),
            Count = count,
            Departments = ordered,
            Locations = (await db.Locations.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct)).Select(x => new AudienceOption(Text(x.Id), x.Name)).ToList(),
            JobRoles = (await db.JobRoles.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(x => new AudienceOption(Text(x.Id), x.Name)).ToList(),
            Groups = (await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct)).Select(x => new AudienceOption(Text(x.Id), x.Name)).ToList(),
            PartnerOrganisations = (await db.PartnerOrganisations.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(x => new AudienceOption(Text(x.Id), x.Name)).ToList(),
            Languages = languages,
        };
    }

    /// <summary>
    /// Reads the editor's fields (blank clauses are skipped), validates the rule against the ids that exist, and adds
    /// every problem to <paramref name="modelState"/> under the field it concerns. Returns the rule as posted.
    /// </summary>
    public async Task<AudienceRule> BindAsync(IFormCollection form, string prefix, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        var (rule, parseErrors, includeIndexes, excludeIndexes) = Parse(form, prefix);
        foreach (var e in parseErrors)
        {
            modelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
        }
        if (parseErrors.Count > 0)
        {
            return rule;
        }
        foreach (var e in await resolver.ValidateAsync(rule, ct))
        {
            modelState.AddModelError(FormField(e.Field, prefix, includeIndexes, excludeIndexes), t[e.Message, e.Arguments]);
        }
        return rule;
    }

    /// <summary>The pure part of binding: fields → rule, with errors for values that are not numbers.</summary>
    public static (AudienceRule Rule, List<AudienceError> Errors, List<int> IncludeIndexes, List<int> ExcludeIndexes) Parse(IFormCollection form, string prefix)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<AudienceError>();
        var rule = new AudienceRule();
        var include = new List<int>();
        var exclude = new List<int>();
        foreach (var (kind, target, indexes) in new[] { ("Include", rule.Include, include), ("Exclude", rule.Exclude, exclude) })
        {
            var start = $"{prefix}.{kind}[";
            var found = form.Keys.Where(k => k.StartsWith(start, StringComparison.Ordinal))
                .Select(k => k[start.Length..].Split(']')[0])
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
                .Where(i => i >= 0 && i < AudienceRule.MaxClauses * 2).Distinct().Order().ToList();
            foreach (var i in found)
            {
                var clause = ParseClause(form, $"{start}{i.ToString(CultureInfo.InvariantCulture)}].", errors);
                if (!clause.IsBlank)
                {
                    target.Add(clause);
                    indexes.Add(i);
                }
            }
        }
        return (rule, errors, include, exclude);
    }

    private static AudienceClause ParseClause(IFormCollection form, string p, List<AudienceError> errors)
    {
        var frontline = form[p + "Frontline"].ToString();
        var level = form[p + "ManagesOthers"].ToString();
        var clause = new AudienceClause
        {
            Everyone = form[p + "Everyone"].Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)),
            Departments = [.. Ids(form, p + "Departments", errors).Select(id => new DepartmentChoice(id, true)),
                .. Ids(form, p + "DepartmentsOnly", errors).Select(id => new DepartmentChoice(id, false))],
            Locations = Ids(form, p + "Locations", errors),
            JobRoles = Ids(form, p + "JobRoles", errors),
            Groups = Ids(form, p + "Groups", errors),
            PartnerOrganisations = Ids(form, p + "PartnerOrganisations", errors),
            HiredWithinDays = Days(form, p + "HiredWithinDays", errors),
            HiredMoreThanDays = Days(form, p + "HiredMoreThanDays", errors),
            Frontline = frontline switch { "frontline" => true, "desk" => false, _ => null },
            ManagesOthers = level switch { "managers" => true, "others" => false, _ => null },
            Languages = [.. form[p + "Languages"].Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
        // The same department chosen both with and without sub-departments: the wider choice wins.
        clause.Departments = [.. clause.Departments.GroupBy(d => d.Id).Select(g => g.OrderByDescending(d => d.IncludeSubDepartments).First())];
        return clause;
    }

    private static List<int> Ids(IFormCollection form, string field, List<AudienceError> errors)
    {
        var ids = new List<int>();
        foreach (var value in form[field])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(new(field, "Choose from the list."));
                break;
            }
        }
        return [.. ids.Distinct()];
    }

    private static int? Days(IFormCollection form, string field, List<AudienceError> errors)
    {
        var value = form[field].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
        {
            return days;
        }
        errors.Add(new(field, "Enter a whole number of days."));
        return null;
    }

    /// <summary>"Include[1].Groups" of the bound rule → the posted field (blank clauses were skipped, so indexes shift).</summary>
    private static string FormField(string field, string prefix, List<int> include, List<int> exclude)
    {
        if (field.Length == 0)
        {
            return prefix;
        }
        var match = FieldPattern().Match(field);
        if (!match.Success)
        {
            return $"{prefix}.{field}";
        }
        var list = match.Groups[1].Value == "Include" ? include : exclude;
        var index = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var formIndex = index < list.Count ? list[index] : index;
        return $"{prefix}.{match.Groups[1].Value}[{formIndex.ToString(CultureInfo.InvariantCulture)}]{match.Groups[3].Value}";
    }

    private static string LanguageLabel(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return string.IsNullOrEmpty(culture.NativeName) || string.Equals(culture.NativeName, code, StringComparison.OrdinalIgnoreCase)
                ? code : $"{culture.NativeName} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^(Include|Exclude)\[(\d+)\](.*)$")]
    private static partial Regex FieldPattern();
}
