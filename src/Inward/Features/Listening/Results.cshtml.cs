using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}/results: HR sees every group, a manager their own department and below, everyone else 403. All figures
/// come already suppressed from <see cref="SurveyResults"/>; the page only draws them (inline SVG bars, no script). A
/// location or tenure filter that <see cref="FilterGuard"/> refuses shows one neutral message and no figures.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ResultsModel(SurveyResults results, InwardDbContext db) : PageModel
{
    public SurveyResultsView View { get; private set; } = null!;

    /// <summary>The filter asked for was refused: <see cref="View"/> then holds the unfiltered group.</summary>
    public bool FilterRefused { get; private set; }

    /// <summary>The locations people of this survey were at when it launched (a filter's choices; roster data, not answers).</summary>
    public IReadOnlyList<(int Id, string Name)> Locations { get; private set; } = [];

    public int? Location { get; private set; }

    public TenureBand? Tenure { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? department, int? location, string? tenure, CancellationToken ct)
    {
        var valid = ResultFilterQuery.TryParse(location, tenure, out var filter);
        var (access, view) = await results.ForAsync(id, User, department, valid ? filter : null, CultureInfo.CurrentUICulture, ct);
        if (access == ResultsAccess.FilterRefused)
        {
            FilterRefused = true;
            (access, view) = await results.ForAsync(id, User, department, CultureInfo.CurrentUICulture, ct);
        }
        switch (access)
        {
            case ResultsAccess.NotFound:
                return NotFound();
            case ResultsAccess.Forbidden:
                return Forbid();
        }
        View = view!;
        FilterRefused |= !valid;
        (Location, Tenure) = (filter?.LocationId, filter?.Tenure);
        var locationIds = db.Set<SurveyMember>().Where(m => m.SurveyId == id && m.LocationId != null).Select(m => m.LocationId);
        Locations = [.. (await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct))
            .Select(l => (l.Id, l.Name))];
        return Page();
    }

    /// <summary>A share 0..1 as a whole percent for display.</summary>
    public static string Percent(double share) => (100 * share).ToString("0", CultureInfo.CurrentCulture) + " %";

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.CurrentCulture);

    /// <summary>SVG widths use invariant numbers whatever the reader's language.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
