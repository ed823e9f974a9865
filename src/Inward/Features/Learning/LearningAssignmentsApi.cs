using System.ComponentModel;
using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Paths;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

public sealed record AssignmentResponse(int Id, int CourseId, string Course, string CourseUrl, int? PathId, string? Path, int? EmployeeId, string Person,
    string? Department, DateTime AssignedUtc, DateOnly? DueDate, string State, string Reason, DateTime? CompletedUtc);

public sealed record PathResponse(int Id, string Title, string Description, IReadOnlyList<int> CourseIds, IReadOnlyList<string> Courses, DateTime UpdatedUtc);

public sealed record PathRequest(
    [property: Description("1 to 200 characters.")] string? Title,
    [property: Description("At most 4000 characters.")] string? Description,
    [property: Description("Course ids in the order they are taken; at least one, each once.")] IReadOnlyList<int>? CourseIds);

public sealed record RuleResponse(int Id, string Title, int? CourseId, int? PathId, string Target, AudienceRule? Audience, string DueBasis, int? DueDays,
    bool IsActive, int Open, int Completed);

public sealed record RuleRequest(
    [property: Description("1 to 200 characters.")] string? Title,
    [property: Description("The course assigned (or give pathId).")] int? CourseId,
    [property: Description("The learning path assigned (or give courseId).")] int? PathId,
    [property: Description("Who is assigned: an audience rule.")] AudienceRule? Audience,
    [property: Description("None, AfterAssignment or AfterHire.")] string? DueBasis,
    [property: Description("Days after assignment or hire, 0 to 3650.")] int? DueDays,
    [property: Description("Inactive rules assign nobody new and cancel their open assignments at the next evaluation. Default true.")] bool? IsActive);

public sealed record CertificateResponse(string PublicId, int CourseId, string Course, string Person, DateTime CompletedUtc, int? ScorePercent,
    DateTime? ExpiresUtc, string Status, string Url, string VerifyUrl);

public sealed record CertificateVerification(string Name, string Course, DateOnly CompletedOn, DateOnly? ExpiresOn, string Status);

/// <summary>
/// /api/v1/learning/assignments, /api/v1/learning/paths, /api/v1/learning/rules and /api/v1/certificates. Everyone sees
/// their own records; managers their team's (?team=true); ManageLearning everyone's (?all=true) and manages paths and rules.
/// The verification endpoint is anonymous and answers only for an exact, unguessable public id.
/// </summary>
public static class LearningAssignmentsApi
{
    public static IEndpointRouteBuilder MapLearningAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var learners = app.MapApiV1("Learning", LearningAssignmentsModule.LearnerPolicy);
        learners.MapGet("/learning/assignments", AssignmentsAsync);
        learners.MapGet("/certificates", CertificatesAsync);

        var manage = app.MapApiV1("Learning", Capability.ManageLearning);
        manage.MapGet("/learning/paths", PathsAsync);
        manage.MapGet("/learning/paths/{id:int}", PathAsync);
        manage.MapPost("/learning/paths", CreatePathAsync).AcceptsJson<PathRequest>();
        manage.MapPut("/learning/paths/{id:int}", UpdatePathAsync).AcceptsJson<PathRequest>();
        manage.MapDelete("/learning/paths/{id:int}", DeletePathAsync);
        manage.MapGet("/learning/rules", RulesAsync);
        manage.MapPost("/learning/rules", CreateRuleAsync).AcceptsJson<RuleRequest>();
        manage.MapPut("/learning/rules/{id:int}", UpdateRuleAsync).AcceptsJson<RuleRequest>();
        manage.MapDelete("/learning/rules/{id:int}", DeleteRuleAsync);

        app.MapGet("/api/v1/certificates/{publicId}/verify", VerifyAsync).AllowAnonymous().RequireRateLimiting(WebSetup.ApiLimit)
            .WithTags("Learning").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    [EndpointSummary("List learning assignments")]
    [EndpointDescription("Your own by default; team=true: your team's (managers); all=true: everyone's (ManageLearning), with filters. "
        + "State is open, overdue, completed or cancelled.")]
    public static async Task<Results<Ok<IReadOnlyList<AssignmentResponse>>, ValidationProblem, ProblemHttpResult>> AssignmentsAsync(
        LearningRecords records, HttpContext http, CancellationToken ct,
        [Description("Your team's assignments (needs a team).")] bool team = false,
        [Description("Everyone's assignments (ManageLearning).")] bool all = false,
        [Description("Only this course.")] int? course = null,
        [Description("Only this learning path.")] int? path = null,
        [Description("Only this department and its sub-departments.")] int? department = null,
        [Description("open, overdue, completed or cancelled.")] string? state = null)
    {
        AssignmentState? parsed = null;
        if (state is not null)
        {
            if (Enum.TryParse<AssignmentState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(state, CultureInfo.InvariantCulture, out _))
            {
                parsed = s;
            }
            else
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["state must be open, overdue, completed or cancelled."] });
            }
        }
        if (team && all)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["team"] = ["Ask for team or all, not both."] });
        }
        var filter = new AssignmentFilter(course, path, department, parsed);
        IReadOnlyList<AssignmentView> rows;
        if (all)
        {
            if (!http.User.Has(Capability.ManageLearning))
            {
                return Forbidden("Everyone's assignments need the ManageLearning right.");
            }
            rows = await records.AllAsync(filter, ct);
        }
        else if (team)
        {
            if (!http.User.Has(Capability.SeeTeam))
            {
                return Forbidden("Only managers see their team's assignments.");
            }
            rows = await records.OfEmployeesAsync(await records.TeamAsync(http.User), filter, ct);
        }
        else
        {
            rows = await records.MineAsync(http.User, filter, ct);
        }
        return TypedResults.Ok<IReadOnlyList<AssignmentResponse>>([.. rows.Select(ToResponse)]);
    }

    [EndpointSummary("List your certificates")]
    public static async Task<Ok<IReadOnlyList<CertificateResponse>>> CertificatesAsync(LearningRecords records, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CertificateResponse>>([.. (await records.CertificatesOfAsync(http.User, ct)).Select(c => new CertificateResponse(
            c.PublicId, c.CourseId, c.CourseTitle, c.PersonName, c.CompletedUtc, c.ScorePercent, c.ExpiresUtc, c.State.ToString().ToLowerInvariant(),
            "/learning/certificates/" + c.PublicId, "/verify/" + c.PublicId))]);

    [EndpointSummary("Verify a certificate (anonymous)")]
    [EndpointDescription("The holder's name, the course, the completion date, the expiry and whether it is valid, expired or revoked. "
        + "An unknown id is 404.")]
    [ProducesResponseType<CertificateVerification>(StatusCodes.Status200OK)]
    public static async Task<Results<Ok<CertificateVerification>, ProblemHttpResult>> VerifyAsync(LearningRecords records, string publicId, CancellationToken ct)
    {
        if (await records.CertificateAsync(publicId, ct) is not { } c)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No certificate with this id.");
        }
        return TypedResults.Ok(new CertificateVerification(c.PersonName, c.CourseTitle, DateOnly.FromDateTime(c.CompletedUtc),
            c.ExpiresUtc is { } e ? DateOnly.FromDateTime(e) : null, c.State.ToString().ToLowerInvariant()));
    }

    [EndpointSummary("List learning paths")]
    public static async Task<Ok<IReadOnlyList<PathResponse>>> PathsAsync(LearningPaths paths, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PathResponse>>([.. (await paths.PathsAsync(ct)).Select(ToResponse)]);

    [EndpointSummary("Get a learning path")]
    public static async Task<Results<Ok<PathResponse>, ProblemHttpResult>> PathAsync(LearningPaths paths, int id, CancellationToken ct) =>
        await paths.PathAsync(id, ct) is { } p ? TypedResults.Ok(ToResponse(p)) : NotFound("No learning path with this id.");

    [EndpointSummary("Create a learning path")]
    public static async Task<Results<Created<PathResponse>, ValidationProblem, ProblemHttpResult>> CreatePathAsync(LearningPaths paths,
        IStringLocalizer<Strings> t, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<PathRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var input = new PathInput(request!.Title, request.Description, request.CourseIds);
        var errors = await paths.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return Validation(errors, t);
        }
        var id = await paths.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/learning/paths/{id.ToString(CultureInfo.InvariantCulture)}", ToResponse((await paths.PathAsync(id, ct))!));
    }

    [EndpointSummary("Change a learning path")]
    [EndpointDescription("Replaces title, description and courses; the rules assigning the path are evaluated again at once.")]
    public static async Task<Results<Ok<PathResponse>, ValidationProblem, ProblemHttpResult>> UpdatePathAsync(LearningPaths paths,
        IStringLocalizer<Strings> t, HttpContext http, int id, CancellationToken ct)
    {
        if (await paths.PathAsync(id, ct) is null)
        {
            return NotFound("No learning path with this id.");
        }
        var (request, problem) = await JsonBody.ReadAsync<PathRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var input = new PathInput(request!.Title, request.Description, request.CourseIds);
        var errors = await paths.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return Validation(errors, t);
        }
        await paths.UpdateAsync(id, input, ct);
        return TypedResults.Ok(ToResponse((await paths.PathAsync(id, ct))!));
    }

    [EndpointSummary("Delete a learning path")]
    [EndpointDescription("Its rules go too; their open assignments are cancelled, completed ones stay.")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePathAsync(LearningPaths paths, int id, CancellationToken ct) =>
        await paths.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound("No learning path with this id.");

    [EndpointSummary("List assignment rules")]
    public static async Task<Ok<IReadOnlyList<RuleResponse>>> RulesAsync(LearningPaths paths, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RuleResponse>>([.. (await paths.RulesAsync(ct)).Select(ToResponse)]);

    [EndpointSummary("Create an assignment rule")]
    [EndpointDescription("Assigns a course or a path to the people an audience reaches, due N days after assignment or hire. "
        + "Evaluated at once and daily after that.")]
    public static async Task<Results<Created<RuleResponse>, ValidationProblem, ProblemHttpResult>> CreateRuleAsync(LearningPaths paths,
        IStringLocalizer<Strings> t, HttpContext http, CancellationToken ct)
    {
        var (input, problem) = await ReadRuleAsync(http, ct);
        if (input is null)
        {
            return problem!;
        }
        var errors = await paths.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return Validation(errors, t);
        }
        var id = await paths.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/learning/rules/{id.ToString(CultureInfo.InvariantCulture)}", ToResponse((await paths.RulesAsync(ct, id))[0]));
    }

    [EndpointSummary("Change an assignment rule")]
    public static async Task<Results<Ok<RuleResponse>, ValidationProblem, ProblemHttpResult>> UpdateRuleAsync(LearningPaths paths,
        IStringLocalizer<Strings> t, HttpContext http, int id, CancellationToken ct)
    {
        if ((await paths.RulesAsync(ct, id)).Count == 0)
        {
            return NotFound("No assignment rule with this id.");
        }
        var (input, problem) = await ReadRuleAsync(http, ct);
        if (input is null)
        {
            return problem!;
        }
        var errors = await paths.ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return Validation(errors, t);
        }
        await paths.UpdateAsync(id, input, ct);
        return TypedResults.Ok(ToResponse((await paths.RulesAsync(ct, id))[0]));
    }

    [EndpointSummary("Delete an assignment rule")]
    [EndpointDescription("Its open assignments are cancelled; completed ones stay.")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRuleAsync(LearningPaths paths, int id, CancellationToken ct) =>
        await paths.DeleteRuleAsync(id, ct) ? TypedResults.NoContent() : NotFound("No assignment rule with this id.");

    private static async Task<(RuleInput? Input, ProblemHttpResult? Problem)> ReadRuleAsync(HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RuleRequest>(http.Request, ct);
        if (problem is not null)
        {
            return (null, problem);
        }
        // An unknown basis becomes an undefined value, which validation reports with the other problems.
        var basis = request!.DueBasis is not { } text ? DueBasis.None
            : Enum.TryParse<DueBasis>(text, ignoreCase: true, out var b) && Enum.IsDefined(b) && !int.TryParse(text, CultureInfo.InvariantCulture, out _) ? b
            : (DueBasis)(-1);
        return (new RuleInput(request.Title, request.CourseId, request.PathId, request.Audience, basis, request.DueDays, request.IsActive ?? true), null);
    }

    private static ValidationProblem Validation(List<LearningError> errors, IStringLocalizer<Strings> t) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => t[e.Message, e.Arguments].Value).ToArray(), StringComparer.Ordinal));

    private static AssignmentResponse ToResponse(AssignmentView a) =>
        new(a.Id, a.CourseId, a.CourseTitle, LearningMailComposer.CoursePath(a.CourseId), a.PathId, a.PathTitle, a.EmployeeId, a.PersonName, a.Department,
            a.AssignedUtc, a.DueDate, a.State.ToString().ToLowerInvariant(), a.Reason.ToString(), a.CompletedUtc);

    private static PathResponse ToResponse(PathSummary p) =>
        new(p.Id, p.Title, p.Description, [.. p.Courses.Select(c => c.Id)], [.. p.Courses.Select(c => c.Title)], p.UpdatedUtc);

    private static RuleResponse ToResponse(RuleSummary r) =>
        new(r.Id, r.Title, r.CourseId, r.PathId, r.Target, AssignmentEvaluator.ParseOrNull(r.AudienceJson), r.DueBasis.ToString(), r.DueDays, r.IsActive,
            r.Open, r.Completed);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
