using System.Globalization;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Listening.Pulses;

/// <summary>
/// /surveys/{id}/trends/export (CSV) and ?handler=Xlsx: a series' trends for a group, figure by figure as the trends page
/// shows them, from the same <see cref="PulseTrends"/> view, so a hidden point is the words "fewer than k responses" and
/// never a number. Access as the page; cells defused and written by the survey export's own writers; every export audited.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class TrendsExportModel(PulseTrends trends, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? department, CancellationToken ct)
    {
        var (outcome, view) = await ExportAsync(id, department, "csv", ct);
        return outcome ?? File(ExportModel.CsvFileOf(Rows(view!)), "text/csv; charset=utf-8", $"survey-{id}-trends.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, int? department, CancellationToken ct)
    {
        var (outcome, view) = await ExportAsync(id, department, "xlsx", ct);
        return outcome ?? File(await ExportModel.XlsxOf(Rows(view!), "Trends", ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"survey-{id}-trends.xlsx");
    }

    private async Task<(IActionResult? Outcome, SurveyTrendView? View)> ExportAsync(int id, int? department, string format, CancellationToken ct)
    {
        var (access, view) = await trends.ForAsync(id, User, department, CultureInfo.InvariantCulture, ct);
        switch (access)
        {
            case ResultsAccess.NotFound:
                return (NotFound(), null);
            case ResultsAccess.Forbidden:
                return (Forbid(), null);
        }
        await audit.RecordAsync("SurveyTrendsExported", nameof(Survey), id.ToString(CultureInfo.InvariantCulture),
            new { Department = department, Format = format, Series = view!.SeriesId });
        return (null, view);
    }

    /// <summary>
    /// Pure: a line per closed cycle (participation and eNPS), then per dimension and per agreement or 0–10 question and
    /// cycle. A suppressed cycle or value has empty figures and the note "fewer than k responses"; counts included.
    /// </summary>
    public static IReadOnlyList<string?[]> Rows(SurveyTrendView v)
    {
        var hidden = $"fewer than {v.Threshold.ToString(CultureInfo.InvariantCulture)} responses";
        static string N(double? x, string format = "0.00") => x is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "";
        static string I(int? x) => x?.ToString(CultureInfo.InvariantCulture) ?? "";
        var group = v.DepartmentId is null ? "Whole company" : v.GroupName;
        List<string?[]> rows = [["Section", "Group", "Cycle", "Opened", "Item", "Dimension", "Respondents", "Invited", "Participation %", "eNPS", "Favourable %",
            "Mean", "Note"]];
        string?[] Cycle(TrendCycle c) => [I(c.Number), c.OpensUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""];
        foreach (var c in v.Cycles)
        {
            rows.Add(c.Shown
                ? ["Cycle", group, .. Cycle(c), "", "", I(c.Responded), I(c.Invited), N(c.Participation, "0"), N(c.NetPromoter, "0"), "", "", ""]
                : ["Cycle", group, .. Cycle(c), "", "", "", "", "", "", "", "", hidden]);
        }
        foreach (var d in v.Dimensions)
        {
            foreach (var (c, x) in v.Cycles.Zip(d.Values))
            {
                rows.Add(["Dimension", group, .. Cycle(c), d.Name, d.Name, "", "", "", "", N(x.Favourable, "0"), N(x.Mean), x.Favourable is null ? hidden : ""]);
            }
        }
        foreach (var q in v.Questions)
        {
            foreach (var (c, x) in v.Cycles.Zip(q.Values))
            {
                var shown = q.Kind == QuestionKind.Scale0To10 ? x.NetPromoter is not null : x.Favourable is not null;
                rows.Add(["Question", group, .. Cycle(c), q.Name, "", "", "", "", N(x.NetPromoter, "0"), N(x.Favourable, "0"), N(x.Mean), shown ? "" : hidden]);
            }
        }
        return rows;
    }
}
