using System.Globalization;
using Inward.Features.Audiences;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}/edit (ManageSurveys): settings, audience, sections and questions while the survey is a draft; launch it;
/// close it once open. Every change is refused with a message when it does not fit the survey's state; nothing is saved half.
/// </summary>
[RequireCapability(Capability.ManageSurveys)]
public sealed class EditSurveyModel(SurveyAuthoring authoring, SurveyResponding responding, AudienceForms forms, AudienceResolver resolver,
    IStringLocalizer<Strings> t) : PageModel
{
    public const string Prefix = "Audience";

    public sealed class SettingsInput
    {
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public string OpensOn { get; set; } = "";
        public string ClosesOn { get; set; } = "";
    }

    public sealed class QuestionForm
    {
        public string Kind { get; set; } = nameof(QuestionKind.Likert5);
        public string Text { get; set; } = "";
        public string TextAr { get; set; } = "";
        public string TextPl { get; set; } = "";
        public string Dimension { get; set; } = "";
        public bool Reverse { get; set; }
        public bool Required { get; set; } = true;
        public string Options { get; set; } = "";
        public string OptionsAr { get; set; } = "";
        public string OptionsPl { get; set; } = "";
        public int? Section { get; set; }
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();
    [BindProperty] public QuestionForm Question { get; set; } = new();
    public SurveyForm Form { get; private set; } = null!;
    public AudienceEditorModel Editor { get; private set; } = new();

    private async Task<bool> LoadAsync(int id, bool fillInput, AudienceRule? rule, CancellationToken ct)
    {
        if (await responding.FormAsync(id, ct) is not { } form)
        {
            return false;
        }
        Form = form;
        if (fillInput)
        {
            Input = new SettingsInput
            {
                Title = form.Survey.Title, Description = form.Survey.Description,
                OpensOn = form.Survey.OpensUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ClosesOn = form.Survey.ClosesUtc?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            };
        }
        Editor = await forms.EditorAsync(Prefix, rule ?? AudienceRule.FromJson(form.Survey.AudienceJson), ct: ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, true, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var rule = await forms.BindAsync(Request.Form, Prefix, ModelState, ct);
        if (!await LoadAsync(id, false, rule, ct))
        {
            return NotFound();
        }
        if (AudienceForms.IsCountRequest(Request.Form))
        {
            Editor = await forms.EditorAsync(Prefix, rule, ModelState.IsValid ? await resolver.CountAsync(rule, ct) : null, ct);
            return Page();
        }
        var opens = Day(Input.OpensOn, "Input.OpensOn");
        var closes = Day(Input.ClosesOn, "Input.ClosesOn")?.AddDays(1);
        var definition = new SurveyDefinition(Input.Title ?? "", Input.Description ?? "", Form.Survey.IsAnonymous, rule, opens, closes, null);
        AddErrors(await authoring.CheckAsync(definition, ct));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await Done(await authoring.UpdateAsync(id, definition, ct), id, t["Survey saved."]);
    }

    public async Task<IActionResult> OnPostAddSectionAsync(int id, string? sectionTitle, CancellationToken ct)
    {
        var title = sectionTitle?.Trim() ?? "";
        if (title.Length is 0 or > SurveySection.TitleMax)
        {
            return await Refuse(id, t["Give the section a title (at most {0} characters).", SurveySection.TitleMax], ct);
        }
        return await Done(await authoring.AddSectionAsync(id, title, ct), id, t["Section added."]);
    }

    public async Task<IActionResult> OnPostAddQuestionAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!Enum.TryParse<QuestionKind>(Question.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Question.Kind, out _))
        {
            return await Refuse(id, t["Choose the kind of question."], ct);
        }
        var input = new QuestionInput(kind, Question.Text ?? "", Question.TextAr, Question.TextPl, Question.Dimension, Question.Reverse, Question.Required,
            SurveyRules.Lines(Question.Options), SurveyRules.Lines(Question.OptionsAr), SurveyRules.Lines(Question.OptionsPl));
        var errors = SurveyRules.CheckQuestion(input, "Question");
        if (errors.Count > 0)
        {
            if (!await LoadAsync(id, true, null, ct))
            {
                return NotFound();
            }
            AddErrors(errors);
            return Page();
        }
        var change = await authoring.AddQuestionAsync(id, Question.Section, input, ct);
        return change == SurveyChange.Invalid ? await Refuse(id, t["That section is not part of this survey."], ct) : await Done(change, id, t["Question added."]);
    }

    public async Task<IActionResult> OnPostDeleteQuestionAsync(int id, int question, CancellationToken ct) =>
        await Done(await authoring.DeleteQuestionAsync(id, question, ct), id, t["Question removed."]);

    public async Task<IActionResult> OnPostLaunchAsync(int id, CancellationToken ct)
    {
        var (change, errors) = await authoring.LaunchAsync(id, ct);
        if (change == SurveyChange.Invalid)
        {
            if (!await LoadAsync(id, true, null, ct))
            {
                return NotFound();
            }
            AddErrors(errors);
            return Page();
        }
        return await Done(change, id, t["The survey is open: the people in its audience can answer now."]);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await authoring.CloseAsync(id, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => await Refuse(id, t["Only an open survey can be closed."], ct),
            _ => Saved(id, t["The survey is closed."]),
        };

    private async Task<IActionResult> Done(SurveyChange change, int id, string message) => change switch
    {
        SurveyChange.NotFound => NotFound(),
        SurveyChange.NotDraft => await Refuse(id, t["A launched survey cannot be changed."], HttpContext.RequestAborted),
        _ => Saved(id, message),
    };

    private RedirectResult Saved(int id, string message)
    {
        TempData["Saved"] = message;
        return Redirect($"/surveys/{id}/edit");
    }

    private async Task<IActionResult> Refuse(int id, string message, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, true, null, ct))
        {
            return NotFound();
        }
        ModelState.AddModelError("", message);
        return Page();
    }

    private void AddErrors(IEnumerable<SurveyError> errors)
    {
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
        }
    }

    private DateTime? Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        ModelState.AddModelError(field, t["Enter a date as YYYY-MM-DD."]);
        return null;
    }
}
