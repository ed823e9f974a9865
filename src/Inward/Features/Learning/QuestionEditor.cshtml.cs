using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

/// <summary>
/// Add a question to a quiz's bank (/learning/manage/courses/{id}/quiz/questions/new) or edit one (…/questions/{questionId}):
/// kind, text, options (or accepted answers) with their correct flags and feedback, and the wrong-answer feedback.
/// </summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class QuestionEditorModel(InwardDbContext db, CourseAuthoring authoring, IStringLocalizer<Strings> t) : PageModel
{
    public const int Rows = 6;

    public sealed class OptionRow
    {
        public string? Text { get; set; }
        public bool Correct { get; set; }
        public string? Feedback { get; set; }
    }

    public sealed class InputModel
    {
        public QuestionKind Kind { get; set; }
        public string Text { get; set; } = "";
        public string? IncorrectFeedback { get; set; }
        public bool TrueIsCorrect { get; set; } = true;
        public List<OptionRow> Options { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Course Course { get; private set; } = null!;
    public int? QuestionId { get; private set; }

    private async Task<(Quiz? Quiz, QuizQuestion? Question, bool Found)> FindAsync(int id, CancellationToken ct)
    {
        QuestionId = int.TryParse(RouteData.Values["questionId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : null;
        var course = await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        var quiz = course is null ? null : await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(z => z.CourseId == id, ct);
        if (quiz is null)
        {
            return (null, null, false);
        }
        Course = course!;
        QuizQuestion? question = null;
        if (QuestionId is { } qid && (question = await db.Set<QuizQuestion>().Include(x => x.Options).SingleOrDefaultAsync(x => x.Id == qid && x.QuizId == quiz.Id, ct)) is null)
        {
            return (quiz, null, false);
        }
        return (quiz, question, true);
    }

    private void PadRows()
    {
        while (Input.Options.Count < Rows)
        {
            Input.Options.Add(new OptionRow());
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (_, question, found) = await FindAsync(id, ct);
        if (!found)
        {
            return NotFound();
        }
        if (question is not null)
        {
            var options = question.Options.OrderBy(o => o.SortOrder).ToList();
            Input = new InputModel
            {
                Kind = question.Kind, Text = question.Text, IncorrectFeedback = question.IncorrectFeedback,
                TrueIsCorrect = question.Kind != QuestionKind.TrueFalse || options.FirstOrDefault()?.IsCorrect == true,
                Options = question.Kind == QuestionKind.TrueFalse ? [] : [.. options.Select(o => new OptionRow { Text = o.Text, Correct = o.IsCorrect, Feedback = o.Feedback })],
            };
        }
        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (quiz, question, found) = await FindAsync(id, ct);
        if (!found)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", t["Choose the kind of question."]);
        }
        var input = new QuestionInput(Input.Kind, Input.Text, Input.IncorrectFeedback,
            [.. Input.Options.Select(o => new OptionInput(o.Text, o.Correct, o.Feedback))], Input.TrueIsCorrect);
        if (ModelState.IsValid)
        {
            foreach (var p in CourseAuthoring.CheckQuestion(input))
            {
                ModelState.AddModelError($"Input.{p.Field}", t[p.Message, p.Arguments]);
            }
        }
        if (!ModelState.IsValid)
        {
            PadRows();
            return Page();
        }
        await authoring.SaveQuestionAsync(quiz!.Id, question, input, ct);
        TempData["Saved"] = t["Question saved."].Value;
        return Redirect($"/learning/manage/courses/{id.ToString(CultureInfo.InvariantCulture)}/quiz");
    }
}
