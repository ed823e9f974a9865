using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening.Pulses;

/// <summary>
/// /surveys/{id}/trends: the closed cycles of a pulse for a group, as SVG line charts and tables. Access as the results:
/// HR every group, a manager their own department and below, everyone else 403; every point comes suppressed from
/// <see cref="PulseTrends"/>.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class TrendsModel(PulseTrends trends, InwardDbContext db) : PageModel
{
    public SurveyTrendView View { get; private set; } = null!;
    /// <summary>The survey's status for HR, who may change the series here; null for everyone else.</summary>
    public SurveyStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? department, CancellationToken ct)
    {
        var (access, view) = await trends.ForAsync(id, User, department, CultureInfo.CurrentUICulture, ct);
        switch (access)
        {
            case ResultsAccess.NotFound:
                return NotFound();
            case ResultsAccess.Forbidden:
                return Forbid();
        }
        View = view!;
        if (User.Has(Capability.ManageSurveys))
        {
            Status = await db.Set<Survey>().Where(s => s.Id == id).Select(s => (SurveyStatus?)s.Status).SingleAsync(ct);
        }
        return Page();
    }

    /// <summary>A cycle's label on the axis and in the tables: its number and the day it opened.</summary>
    public static string CycleLabel(TrendCycle c) =>
        c.OpensUtc is { } o ? $"{c.Number.ToString(CultureInfo.CurrentCulture)} · {o.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}" : c.Number.ToString(CultureInfo.CurrentCulture);
}

/// <summary>What the chart partial draws: a title, the "fewer than k" wording for gaps, and the laid-out chart.</summary>
public sealed record TrendChartModel(string Title, string Hidden, TrendChartDrawing Drawing);
