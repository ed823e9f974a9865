using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Radio;

/// <summary>/radio/manage: every episode with its status, length and play count (communicators).</summary>
[RequireCapability(Capability.Communicate)]
public sealed class RadioManageModel(InwardDbContext db, RadioViews views) : PageModel
{
    public sealed record Row(int Id, string Title, EpisodeStatus Status, DateTime? PublishedUtc, int DurationSeconds, bool HasAudio, int Plays);

    public IReadOnlyList<Row> Episodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var plays = await views.PlayCountsAsync(ct);
        var episodes = await db.Set<RadioEpisode>().AsNoTracking().OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.Status, e.PublishedUtc, e.DurationSeconds, e.AudioFileId }).ToListAsync(ct);
        Episodes = [.. episodes.Select(e => new Row(e.Id, e.Title, e.Status, e.PublishedUtc, e.DurationSeconds, e.AudioFileId is not null,
            plays.GetValueOrDefault(e.Id)))];
    }
}
