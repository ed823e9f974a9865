using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Touchpoints;

/// <summary>Plan editors' overview of role expectation cards: every job role, its card's state and how many accepted it.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class RoleCardsModel(RoleCardQueries cards, MetricRegistry metrics) : PageModel
{
    public IReadOnlyList<RoleCardStatus> Roles { get; private set; } = [];
    public MetricValue? Coverage { get; private set; }
    public MetricValue? Acknowledgement { get; private set; }

    public async Task OnGetAsync()
    {
        Roles = await cards.StatusesAsync();
        Coverage = await metrics.EvaluateAsync(TouchpointMetrics.Coverage, MetricScope.Company);
        Acknowledgement = await metrics.EvaluateAsync(TouchpointMetrics.Acknowledgement, MetricScope.Company);
    }

    /// <summary>Acknowledged ÷ people of the role, as a whole percentage; null when nobody can acknowledge.</summary>
    public static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);
}
