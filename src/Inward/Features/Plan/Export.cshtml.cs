using System.Globalization;
using System.Text;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Plan;

/// <summary>
/// The plan's initiatives as CSV (same visibility as the calendar). Cells that a spreadsheet would run as a formula are
/// defused by <see cref="CsvSafe"/>.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ExportModel(PlanViews views) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await views.ReadableAsync(id, User.Has(Capability.ManagePlan), HttpContext.RequestAborted) is not { } plan)
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(plan))).ToArray(), "text/csv; charset=utf-8", $"plan-{id}-initiatives.csv");
    }

    /// <summary>Pure: one header line and one line per initiative, invariant numbers and ISO dates.</summary>
    public static string Csv(PlanView plan)
    {
        var goals = plan.Plan.Goals.ToDictionary(g => g.Id, g => g.Title);
        var csv = new StringBuilder();
        csv.Append(CsvSafe.Row("Initiative", "Tactic", "Goal", "Owner", "Owner role", "Audience", "Starts", "Ends", "Status", "Budget planned", "Budget spent", "Description"));
        foreach (var i in plan.Plan.Initiatives)
        {
            csv.Append(CsvSafe.Row(i.Title, i.TacticKey, i.GoalId is { } g ? goals.GetValueOrDefault(g) : null, i.Owner, i.OwnerRole,
                i.Audience.Count == 0 ? "Everyone" : string.Join("; ", i.Audience),
                i.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i.Status.ToString(), i.BudgetPlanned.ToString("0.00", CultureInfo.InvariantCulture), i.BudgetSpent.ToString("0.00", CultureInfo.InvariantCulture),
                i.Description));
        }
        return csv.ToString();
    }
}
