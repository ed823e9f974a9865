using Inward.Features.People;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Touchpoints;

/// <summary>
/// "What is expected of me": the signed-in employee's role card with the touchpoints their role owns, and the
/// "I have read and accept this" button for its current version.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ExpectationsModel(RoleCardQueries cards, MetricRegistry metrics, IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>The version the employee read, posted back so nobody accepts a version published while they were reading.</summary>
    [BindProperty] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public MyExpectations? Mine { get; private set; }
    /// <summary>Live values of the KPIs bound to a metric, formatted; for the employee's department when the metric allows.</summary>
    public Dictionary<string, string> MetricValues { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PeopleQueries.EmployeeIdOf(User) is not { } employeeId)
        {
            await LoadAsync();
            return Page();
        }
        if (Version is not { } version)
        {
            ModelState.AddModelError("", t["Read the card, then use the button below it to accept it."]);
            await LoadAsync();
            return Page();
        }
        switch (await cards.AcknowledgeAsync(employeeId, version))
        {
            case AcknowledgeOutcome.Acknowledged:
            case AcknowledgeOutcome.AlreadyAcknowledged:
                return Redirect("/expectations?done=accepted");
            case AcknowledgeOutcome.Outdated:
                ModelState.AddModelError("", t["A newer version of your card was published while you were reading. Please read it and accept it again."]);
                break;
            default:
                ModelState.AddModelError("", t["Your job role has no published expectation card."]);
                break;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Mine = await cards.MineAsync(User);
        if (Mine?.Card is not { } card)
        {
            return;
        }
        foreach (var key in card.Content.Kpis.Select(k => k.MetricKey).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (metrics.Find(key) is not { } definition)
            {
                continue;
            }
            var scope = definition.ByDepartment && Mine.DepartmentId is not null ? new MetricScope(Mine.DepartmentId) : MetricScope.Company;
            if ((await metrics.EvaluateAsync(key, scope))?.Value is { } value)
            {
                var number = value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
                MetricValues[key] = definition.Unit == MetricUnit.Percent ? number + " %" : number;
            }
        }
    }
}
