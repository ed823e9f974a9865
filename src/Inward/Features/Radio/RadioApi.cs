using System.Security.Claims;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Inward.Platform.Text;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Radio;

public sealed record EpisodeResponse(int Id, string Title, string ShowNotesMarkdown, string ShowNotesHtml, string Transcript, DateTime PublishedUtc,
    int DurationSeconds, string? AudioUrl, string? AudioType, long AudioSize);

public sealed record ManagedEpisodeResponse(int Id, string Title, string Status, DateTime? PublishedUtc, int DurationSeconds, bool HasAudio, int Plays);

/// <summary>/api/v1/radio: the episodes I may hear, one of them, recording a play; /api/v1/radio/manage for communicators.</summary>
public static class RadioApi
{
    public static IEndpointRouteBuilder MapRadioApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Radio", Capability.UseIntranet);
        api.MapGet("/radio", ListAsync).WithSummary("The radio episodes the signed-in person may hear, newest first");
        api.MapGet("/radio/{id:int}", GetAsync).WithSummary("One episode the signed-in person may hear (404 otherwise)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/radio/{id:int}/plays", PlayAsync).WithSummary("Record a play (counted once per person and day)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var manage = app.MapApiV1("Radio", Capability.Communicate);
        manage.MapGet("/radio/manage", ManageAsync).WithSummary("All episodes, drafts included, with their play counts (communicators)");
        manage.MapPost("/radio/manage/{id:int}/publish", PublishAsync).WithSummary("Publish an episode that has audio")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        manage.MapPost("/radio/manage/{id:int}/unpublish", UnpublishAsync).WithSummary("Take an episode back to draft")
            .ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapDelete("/radio/manage/{id:int}", DeleteAsync).WithSummary("Delete an episode and its audio")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static EpisodeResponse ToResponse(EpisodeView e) => new(e.Id, e.Title, e.ShowNotes, SafeMarkdown.ToHtml(e.ShowNotes), e.Transcript,
        e.PublishedUtc, e.DurationSeconds, e.AudioFileId is { } f ? $"/files/{f}" : null, e.AudioType, e.AudioSize);

    public static async Task<Ok<EpisodeResponse[]>> ListAsync(RadioViews views, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await views.ListAsync(http.User, ct)).Select(ToResponse).ToArray());

    public static async Task<Results<Ok<EpisodeResponse>, ProblemHttpResult>> GetAsync(RadioViews views, HttpContext http, int id, CancellationToken ct) =>
        await views.EpisodeAsync(http.User, id, ct) is { } e ? TypedResults.Ok(ToResponse(e)) : NotFound();

    public static async Task<Results<NoContent, ProblemHttpResult>> PlayAsync(RadioViews views, HttpContext http, int id, CancellationToken ct) =>
        await views.RecordPlayAsync(http.User, id, ct) ? TypedResults.NoContent() : NotFound();

    public static async Task<Ok<ManagedEpisodeResponse[]>> ManageAsync(InwardDbContext db, RadioViews views, CancellationToken ct)
    {
        var plays = await views.PlayCountsAsync(ct);
        var episodes = await db.Set<RadioEpisode>().AsNoTracking().OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.Status, e.PublishedUtc, e.DurationSeconds, e.AudioFileId }).ToListAsync(ct);
        return TypedResults.Ok(episodes.Select(e => new ManagedEpisodeResponse(e.Id, e.Title, e.Status.ToString(), e.PublishedUtc, e.DurationSeconds,
            e.AudioFileId is not null, plays.GetValueOrDefault(e.Id))).ToArray());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PublishAsync(InwardDbContext db, TimeProvider clock, int id, CancellationToken ct)
    {
        var e = await db.Set<RadioEpisode>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        if (e.AudioFileId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Upload the episode's audio before publishing it.");
        }
        if (e.Status != EpisodeStatus.Published)
        {
            e.Status = EpisodeStatus.Published;
            e.PublishedUtc = clock.GetUtcNow().UtcDateTime;
            e.UpdatedUtc = e.PublishedUtc.Value;
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnpublishAsync(InwardDbContext db, TimeProvider clock, int id, CancellationToken ct)
    {
        var e = await db.Set<RadioEpisode>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        if (e.Status != EpisodeStatus.Draft)
        {
            e.Status = EpisodeStatus.Draft;
            e.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(InwardDbContext db, FileStore files, int id, CancellationToken ct)
    {
        var e = await db.Set<RadioEpisode>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        var audio = e.AudioFileId;
        db.Remove(e);
        await db.SaveChangesAsync(ct);
        if (audio is { } a)
        {
            await files.DeleteAsync(a, RadioViews.FileKind, id, ct);
        }
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
