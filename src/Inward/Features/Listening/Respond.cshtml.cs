using System.Globalization;
using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}: answer a survey addressed to me (others get 404), save a draft to finish later, submit once. The form carries
/// nothing but the answers: no hidden field or token ties an anonymous submission to a person beyond the session doing it.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class RespondModel(SurveyResponding responding, SurveyResults results, IStringLocalizer<Strings> t) : PageModel
{
    public SurveyForm Form { get; private set; } = null!;
    public SurveyWindow Window { get; private set; }
    public bool Responded { get; private set; }
    public int Threshold { get; private set; }
    public Dictionary<int, AnswerInput> Answers { get; private set; } = [];

    private async Task<bool> LoadAsync(int id, int me, CancellationToken ct)
    {
        if (await responding.FormForAsync(id, me, ct) is not { } form || form.Survey.Status == SurveyStatus.Draft || !await responding.IsMemberAsync(id, me, ct))
        {
            return false;
        }
        Form = form;
        Window = SurveyRules.Window(form.Survey.Status, form.Survey.OpensUtc, form.Survey.ClosesUtc, DateTime.UtcNow);
        Responded = await responding.HasRespondedAsync(id, me, ct);
        Threshold = await results.ThresholdAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (PeopleQueries.EmployeeIdOf(User) is not { } me || !await LoadAsync(id, me, ct))
        {
            return NotFound();
        }
        Answers = (await responding.DraftAsync(id, me, ct)).ToDictionary(a => a.QuestionId);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => SendAsync(id, submit: true, ct);

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => SendAsync(id, submit: false, ct);

    private async Task<IActionResult> SendAsync(int id, bool submit, CancellationToken ct)
    {
        if (PeopleQueries.EmployeeIdOf(User) is not { } me || !await LoadAsync(id, me, ct))
        {
            return NotFound();
        }
        var answers = Read(Form.Questions, Request.Form);
        Answers = answers.ToDictionary(a => a.QuestionId);
        var (outcome, errors) = submit
            ? await responding.SubmitAsync(id, User, me, answers, ct)
            : await responding.SaveDraftAsync(id, me, answers, ct);
        if (outcome == SubmitOutcome.NotFound)
        {
            return NotFound();
        }
        if (outcome != SubmitOutcome.Submitted)
        {
            ModelState.Clear();
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
            }
            Responded = await responding.HasRespondedAsync(id, me, ct);
            return Page();
        }
        TempData["Saved"] = submit ? t["Thank you: your answers are in."].Value : t["Draft saved: you can finish later."].Value;
        return Redirect(submit ? "/surveys" : $"/surveys/{id}");
    }

    /// <summary>
    /// Pure: the posted fields back to answers. "q{id}" carries values, choices or text; ranking uses "q{id}_r{option}" = rank.
    /// Malformed input becomes an out-of-range answer, so the rules report it instead of it being dropped silently.
    /// </summary>
    public static IReadOnlyList<AnswerInput> Read(IReadOnlyList<SurveyQuestion> questions, IFormCollection form)
    {
        var answers = new List<AnswerInput>();
        foreach (var q in questions)
        {
            var name = $"q{q.Id.ToString(CultureInfo.InvariantCulture)}";
            var values = form[name];
            switch (q.Kind)
            {
                case QuestionKind.FreeText:
                    answers.Add(new(q.Id, Text: values.ToString()));
                    break;
                case QuestionKind.MultipleChoice:
                    answers.Add(new(q.Id, Choices: [.. values.Select(v => Number(v) ?? -1)]));
                    break;
                case QuestionKind.Ranking:
                    var options = SurveyRules.Lines(q.Options).Count;
                    var ranks = Enumerable.Range(0, options).Select(i => Number(form[$"{name}_r{i.ToString(CultureInfo.InvariantCulture)}"].ToString())).ToList();
                    if (ranks.All(r => r is null))
                    {
                        answers.Add(new(q.Id));
                    }
                    else if (ranks.All(r => r is not null) && ranks.Select(r => r!.Value).Order().SequenceEqual(Enumerable.Range(1, options)))
                    {
                        answers.Add(new(q.Id, Choices: [.. ranks.Select((r, i) => (r, i)).OrderBy(x => x.r).Select(x => x.i)]));
                    }
                    else
                    {
                        answers.Add(new(q.Id, Choices: [-1]));
                    }
                    break;
                default:
                    var text = values.ToString();
                    answers.Add(string.IsNullOrWhiteSpace(text) ? new(q.Id) : new(q.Id, Value: Number(text) ?? int.MinValue));
                    break;
            }
        }
        return answers;
    }

    private static int? Number(string? s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
