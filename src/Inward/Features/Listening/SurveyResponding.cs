using System.Security.Claims;
using System.Text.Json;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>A survey in someone's list: whether it takes answers now, and whether they answered or saved a draft.</summary>
public sealed record MySurvey(int Id, string Title, bool IsAnonymous, SurveyWindow Window, DateTime? ClosesUtc, bool Responded, bool HasDraft);

/// <summary>A survey with its sections and questions in order.</summary>
public sealed record SurveyForm(Survey Survey, IReadOnlyList<SurveySection> Sections, IReadOnlyList<SurveyQuestion> Questions);

public enum SubmitOutcome
{
    Submitted,
    /// <summary>Unknown survey, or the person is not in its audience.</summary>
    NotFound,
    NotOpen,
    AlreadyAnswered,
    Invalid,
}

/// <summary>
/// The respondent's side: my surveys, drafts, and submission. An anonymous submission writes the response without any
/// trace of the person (no user, no time, random key) and, in the same transaction, the separate "has responded" row and
/// the removal of the draft; a named one also stores who answered and when.
/// </summary>
public sealed class SurveyResponding(InwardDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<SurveyForm?> FormAsync(int id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }
        var sections = await db.Set<SurveySection>().AsNoTracking().Where(s => s.SurveyId == id).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        var questions = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == id).ToListAsync(ct);
        var sectionOrder = sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new(survey, sections, [.. questions.OrderBy(q => q.SectionId is { } s ? sectionOrder.GetValueOrDefault(s) : -1).ThenBy(q => q.Order).ThenBy(q => q.Id)]);
    }

    /// <summary>The form as one member sees it: internal service quality items only about the departments that serve theirs.</summary>
    public async Task<SurveyForm?> FormForAsync(int id, int employeeId, CancellationToken ct)
    {
        if (await FormAsync(id, ct) is not { } form)
        {
            return null;
        }
        var (questions, _) = await ServiceQualityScope.NarrowAsync(db, id, employeeId, form.Questions, [], ct);
        return form with { Questions = questions };
    }

    /// <summary>Launched surveys whose frozen audience holds the person, open ones first.</summary>
    public async Task<IReadOnlyList<MySurvey>> MineAsync(int employeeId, CancellationToken ct)
    {
        var rows = await (from m in db.Set<SurveyMember>().AsNoTracking()
                          join s in db.Set<Survey>().AsNoTracking() on m.SurveyId equals s.Id
                          where m.EmployeeId == employeeId && s.Status != SurveyStatus.Draft
                          select new
                          {
                              s.Id, s.Title, s.IsAnonymous, s.Status, s.OpensUtc, s.ClosesUtc,
                              Responded = db.Set<SurveyParticipation>().Any(p => p.SurveyId == s.Id && p.EmployeeId == employeeId),
                              HasDraft = db.Set<SurveyDraft>().Any(d => d.SurveyId == s.Id && d.EmployeeId == employeeId),
                          }).ToListAsync(ct);
        var now = Now;
        return [.. rows.Select(r => new MySurvey(r.Id, r.Title, r.IsAnonymous, SurveyRules.Window(r.Status, r.OpensUtc, r.ClosesUtc, now), r.ClosesUtc, r.Responded, r.HasDraft))
            .OrderBy(s => s.Window == SurveyWindow.Open && !s.Responded ? 0 : 1).ThenByDescending(s => s.Id)];
    }

    public Task<bool> IsMemberAsync(int surveyId, int employeeId, CancellationToken ct) =>
        db.Set<SurveyMember>().AnyAsync(m => m.SurveyId == surveyId && m.EmployeeId == employeeId, ct);

    public Task<bool> HasRespondedAsync(int surveyId, int employeeId, CancellationToken ct) =>
        db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == surveyId && p.EmployeeId == employeeId, ct);

    public async Task<IReadOnlyList<AnswerInput>> DraftAsync(int surveyId, int employeeId, CancellationToken ct)
    {
        var json = await db.Set<SurveyDraft>().AsNoTracking().Where(d => d.SurveyId == surveyId && d.EmployeeId == employeeId)
            .Select(d => d.AnswersJson).SingleOrDefaultAsync(ct);
        return json is null ? [] : JsonSerializer.Deserialize<SurveyAnswers>(json, Json)?.Answers ?? [];
    }

    /// <summary>Saves answers to finish later: values are checked, required questions are not.</summary>
    public async Task<(SubmitOutcome Outcome, IReadOnlyList<SurveyError> Errors)> SaveDraftAsync(int surveyId, int employeeId,
        IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        var (outcome, form, errors) = await PrepareAsync(surveyId, employeeId, answers, complete: false, ct);
        if (outcome != SubmitOutcome.Submitted)
        {
            return (outcome, errors);
        }
        var json = JsonSerializer.Serialize(new SurveyAnswers(form!), Json);
        var draft = await db.Set<SurveyDraft>().SingleOrDefaultAsync(d => d.SurveyId == surveyId && d.EmployeeId == employeeId, ct);
        if (draft is null)
        {
            db.Add(new SurveyDraft { SurveyId = surveyId, EmployeeId = employeeId, AnswersJson = json });
        }
        else
        {
            draft.AnswersJson = json;
        }
        await db.SaveChangesAsync(ct);
        return (SubmitOutcome.Submitted, []);
    }

    /// <summary>Submits: all or nothing. A second submission (even a concurrent one) is refused by the participation key.</summary>
    public async Task<(SubmitOutcome Outcome, IReadOnlyList<SurveyError> Errors)> SubmitAsync(int surveyId, ClaimsPrincipal user, int employeeId,
        IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        var (outcome, kept, errors) = await PrepareAsync(surveyId, employeeId, answers, complete: true, ct);
        if (outcome != SubmitOutcome.Submitted)
        {
            return (outcome, errors);
        }
        var survey = await db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == surveyId, ct);
        var member = await db.Set<SurveyMember>().AsNoTracking().SingleAsync(m => m.SurveyId == surveyId && m.EmployeeId == employeeId, ct);
        var response = new SurveyResponse
        {
            Id = Guid.NewGuid(), SurveyId = surveyId, DepartmentId = member.DepartmentId, LocationId = member.LocationId, TenureBand = member.TenureBand,
            // Written in the same transaction as the participation row, so it shares its xmin until re-written in a batch (ADR 0018).
            Pending = survey.IsAnonymous,
        };
        if (!survey.IsAnonymous)
        {
            response.UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            response.EmployeeId = employeeId;
            response.SubmittedUtc = Now;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(new SurveyParticipation { SurveyId = surveyId, EmployeeId = employeeId });
            db.Add(response);
            db.AddRange(kept!.Select(a => new SurveyAnswer
            {
                ResponseId = response.Id, QuestionId = a.QuestionId, Value = a.Value,
                Choices = a.Choices is { Count: > 0 } c ? SurveyRules.FormatChoices(c) : null, Text = string.IsNullOrEmpty(a.Text) ? null : a.Text,
            }));
            await db.SaveChangesAsync(ct);
            await db.Set<SurveyDraft>().Where(d => d.SurveyId == surveyId && d.EmployeeId == employeeId).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (SubmitOutcome.AlreadyAnswered, [new("survey", "You have already answered this survey.")]);
        }
        return (SubmitOutcome.Submitted, []);
    }

    private async Task<(SubmitOutcome, IReadOnlyList<AnswerInput>?, IReadOnlyList<SurveyError>)> PrepareAsync(int surveyId, int employeeId,
        IReadOnlyList<AnswerInput> answers, bool complete, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null || !await IsMemberAsync(surveyId, employeeId, ct))
        {
            return (SubmitOutcome.NotFound, null, [new("survey", "No survey with this id is addressed to you.")]);
        }
        var window = SurveyRules.Window(survey.Status, survey.OpensUtc, survey.ClosesUtc, Now);
        if (window != SurveyWindow.Open)
        {
            return (SubmitOutcome.NotOpen, null, [window == SurveyWindow.NotYetOpen
                ? new SurveyError("survey", "This survey does not take answers yet.")
                : new SurveyError("survey", "This survey is closed: it no longer takes answers.")]);
        }
        if (await HasRespondedAsync(surveyId, employeeId, ct))
        {
            return (SubmitOutcome.AlreadyAnswered, null, [new("survey", "You have already answered this survey.")]);
        }
        var all = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == surveyId).ToListAsync(ct);
        var (questions, outside) = await ServiceQualityScope.NarrowAsync(db, surveyId, employeeId, all, answers, ct);
        if (outside.Count > 0)
        {
            return (SubmitOutcome.Invalid, null, outside);
        }
        var (kept, errors) = SurveyRules.Check(questions, answers, complete);
        return errors.Count > 0 ? (SubmitOutcome.Invalid, null, errors) : (SubmitOutcome.Submitted, kept, []);
    }
}
