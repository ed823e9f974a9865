using Inward.Features.People;
using Inward.Platform.Jobs;

namespace Inward.Features.Learning.Assignments;

/// <summary>
/// People were added or changed: queues an evaluation of every rule, so a new hire has their courses (and someone who
/// moved department swaps theirs) within a poll of the job worker instead of at the next daily run.
/// </summary>
public sealed class LearningRosterChanged(IJobScheduler jobs) : IRosterChangedHandler
{
    public Task RosterChangedAsync(CancellationToken ct) => jobs.EnqueueAsync(AssignmentEvaluator.Kind, new AssignmentRun(), ct: ct);
}
