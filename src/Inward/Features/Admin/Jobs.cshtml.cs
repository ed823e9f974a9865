using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Admin;

/// <summary>The background job system at a glance (Platform/Jobs): counts by status, the latest failures, retry.</summary>
[RequireCapability(Capability.ManageSettings)]
public sealed class JobsModel(InwardDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record Failure(Guid Id, string Kind, int Attempts, DateTime? FailedUtc, string? Error);

    public IReadOnlyList<(JobStatus Status, int Count)> Counts { get; private set; } = [];
    public int DuePending { get; private set; }
    public IReadOnlyList<Failure> Failures { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        var jobs = db.Set<BackgroundJob>().AsNoTracking();
        var counts = await jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Counts = Enum.GetValues<JobStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        DuePending = await jobs.CountAsync(j => j.Status == JobStatus.Pending && j.RunAtUtc <= now);
        Failures = await jobs.Where(j => j.Status == JobStatus.Failed).OrderByDescending(j => j.CompletedUtc).Take(50)
            .Select(j => new Failure(j.Id, j.Kind, j.Attempts, j.CompletedUtc, j.LastError)).ToListAsync();
    }

    /// <summary>Runs a failed job again now, with a fresh set of attempts; its last error stays until it runs.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var changed = await db.Set<BackgroundJob>().Where(j => j.Id == id && j.Status == JobStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Pending)
                .SetProperty(j => j.RunAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.CompletedUtc, (DateTime?)null)
                .SetProperty(j => j.Version, Guid.NewGuid()));
        if (changed == 0)
        {
            return NotFound();
        }
        await audit.RecordAsync("JobRetried", nameof(BackgroundJob), id.ToString());
        await db.SaveChangesAsync();
        return RedirectToPage("Jobs", new { done = "retried" });
    }
}
