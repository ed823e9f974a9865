using System.Globalization;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}/results: HR sees every group, a manager their own department and below, everyone else 403. All figures
/// come already suppressed from <see cref="SurveyResults"/>; the page only draws them (inline SVG bars, no script).
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ResultsModel(SurveyResults results) : PageModel
{
    public SurveyResultsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? department, CancellationToken ct)
    {
        var (access, view) = await results.ForAsync(id, User, department, CultureInfo.CurrentUICulture, ct);
        switch (access)
        {
            case ResultsAccess.NotFound:
                return NotFound();
            case ResultsAccess.Forbidden:
                return Forbid();
        }
        View = view!;
        return Page();
    }

    /// <summary>A share 0..1 as a whole percent for display.</summary>
    public static string Percent(double share) => (100 * share).ToString("0", CultureInfo.CurrentCulture) + " %";

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.CurrentCulture);

    /// <summary>SVG widths use invariant numbers whatever the reader's language.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
