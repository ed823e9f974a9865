using System.ComponentModel;
using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Inward.Features.Listening.SurveyProblems;

namespace Inward.Features.Listening;

public sealed record QuestionRequest(
    [property: Description("Likert5, Likert7, Scale0To10, SingleChoice, MultipleChoice, Ranking or FreeText.")] string? Kind,
    [property: Description("The question in English, at most 1000 characters.")] string? Text,
    string? TextAr, string? TextPl,
    [property: Description("Likert items: the dimension they measure.")] string? Dimension,
    [property: Description("Likert items worded against the dimension.")] bool? Reverse,
    [property: Description("Default true.")] bool? Required,
    [property: Description("Choice and ranking questions: 2 to 20 options.")] IReadOnlyList<string>? Options,
    IReadOnlyList<string>? OptionsAr, IReadOnlyList<string>? OptionsPl,
    [property: Description("Internal service quality items: the id of the serving department the question rates.")] int? AboutDepartmentId = null,
    [property: Description("Internal service quality items: an expectation rather than a perception item.")] bool? Expectation = null);

public sealed record SectionRequest(string? Title, string? TitleAr, string? TitlePl, IReadOnlyList<QuestionRequest>? Questions);

public sealed record SurveyRequest(
    [property: Description("1 to 200 characters. On create from a template, defaults to the template's title.")] string? Title,
    string? Description,
    [property: Description("Create only: anonymous (default) or named; fixed for the survey's life.")] bool? Anonymous,
    [property: Description("Create only: a template key from GET /api/v1/surveys/templates; its sections are used when none are given.")] string? Template,
    [property: Description("Who is asked; default everyone internal.")] AudienceRule? Audience,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt,
    [property: Description("On update, null keeps the questions; a list replaces them.")] IReadOnlyList<SectionRequest>? Sections,
    [property: Description("Create only: true makes it the advisory panel's survey, asking the panel's members at launch instead of the audience.")] bool? Panel = null);

public sealed record SubmitRequest([property: Description("One entry per answered question: value (scales, single choice index), choices (indexes) or text.")] IReadOnlyList<AnswerInput>? Answers);

public sealed record SurveySummaryResponse(int Id, string Title, bool Anonymous, SurveyStatus Status, SurveyWindow Window, DateTime? OpensAt, DateTime? ClosesAt,
    bool? Responded);

public sealed record QuestionResponse(int Id, QuestionKind Kind, string Text, string? TextAr, string? TextPl, string? Dimension, bool Reverse, bool Required,
    IReadOnlyList<string> Options, IReadOnlyList<string> OptionsAr, IReadOnlyList<string> OptionsPl, int? AboutDepartmentId, bool Expectation);

public sealed record SectionResponse(int? Id, string Title, string? TitleAr, string? TitlePl, IReadOnlyList<QuestionResponse> Questions);

public sealed record SurveyResponseBody(int Id, string Title, string Description, bool Anonymous, SurveyStatus Status, SurveyWindow Window, AudienceRule? Audience,
    DateTime? OpensAt, DateTime? ClosesAt, string? Template, IReadOnlyList<SectionResponse> Sections);

public sealed record TemplateResponse(string Key, string Title, string Description, int Questions);

public sealed record NamedAnswerResponse(int QuestionId, int? Value, IReadOnlyList<int> Choices, string? Text);

public sealed record NamedResponseBody(Guid Id, int? EmployeeId, DateTime? SubmittedAt, IReadOnlyList<NamedAnswerResponse> Answers);

/// <summary>
/// /api/v1/surveys: HR (ManageSurveys) creates, edits drafts, launches and closes; everyone answers the surveys addressed to
/// them; results carry the same suppression as the page. Anonymous responses are never listed, to anyone.
/// </summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Surveys", Capability.UseIntranet);
        api.MapGet("/surveys", ListAsync);
        api.MapGet("/surveys/templates", Templates).RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPost("/surveys", CreateAsync).AcceptsJson<SurveyRequest>().RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapGet("/surveys/{id:int}", GetAsync);
        api.MapPut("/surveys/{id:int}", UpdateAsync).AcceptsJson<SurveyRequest>().RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPost("/surveys/{id:int}/launch", LaunchAsync).RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPost("/surveys/{id:int}/close", CloseAsync).RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPost("/surveys/{id:int}/responses", SubmitAsync).AcceptsJson<SubmitRequest>();
        api.MapGet("/surveys/{id:int}/responses", ResponsesAsync).RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapGet("/surveys/{id:int}/results", ResultsAsync);
        return app;
    }

    [EndpointSummary("List surveys")]
    [EndpointDescription("ManageSurveys: every survey. Everyone else: the launched surveys addressed to them, with whether they answered.")]
    public static async Task<Ok<IReadOnlyList<SurveySummaryResponse>>> ListAsync(InwardDbContext db, SurveyResponding responding, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (http.User.Has(Capability.ManageSurveys))
        {
            var all = await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(ct);
            return TypedResults.Ok<IReadOnlyList<SurveySummaryResponse>>([.. all.Select(s => new SurveySummaryResponse(s.Id, s.Title, s.IsAnonymous, s.Status,
                SurveyRules.Window(s.Status, s.OpensUtc, s.ClosesUtc, now), s.OpensUtc, s.ClosesUtc, null))]);
        }
        var mine = PeopleQueries.EmployeeIdOf(http.User) is { } me ? await responding.MineAsync(me, ct) : [];
        var opens = await db.Set<Survey>().AsNoTracking().Where(s => mine.Select(m => m.Id).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.OpensUtc, ct);
        return TypedResults.Ok<IReadOnlyList<SurveySummaryResponse>>([.. mine.Select(m => new SurveySummaryResponse(m.Id, m.Title, m.IsAnonymous,
            m.Window == SurveyWindow.Closed ? SurveyStatus.Closed : SurveyStatus.Open, m.Window, opens.GetValueOrDefault(m.Id), m.ClosesUtc, m.Responded))]);
    }

    [EndpointSummary("List the built-in survey templates (ManageSurveys)")]
    public static Ok<IReadOnlyList<TemplateResponse>> Templates() =>
        TypedResults.Ok<IReadOnlyList<TemplateResponse>>([.. SurveyTemplates.All.Select(t => new TemplateResponse(t.Key, t.Title, t.Description, t.QuestionCount))]);

    [EndpointSummary("Create a survey (ManageSurveys)")]
    [EndpointDescription("Blank, with the sections given, or from a template. It starts as a draft.")]
    public static async Task<Results<Created<SurveyResponseBody>, ValidationProblem, ProblemHttpResult>> CreateAsync(SurveyAuthoring authoring,
        SurveyResponding responding, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<SurveyRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var template = SurveyTemplates.Find(request!.Template);
        var errors = new List<SurveyError>();
        if (request.Template is not null && template is null)
        {
            errors.Add(new("template", "There is no template “{0}”.", request.Template));
        }
        var (definition, parseErrors) = Definition(request, template);
        errors.AddRange(parseErrors);
        if (request.Sections is null)
        {
            var (expanded, templateErrors) = await authoring.ExpandTemplateAsync(definition, template?.Key, ct);
            definition = expanded;
            errors.AddRange(templateErrors);
        }
        errors.AddRange(await authoring.CheckAsync(definition, ct));
        if (errors.Count > 0)
        {
            return Validation(errors);
        }
        var id = await authoring.CreateAsync(http.User, definition, template?.Key, ct, request.Panel ?? false);
        var form = await responding.FormAsync(id, ct);
        return TypedResults.Created($"/api/v1/surveys/{id.ToString(CultureInfo.InvariantCulture)}", ToBody(form!, clock));
    }

    [EndpointSummary("Get a survey with its questions")]
    [EndpointDescription("ManageSurveys: any survey. Everyone else: a launched survey addressed to them (others are 404).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<SurveyResponseBody>, ProblemHttpResult>> GetAsync(SurveyResponding responding, TimeProvider clock, HttpContext http,
        int id, CancellationToken ct)
    {
        if (await responding.FormAsync(id, ct) is not { } form || !await MayReadAsync(responding, http, form.Survey, ct))
        {
            return NotFound();
        }
        if (!http.User.Has(Capability.ManageSurveys) && PeopleQueries.EmployeeIdOf(http.User) is { } me)
        {
            form = (await responding.FormForAsync(id, me, ct))!;
        }
        var body = ToBody(form, clock);
        return TypedResults.Ok(http.User.Has(Capability.ManageSurveys) ? body : body with { Audience = null });
    }

    [EndpointSummary("Change a draft survey (ManageSurveys)")]
    [EndpointDescription("Title, description, audience and dates (those left out keep their values); with sections, the questions are replaced. Anonymity cannot change. "
        + "A launched survey answers 409.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<SurveyResponseBody>, ValidationProblem, ProblemHttpResult>> UpdateAsync(SurveyAuthoring authoring,
        SurveyResponding responding, TimeProvider clock, HttpContext http, int id, CancellationToken ct)
    {
        if (await responding.FormAsync(id, ct) is not { } existing)
        {
            return NotFound();
        }
        if (existing.Survey.Status != SurveyStatus.Draft)
        {
            return Conflict("A launched survey cannot be changed.");
        }
        var (request, problem) = await JsonBody.ReadAsync<SurveyRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new List<SurveyError>();
        if (request!.Anonymous is { } anonymous && anonymous != existing.Survey.IsAnonymous)
        {
            errors.Add(new("anonymous", "Whether a survey is anonymous is fixed when it is created."));
        }
        // Fields left out keep their current values; sections left out keep the questions.
        var current = existing.Survey;
        var (definition, parseErrors) = Definition(request with
        {
            Anonymous = current.IsAnonymous, Title = request.Title ?? current.Title, Description = request.Description ?? current.Description,
            OpensAt = request.OpensAt ?? (current.OpensUtc is { } o ? new DateTimeOffset(o, TimeSpan.Zero) : null),
            ClosesAt = request.ClosesAt ?? (current.ClosesUtc is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null),
        }, null, AudienceRule.FromJson(current.AudienceJson));
        errors.AddRange(parseErrors);
        errors.AddRange(await authoring.CheckAsync(definition, ct));
        if (errors.Count > 0)
        {
            return Validation(errors);
        }
        return await authoring.UpdateAsync(id, definition, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Conflict("A launched survey cannot be changed."),
            _ => TypedResults.Ok(ToBody((await responding.FormAsync(id, ct))!, clock)),
        };
    }

    [EndpointSummary("Launch a draft survey (ManageSurveys)")]
    [EndpointDescription("Freezes the audience with each person's department and location, and opens the survey for answers.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<SurveyResponseBody>, ValidationProblem, ProblemHttpResult>> LaunchAsync(SurveyAuthoring authoring,
        SurveyResponding responding, TimeProvider clock, int id, CancellationToken ct)
    {
        var (change, errors) = await authoring.LaunchAsync(id, ct);
        return change switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Conflict("This survey has already been launched."),
            SurveyChange.Invalid => Validation(errors),
            _ => TypedResults.Ok(ToBody((await responding.FormAsync(id, ct))!, clock)),
        };
    }

    [EndpointSummary("Close an open survey (ManageSurveys)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<SurveyResponseBody>, ProblemHttpResult>> CloseAsync(SurveyAuthoring authoring, SurveyResponding responding,
        TimeProvider clock, int id, CancellationToken ct) =>
        await authoring.CloseAsync(id, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Conflict("Only an open survey can be closed."),
            _ => TypedResults.Ok(ToBody((await responding.FormAsync(id, ct))!, clock)),
        };

    [EndpointSummary("Answer a survey")]
    [EndpointDescription("All answers at once; nothing is stored unless all are valid. Anonymous answers are stored without the person, "
        + "a time or an ordered key. Answering twice, before opening or after closing is refused (409).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SubmitAsync(SurveyResponding responding, HttpContext http, int id,
        CancellationToken ct)
    {
        if (PeopleQueries.EmployeeIdOf(http.User) is not { } me)
        {
            return NotFound();
        }
        var (request, problem) = await JsonBody.ReadAsync<SubmitRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (outcome, errors) = await responding.SubmitAsync(id, http.User, me, request!.Answers ?? [], ct);
        return outcome switch
        {
            SubmitOutcome.Submitted => TypedResults.NoContent(),
            SubmitOutcome.NotFound => NotFound(),
            SubmitOutcome.Invalid => Validation(errors),
            _ => Conflict(errors[0].Format()),
        };
    }

    [EndpointSummary("List the responses of a named survey (ManageSurveys)")]
    [EndpointDescription("Named surveys only: who answered what. Anonymous surveys answer 403: their responses are never listed.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<IReadOnlyList<NamedResponseBody>>, ProblemHttpResult>> ResponsesAsync(InwardDbContext db, AuditLog audit, int id,
        CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (survey.IsAnonymous)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "This survey is anonymous: its responses are only ever shown as results above the anonymity threshold.");
        }
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == id).OrderBy(r => r.SubmittedUtc).ToListAsync(ct);
        var ids = responses.Select(r => r.Id).ToList();
        var answers = (await db.Set<SurveyAnswer>().AsNoTracking().Where(a => ids.Contains(a.ResponseId)).ToListAsync(ct)).ToLookup(a => a.ResponseId);
        await audit.RecordAsync("SurveyResponsesRead", nameof(Survey), id.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Ok<IReadOnlyList<NamedResponseBody>>([.. responses.Select(r => new NamedResponseBody(r.Id, r.EmployeeId, r.SubmittedUtc,
            [.. answers[r.Id].OrderBy(a => a.QuestionId).Select(a => new NamedAnswerResponse(a.QuestionId, a.Value, SurveyRules.ParseChoices(a.Choices), a.Text))]))]);
    }

    [EndpointSummary("Survey results")]
    [EndpointDescription("The results of a group (default: the whole company for ManageSurveys, the own department for managers), "
        + "optionally narrowed to a location and/or a tenure band at launch, with every aggregate over fewer than k respondents suppressed "
        + "(null), differencing blocked, the whole company beside the group where both are shown, and answers only once the survey has closed. "
        + "A filter that could single out a small group is refused with 400 and one message, whatever the reason.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<SurveyResultsView>, ValidationProblem, ProblemHttpResult>> ResultsAsync(SurveyResults results, HttpContext http, int id,
        CancellationToken ct, [Description("Department id.")] int? department = null, [Description("Location id (at launch).")] int? location = null,
        [Description("Tenure band at launch: UnderOneYear, OneToThreeYears, ThreeToFiveYears, FiveYearsOrMore.")] string? tenure = null)
    {
        if (!ResultFilterQuery.TryParse(location, tenure, out var filter))
        {
            return Validation([new SurveyError("tenure", ResultFilterQuery.BadTenure)]);
        }
        var (access, view) = await results.ForAsync(id, http.User, department, filter, CultureInfo.CurrentUICulture, ct);
        return Refusal(access) is { } refused ? refused : TypedResults.Ok(view!);
    }

    private static async Task<bool> MayReadAsync(SurveyResponding responding, HttpContext http, Survey survey, CancellationToken ct) =>
        http.User.Has(Capability.ManageSurveys)
        || (survey.Status != SurveyStatus.Draft && PeopleQueries.EmployeeIdOf(http.User) is { } me && await responding.IsMemberAsync(survey.Id, me, ct));

    private static (SurveyDefinition Definition, List<SurveyError> Errors) Definition(SurveyRequest r, SurveyTemplate? template, AudienceRule? current = null)
    {
        var errors = new List<SurveyError>();
        List<SectionInput>? sections = null;
        if (r.Sections is { } given)
        {
            sections = [];
            for (var s = 0; s < given.Count; s++)
            {
                var questions = new List<QuestionInput>();
                var list = given[s].Questions ?? [];
                for (var q = 0; q < list.Count; q++)
                {
                    var item = list[q];
                    if (!Enum.TryParse<QuestionKind>(item.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(item.Kind, out _))
                    {
                        errors.Add(new($"sections[{s}].questions[{q}].kind",
                            "The kind must be Likert5, Likert7, Scale0To10, SingleChoice, MultipleChoice, Ranking or FreeText."));
                        continue;
                    }
                    questions.Add(new(kind, item.Text ?? "", item.TextAr, item.TextPl, item.Dimension, item.Reverse ?? false, item.Required ?? true,
                        item.Options, item.OptionsAr, item.OptionsPl, item.AboutDepartmentId, item.Expectation ?? false));
                }
                sections.Add(new(given[s].Title ?? "", given[s].TitleAr, given[s].TitlePl, questions));
            }
        }
        else if (template is not null)
        {
            sections = [.. SurveyAuthoring.SectionsOf(template)];
        }
        return (new SurveyDefinition(r.Title ?? template?.Title ?? "", r.Description ?? template?.Description ?? "", r.Anonymous ?? true,
            r.Audience ?? current ?? AudienceRule.EveryoneInternal(), r.OpensAt?.UtcDateTime, r.ClosesAt?.UtcDateTime, sections), errors);
    }

    private static SurveyResponseBody ToBody(SurveyForm form, TimeProvider clock)
    {
        var s = form.Survey;
        QuestionResponse Q(SurveyQuestion q) => new(q.Id, q.Kind, q.Text, q.TextAr, q.TextPl, q.Dimension, q.Reverse, q.Required,
            SurveyRules.Lines(q.Options), SurveyRules.Lines(q.OptionsAr), SurveyRules.Lines(q.OptionsPl), q.AboutDepartmentId, q.IsExpectation);
        var sections = new List<SectionResponse>();
        var loose = form.Questions.Where(q => q.SectionId is null).ToList();
        if (loose.Count > 0)
        {
            sections.Add(new(null, "", null, null, [.. loose.Select(Q)]));
        }
        sections.AddRange(form.Sections.Select(x => new SectionResponse(x.Id, x.Title, x.TitleAr, x.TitlePl,
            [.. form.Questions.Where(q => q.SectionId == x.Id).Select(Q)])));
        return new(s.Id, s.Title, s.Description, s.IsAnonymous, s.Status, SurveyRules.Window(s.Status, s.OpensUtc, s.ClosesUtc, clock.GetUtcNow().UtcDateTime),
            AudienceRule.FromJson(s.AudienceJson), s.OpensUtc, s.ClosesUtc, s.TemplateKey, sections);
    }

}
