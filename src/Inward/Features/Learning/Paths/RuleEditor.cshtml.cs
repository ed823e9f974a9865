using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.Learning.Assignments;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning.Paths;

/// <summary>
/// Create or change an assignment rule: which course or path, for whom (the audience editor, with its live count) and
/// when it is due. Saving queues an evaluation, so the people reached are assigned within a poll (ManageLearning).
/// </summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class RuleEditorModel(LearningPaths paths, AudienceForms forms, AudienceResolver resolver, IStringLocalizer<Strings> t) : PageModel
{
    public int? Id { get; private set; }
    [BindProperty] public string? Title { get; set; }
    /// <summary>"c:12" for a course, "p:3" for a path.</summary>
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public DueBasis DueBasis { get; set; } = DueBasis.AfterAssignment;
    [BindProperty] public string? DueDays { get; set; } = "30";
    [BindProperty] public bool IsActive { get; set; } = true;
    public AudienceEditorModel Editor { get; private set; } = new();
    public IReadOnlyList<(string Value, string Label)> Targets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int? id, int? course, int? path, CancellationToken ct)
    {
        AudienceRule? audience = null;
        if (id is { } existing)
        {
            var found = await paths.RulesAsync(ct, existing);
            if (found.Count == 0)
            {
                return NotFound();
            }
            var rule = found[0];
            Id = existing;
            (Title, DueBasis, IsActive) = (rule.Title, rule.DueBasis, rule.IsActive);
            DueDays = rule.DueDays?.ToString(CultureInfo.InvariantCulture) ?? "";
            Target = rule.CourseId is { } c ? "c:" + Text(c) : "p:" + Text(rule.PathId ?? 0);
            audience = AssignmentEvaluator.ParseOrNull(rule.AudienceJson);
        }
        else if (course is { } c)
        {
            Target = "c:" + Text(c);
        }
        else if (path is { } p)
        {
            Target = "p:" + Text(p);
        }
        await LoadAsync(audience, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int? id, CancellationToken ct)
    {
        if (id is { } existing && (await paths.RulesAsync(ct, existing)).Count == 0)
        {
            return NotFound();
        }
        Id = id;
        var audience = await forms.BindAsync(Request.Form, AudienceForms.DefaultPrefix, ModelState, ct);
        if (AudienceForms.IsCountRequest(Request.Form))
        {
            var count = ModelState.IsValid ? await resolver.CountAsync(audience, ct) : (int?)null;
            await LoadAsync(audience, count, ct);
            return Page();
        }
        int? days = null;
        if (!string.IsNullOrWhiteSpace(DueDays))
        {
            if (int.TryParse(DueDays.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            {
                days = d;
            }
            else
            {
                ModelState.AddModelError(nameof(DueDays), t["Enter a whole number of days."]);
            }
        }
        var (courseId, pathId) = ParseTarget(Target);
        var input = new RuleInput(Title, courseId, pathId, audience, DueBasis, days, IsActive);
        // The audience was validated while binding; the rest here.
        foreach (var e in (await paths.ValidateAsync(input, ct)).Where(e => !e.Field.StartsWith("Audience", StringComparison.Ordinal)))
        {
            ModelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(audience, null, ct);
            return Page();
        }
        if (id is { } ruleId)
        {
            await paths.UpdateAsync(ruleId, input, ct);
        }
        else
        {
            await paths.CreateAsync(input, ct);
        }
        TempData["Saved"] = t["The assignment rule is saved. People it reaches are assigned within a minute."].Value;
        return Redirect("/learning/paths");
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] int? id, CancellationToken ct)
    {
        if (id is not { } ruleId || !await paths.DeleteRuleAsync(ruleId, ct))
        {
            return NotFound();
        }
        TempData["Saved"] = t["The assignment rule is deleted; its open assignments are cancelled."].Value;
        return Redirect("/learning/paths");
    }

    public static (int? CourseId, int? PathId) ParseTarget(string? target)
    {
        if (target is { Length: > 2 } && int.TryParse(target.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return target[..2] switch { "c:" => (id, null), "p:" => (null, id), _ => (null, null) };
        }
        return (null, null);
    }

    private async Task LoadAsync(AudienceRule? audience, int? count, CancellationToken ct)
    {
        Editor = await forms.EditorAsync(AudienceForms.DefaultPrefix, audience, count, ct);
        var courses = await paths.CoursesAsync(ct);
        var all = await paths.PathsAsync(ct);
        Targets = [.. courses.Select(c => ("c:" + Text(c.Id), t["Course"].Value + ": " + c.Title)),
            .. all.Select(p => ("p:" + Text(p.Id), t["Path"].Value + ": " + p.Title))];
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
