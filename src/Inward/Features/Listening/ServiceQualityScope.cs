using System.Globalization;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// Which internal service quality items a respondent rates: only those about a department that serves their own
/// department (the one of the launch snapshot) on the internal-customer map as it was at launch.
/// </summary>
public static class ServiceQualityScope
{
    /// <summary>Pure: the questions a respondent served by <paramref name="serving"/> sees (every question that rates no department, too).</summary>
    public static IReadOnlyList<SurveyQuestion> Applicable(IReadOnlyList<SurveyQuestion> questions, IReadOnlySet<int> serving) =>
        [.. questions.Where(q => q.AboutDepartmentId is not { } d || serving.Contains(d))];

    /// <summary>
    /// Pure: an error for every (non-empty) answer to a question about a department that does not serve the respondent,
    /// naming that department, so the refusal says why instead of "no such question".
    /// </summary>
    public static IReadOnlyList<SurveyError> OutOfScope(IReadOnlyList<SurveyQuestion> questions, IReadOnlySet<int> serving,
        IEnumerable<AnswerInput> answers, IReadOnlyDictionary<int, string> departmentNames)
    {
        var byId = questions.ToDictionary(q => q.Id);
        return [.. answers.Where(a => !a.IsEmpty && byId.TryGetValue(a.QuestionId, out var q) && q.AboutDepartmentId is { } d && !serving.Contains(d))
            .Select(a => new SurveyError($"answers[{a.QuestionId.ToString(CultureInfo.InvariantCulture)}]",
                "{0} does not serve your department on the internal-customer map, so you cannot rate it.",
                departmentNames.GetValueOrDefault(byId[a.QuestionId].AboutDepartmentId!.Value, "?")))];
    }

    /// <summary>The questions of a survey a member sees, and errors for answers to the others.</summary>
    public static async Task<(IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<SurveyError> Errors)> NarrowAsync(InwardDbContext db, int surveyId,
        int employeeId, IReadOnlyList<SurveyQuestion> questions, IEnumerable<AnswerInput> answers, CancellationToken ct)
    {
        var about = questions.Select(q => q.AboutDepartmentId).OfType<int>().Distinct().ToList();
        if (about.Count == 0)
        {
            return (questions, []);
        }
        var department = await db.Set<SurveyMember>().AsNoTracking().Where(m => m.SurveyId == surveyId && m.EmployeeId == employeeId)
            .Select(m => m.DepartmentId).SingleOrDefaultAsync(ct);
        var serving = department is { } d
            ? (await ServiceMapSnapshot.LinksAsync(db, surveyId, ct)).Where(l => l.To == d).Select(l => l.From).ToHashSet()
            : [];
        var names = await db.Departments.AsNoTracking().Where(x => about.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return (Applicable(questions, serving), OutOfScope(questions, serving, answers, names));
    }
}
