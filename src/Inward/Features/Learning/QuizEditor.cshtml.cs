using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

/// <summary>/learning/manage/courses/{id}/quiz: the quiz's pass mark, attempt limit and draw count, and its question bank.</summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class QuizEditorModel(InwardDbContext db, CourseAuthoring authoring, IStringLocalizer<Strings> t) : PageModel
{
    public sealed class InputModel
    {
        public int PassMarkPercent { get; set; } = 80;
        public int? MaxAttempts { get; set; } = 3;
        public int? DrawCount { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Course Course { get; private set; } = null!;
    public Quiz? Quiz { get; private set; }
    public IReadOnlyList<QuizQuestion> Questions { get; private set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } course)
        {
            return false;
        }
        Course = course;
        Quiz = await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == id, ct);
        Questions = Quiz is null ? [] : await db.Set<QuizQuestion>().AsNoTracking().Include(q => q.Options).Where(q => q.QuizId == Quiz.Id)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Quiz is { } q)
        {
            Input = new InputModel { PassMarkPercent = q.PassMarkPercent, MaxAttempts = q.MaxAttempts, DrawCount = q.DrawCount };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var input = new QuizInput(Input.PassMarkPercent, Input.MaxAttempts, Input.DrawCount);
        foreach (var p in await authoring.CheckQuizAsync(Quiz?.Id, input, ct))
        {
            ModelState.AddModelError($"Input.{p.Field}", t[p.Message, p.Arguments]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await authoring.SaveQuizAsync(id, input, ct);
        TempData["Saved"] = t["Quiz saved."].Value;
        return Redirect($"/learning/manage/courses/{id.ToString(CultureInfo.InvariantCulture)}/quiz");
    }

    public async Task<IActionResult> OnPostDeleteQuestionAsync(int id, int questionId, CancellationToken ct)
    {
        var question = await (from q in db.Set<QuizQuestion>()
                              join z in db.Set<Quiz>() on q.QuizId equals z.Id
                              where q.Id == questionId && z.CourseId == id
                              select q).SingleOrDefaultAsync(ct);
        if (question is null)
        {
            return NotFound();
        }
        db.Remove(question);
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = t["Question deleted."].Value;
        return Redirect($"/learning/manage/courses/{id.ToString(CultureInfo.InvariantCulture)}/quiz");
    }

    public async Task<IActionResult> OnPostDeleteQuizAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Quiz>().SingleOrDefaultAsync(q => q.CourseId == id, ct) is not { } quiz)
        {
            return NotFound();
        }
        db.Remove(quiz);
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = t["Quiz removed."].Value;
        return Redirect($"/learning/manage/courses/{id.ToString(CultureInfo.InvariantCulture)}");
    }
}
