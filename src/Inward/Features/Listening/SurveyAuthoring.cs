using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>A section as authored, with its questions.</summary>
public sealed record SectionInput(string Title, string? TitleAr, string? TitlePl, IReadOnlyList<QuestionInput> Questions);

/// <summary>A survey as authored. <see cref="Sections"/> null on an update keeps the questions as they are.</summary>
public sealed record SurveyDefinition(string Title, string Description, bool IsAnonymous, AudienceRule Audience, DateTime? OpensUtc, DateTime? ClosesUtc,
    IReadOnlyList<SectionInput>? Sections);

public enum SurveyChange
{
    Done,
    NotFound,
    /// <summary>Questions and settings can change only while the survey is a draft.</summary>
    NotDraft,
    Invalid,
}

/// <summary>HR's side of surveys: create (blank or from a template), edit while a draft, launch (freezing the audience), close.</summary>
public sealed class SurveyAuthoring(InwardDbContext db, AudienceResolver audiences, Panel.PanelSurveys panel, AnonymousBatches batches, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The sections of a template, ready to store.</summary>
    public static IReadOnlyList<SectionInput> SectionsOf(SurveyTemplate template) =>
        [.. template.Sections.Select(s => new SectionInput(s.Title, s.TitleAr, s.TitlePl, s.Questions))];

    /// <summary>Checks a definition; the anonymity choice is checked by the caller (it cannot change after creation).</summary>
    public async Task<IReadOnlyList<SurveyError>> CheckAsync(SurveyDefinition d, CancellationToken ct)
    {
        var errors = new List<SurveyError>();
        var title = d.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new("title", "Give the survey a title."));
        }
        else if (title.Length > Survey.TitleMax)
        {
            errors.Add(new("title", "The title is too long (at most {0} characters).", Survey.TitleMax));
        }
        if ((d.Description ?? "").Length > Survey.DescriptionMax)
        {
            errors.Add(new("description", "The description is too long (at most {0} characters).", Survey.DescriptionMax));
        }
        if (d.OpensUtc is { } o && d.ClosesUtc is { } c && c <= o)
        {
            errors.Add(new("closesOn", "The survey must close after it opens."));
        }
        errors.AddRange((await audiences.ValidateAsync(d.Audience, ct)).Select(e => new SurveyError("audience", e.Message, e.Arguments)));
        if (d.Audience.Include.Any(c => c.PartnerOrganisations.Count > 0))
        {
            errors.Add(new("audience", "Surveys are for employees: partner organisations cannot be asked."));
        }
        var sections = d.Sections ?? [];
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            if ((section.Title ?? "").Trim().Length > SurveySection.TitleMax)
            {
                errors.Add(new($"sections[{s}].title", "A section title can be at most {0} characters long.", SurveySection.TitleMax));
            }
            for (var q = 0; q < section.Questions.Count; q++)
            {
                errors.AddRange(SurveyRules.CheckQuestion(section.Questions[q], $"sections[{s}].questions[{q}]"));
            }
        }
        var about = sections.SelectMany(x => x.Questions).Select(q => q.AboutDepartmentId).OfType<int>().Distinct().ToList();
        if (about.Count > 0)
        {
            var known = await db.Departments.AsNoTracking().Where(x => about.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
            errors.AddRange(about.Except(known).Select(x => new SurveyError("aboutDepartmentId", "There is no department with id {0}.", x)));
        }
        return errors;
    }

    /// <summary>A survey made from the Internal Service Quality template gets the template's block once per serving department of the map.</summary>
    public async Task<(SurveyDefinition Definition, IReadOnlyList<SurveyError> Errors)> ExpandTemplateAsync(SurveyDefinition d, string? templateKey,
        CancellationToken ct)
    {
        if (templateKey != ServiceQualityTemplate.Key)
        {
            return (d, []);
        }
        var (sections, errors) = await ServiceQualityTemplate.SectionsAsync(db, ct);
        return (d with { Sections = sections }, errors);
    }

    /// <summary>Creates a draft; <paramref name="forPanel"/> makes it the advisory panel's survey (its members are asked at launch).</summary>
    public async Task<int> CreateAsync(ClaimsPrincipal user, SurveyDefinition d, string? templateKey, CancellationToken ct, bool forPanel = false)
    {
        var survey = new Survey
        {
            Title = d.Title.Trim(), Description = d.Description?.Trim() ?? "", IsAnonymous = d.IsAnonymous, AudienceJson = d.Audience.ToJson(),
            OpensUtc = d.OpensUtc, ClosesUtc = d.ClosesUtc, TemplateKey = templateKey, Status = SurveyStatus.Draft,
            CreatedByUserId = UserId(user), CreatedUtc = Now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        if (forPanel)
        {
            db.Add(new Panel.PanelSurvey { SurveyId = survey.Id });
        }
        await AddSectionsAsync(survey.Id, d.Sections ?? [], 0, ct);
        await tx.CommitAsync(ct);
        return survey.Id;
    }

    /// <summary>Replaces a draft's settings (and its questions when the definition carries sections). The anonymity stays as created.</summary>
    public async Task<SurveyChange> UpdateAsync(int id, SurveyDefinition d, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return SurveyChange.NotFound;
        }
        if (survey.Status != SurveyStatus.Draft)
        {
            return SurveyChange.NotDraft;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        survey.Title = d.Title.Trim();
        survey.Description = d.Description?.Trim() ?? "";
        survey.AudienceJson = d.Audience.ToJson();
        survey.OpensUtc = d.OpensUtc;
        survey.ClosesUtc = d.ClosesUtc;
        await db.SaveChangesAsync(ct);
        if (d.Sections is { } sections)
        {
            await db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).ExecuteDeleteAsync(ct);
            await db.Set<SurveySection>().Where(s => s.SurveyId == id).ExecuteDeleteAsync(ct);
            await AddSectionsAsync(id, sections, 0, ct);
        }
        await tx.CommitAsync(ct);
        return SurveyChange.Done;
    }

    /// <summary>Adds a section at the end of a draft.</summary>
    public async Task<SurveyChange> AddSectionAsync(int id, string title, CancellationToken ct)
    {
        if (await DraftStateAsync(id, ct) is var state and not SurveyChange.Done)
        {
            return state;
        }
        var order = await db.Set<SurveySection>().Where(s => s.SurveyId == id).MaxAsync(s => (int?)s.Order, ct) ?? -1;
        db.Add(new SurveySection { SurveyId = id, Order = order + 1, Title = title.Trim() });
        await db.SaveChangesAsync(ct);
        return SurveyChange.Done;
    }

    /// <summary>Adds a question at the end of a draft (in a section of the same survey, or none).</summary>
    public async Task<SurveyChange> AddQuestionAsync(int id, int? sectionId, QuestionInput question, CancellationToken ct)
    {
        if (await DraftStateAsync(id, ct) is var state and not SurveyChange.Done)
        {
            return state;
        }
        if (sectionId is { } s && !await db.Set<SurveySection>().AnyAsync(x => x.Id == s && x.SurveyId == id, ct))
        {
            return SurveyChange.Invalid;
        }
        var order = await db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).MaxAsync(q => (int?)q.Order, ct) ?? -1;
        db.Add(ToEntity(id, sectionId, order + 1, question));
        await db.SaveChangesAsync(ct);
        return SurveyChange.Done;
    }

    public async Task<SurveyChange> DeleteQuestionAsync(int id, int questionId, CancellationToken ct)
    {
        if (await DraftStateAsync(id, ct) is var state and not SurveyChange.Done)
        {
            return state;
        }
        return await db.Set<SurveyQuestion>().Where(q => q.Id == questionId && q.SurveyId == id).ExecuteDeleteAsync(ct) == 0
            ? SurveyChange.NotFound
            : SurveyChange.Done;
    }

    /// <summary>
    /// Opens a draft for answers: it needs a question, an audience of at least one employee and a closing time still
    /// ahead. The audience is frozen with each person's department and location (SECURITY.md: snapshot at launch).
    /// </summary>
    public async Task<(SurveyChange Change, IReadOnlyList<SurveyError> Errors)> LaunchAsync(int id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return (SurveyChange.NotFound, []);
        }
        if (survey.Status != SurveyStatus.Draft)
        {
            return (SurveyChange.NotDraft, [new("status", "This survey has already been launched.")]);
        }
        var errors = new List<SurveyError>();
        if (!await db.Set<SurveyQuestion>().AnyAsync(q => q.SurveyId == id, ct))
        {
            errors.Add(new("questions", "A survey needs at least one question before it is launched."));
        }
        if (survey.ClosesUtc is { } closes && closes <= Now)
        {
            errors.Add(new("closesOn", "The closing date has already passed: move it before launching."));
        }
        var rule = AudienceRule.FromJson(survey.AudienceJson) ?? new AudienceRule();
        // A panel survey asks the panel's members of the moment; any other survey its audience rule.
        var members = await panel.IsPanelSurveyAsync(id, ct) ? await panel.MemberEmployeeIdsAsync(ct) : await audiences.MemberEmployeeIdsAsync(rule, ct);
        if (members.Count == 0)
        {
            errors.Add(new("audience", "Nobody is in the audience of this survey."));
        }
        if (errors.Count > 0)
        {
            return (SurveyChange.Invalid, errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var launchDay = DateOnly.FromDateTime(Now);
        var snapshot = (await db.Employees.AsNoTracking().Where(e => members.Contains(e.Id))
                .Select(e => new { e.Id, e.DepartmentId, e.LocationId, e.HireDate }).ToListAsync(ct))
            .Select(e => new SurveyMember
            {
                SurveyId = id, EmployeeId = e.Id, DepartmentId = e.DepartmentId, LocationId = e.LocationId, TenureBand = TenureBands.Of(e.HireDate, launchDay),
            }).ToList();
        db.AddRange(snapshot);
        await ServiceMapSnapshot.TakeAsync(db, id, id, ct);
        survey.Status = SurveyStatus.Open;
        survey.LaunchedUtc = Now;
        survey.OpensUtc ??= Now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (SurveyChange.Done, []);
    }

    /// <summary>Stops taking answers (an open survey only).</summary>
    public async Task<SurveyChange> CloseAsync(int id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return SurveyChange.NotFound;
        }
        if (survey.Status != SurveyStatus.Open)
        {
            return SurveyChange.NotDraft;
        }
        survey.Status = SurveyStatus.Closed;
        survey.ClosedUtc = Now;
        if (survey.ClosesUtc is null || survey.ClosesUtc > Now)
        {
            survey.ClosesUtc = Now;
        }
        await db.SaveChangesAsync(ct);
        // The last batch, so no response of a closed survey keeps its submission's xmin (docs/adr/0018).
        await batches.FlushAsync(id, ct);
        return SurveyChange.Done;
    }

    private async Task<SurveyChange> DraftStateAsync(int id, CancellationToken ct) =>
        await db.Set<Survey>().Where(s => s.Id == id).Select(s => (SurveyStatus?)s.Status).SingleOrDefaultAsync(ct) switch
        {
            null => SurveyChange.NotFound,
            SurveyStatus.Draft => SurveyChange.Done,
            _ => SurveyChange.NotDraft,
        };

    private async Task AddSectionsAsync(int surveyId, IReadOnlyList<SectionInput> sections, int firstOrder, CancellationToken ct)
    {
        var order = firstOrder;
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var section = new SurveySection
            {
                SurveyId = surveyId, Order = i, Title = s.Title?.Trim() ?? "", TitleAr = Blank(s.TitleAr), TitlePl = Blank(s.TitlePl),
            };
            db.Add(section);
            await db.SaveChangesAsync(ct);
            foreach (var q in s.Questions)
            {
                db.Add(ToEntity(surveyId, section.Id, order++, q));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static SurveyQuestion ToEntity(int surveyId, int? sectionId, int order, QuestionInput q) => new()
    {
        SurveyId = surveyId, SectionId = sectionId, Order = order, Kind = q.Kind, Text = q.Text.Trim(), TextAr = Blank(q.TextAr), TextPl = Blank(q.TextPl),
        Dimension = SurveyRules.IsLikert(q.Kind) || q.Kind == QuestionKind.Scale0To10 ? Blank(q.Dimension) : null,
        Reverse = q.Reverse && SurveyRules.IsLikert(q.Kind), Required = q.Required,
        Options = string.Join('\n', SurveyRules.Clean(q.Options)), OptionsAr = Blank(string.Join('\n', SurveyRules.Clean(q.OptionsAr))),
        OptionsPl = Blank(string.Join('\n', SurveyRules.Clean(q.OptionsPl))),
        AboutDepartmentId = q.AboutDepartmentId, IsExpectation = q.IsExpectation && q.AboutDepartmentId is not null,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
}
