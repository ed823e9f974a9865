using Inward.Features.Learning.Paths;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning.Paths;

/// <summary>Learning paths and the rules that assign courses and paths (ManageLearning).</summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class PathsIndexModel(LearningPaths paths) : PageModel
{
    public IReadOnlyList<PathSummary> Paths { get; private set; } = [];
    public IReadOnlyList<RuleSummary> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Paths = await paths.PathsAsync(ct);
        Rules = await paths.RulesAsync(ct);
    }
}
