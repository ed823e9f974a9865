using System.Globalization;
using System.Text;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}/export: the aggregated results of a group as CSV, with the page's suppression and access. Never a raw row,
/// never a comment; cells a spreadsheet would run as a formula are defused by <see cref="CsvSafe"/>. Every export is audited.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ExportModel(SurveyResults results, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? department, CancellationToken ct)
    {
        var (access, view) = await results.ForAsync(id, User, department, CultureInfo.InvariantCulture, ct);
        switch (access)
        {
            case ResultsAccess.NotFound:
                return NotFound();
            case ResultsAccess.Forbidden:
                return Forbid();
        }
        await audit.RecordAsync("SurveyResultsExported", nameof(Survey), id.ToString(CultureInfo.InvariantCulture), new { Department = department });
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(view!))).ToArray(), "text/csv; charset=utf-8",
            $"survey-{id}-results.csv");
    }

    /// <summary>Pure: one line per question, dimension and department; a suppressed figure is the text "fewer than k responses".</summary>
    public static string Csv(SurveyResultsView v)
    {
        var hidden = $"fewer than {v.Threshold.ToString(CultureInfo.InvariantCulture)} responses";
        static string N(double? x, string format = "0.00") => x is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "";
        var csv = new StringBuilder();
        csv.Append(CsvSafe.Row("Section", "Group", "Item", "Dimension", "Respondents", "Mean", "Favourable %", "Neutral %", "Unfavourable %", "eNPS",
            "Margin of error", "Cronbach alpha", "Participation %", "Note"));
        var group = v.DepartmentId is null ? "Whole company" : v.GroupName;
        if (!v.AnswersVisible)
        {
            csv.Append(CsvSafe.Row("Group", group, "", "", v.GroupShown ? v.Responded?.ToString(CultureInfo.InvariantCulture) : "", "", "", "", "", "", "", "",
                N(v.Participation, "0"), v.GroupShown ? "answers are shown once the survey has closed" : hidden));
        }
        else
        {
            foreach (var q in v.Questions)
            {
                var note = q.Suppressed ? hidden : "";
                if (q.Likert is { } l)
                {
                    csv.Append(CsvSafe.Row("Question", group, q.Text, q.Dimension, q.N?.ToString(CultureInfo.InvariantCulture), N(l.Mean), N(100 * l.Favourable, "0"),
                        N(100 * l.Neutral, "0"), N(100 * l.Unfavourable, "0"), "", "", "", "", note));
                }
                else if (q.NetPromoter is { } n)
                {
                    csv.Append(CsvSafe.Row("Question", group, q.Text, q.Dimension, q.N?.ToString(CultureInfo.InvariantCulture), "", "", "", "", N(n.Score, "0"),
                        N(n.MarginOfError, "0"), "", "", note));
                }
                else if (q.Options is { } options)
                {
                    foreach (var o in options)
                    {
                        csv.Append(CsvSafe.Row("Option", group, $"{q.Text}: {o.Option}", "", q.N?.ToString(CultureInfo.InvariantCulture), "",
                            N(100 * o.Share, "0"), "", "", "", "", "", "", q.Kind == QuestionKind.Ranking ? "share placing it in the top 3" : "share choosing it"));
                    }
                }
                else
                {
                    csv.Append(CsvSafe.Row("Question", group, q.Text, q.Dimension, q.N?.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "", "", "", note));
                }
            }
            foreach (var d in v.Dimensions)
            {
                csv.Append(CsvSafe.Row("Dimension", group, d.Name, d.Name, d.N?.ToString(CultureInfo.InvariantCulture), N(d.Mean), N(d.Favourable, "0"), "", "", "",
                    "", N(d.Alpha), "", d.Suppressed ? hidden : d.AlphaLow ? "alpha below 0.70" : ""));
            }
        }
        foreach (var row in v.Heatmap)
        {
            var name = row.DepartmentId is null ? "Whole company" : row.Name;
            if (!row.Shown)
            {
                csv.Append(CsvSafe.Row("Department", name, "", "", "", "", "", "", "", "", "", "", "", hidden));
                continue;
            }
            csv.Append(CsvSafe.Row("Department", name, "", "", row.Responded?.ToString(CultureInfo.InvariantCulture), "", "", "", "", N(row.NetPromoter, "0"), "", "",
                N(row.Participation, "0"), row.ParticipationLow ? "participation below 60 %" : ""));
            foreach (var cell in row.Cells)
            {
                csv.Append(CsvSafe.Row("Heatmap", name, "", cell.Dimension, "", "", N(cell.Favourable, "0"), "", "", "", "", "", "", cell.Favourable is null ? hidden : ""));
            }
        }
        return csv.ToString();
    }
}
