using System.Globalization;
using System.Text;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpreadCheetah;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}/export (CSV) and /surveys/{id}/export?handler=Xlsx: the aggregated results of a group, with the page's
/// filters, suppression and access. Never a raw row, never a comment; cells a spreadsheet would run as a formula are defused
/// by <see cref="CsvSafe"/> in both formats. Every export is audited.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ExportModel(SurveyResults results, ServiceQualityResults serviceQuality, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? department, int? location, string? tenure, CancellationToken ct)
    {
        var (outcome, view, matrix) = await ExportAsync(id, department, location, tenure, "csv", ct);
        return outcome ?? File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(view!, matrix))).ToArray(), "text/csv; charset=utf-8",
            $"survey-{id}-results.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, int? department, int? location, string? tenure, CancellationToken ct)
    {
        var (outcome, view, matrix) = await ExportAsync(id, department, location, tenure, "xlsx", ct);
        return outcome ?? File(await Xlsx(view!, ct, matrix), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id}-results.xlsx");
    }

    /// <summary>
    /// The view to export, or the refusal (404, 403, 400 for a bad or refused filter); audits what is exported. The whole
    /// group's export (no department or filter chosen) also carries the internal service quality matrix, as the page shows it.
    /// </summary>
    private async Task<(IActionResult? Outcome, SurveyResultsView? View, ServiceQualityView? Matrix)> ExportAsync(int id, int? department, int? location, string? tenure, string format,
        CancellationToken ct)
    {
        if (!ResultFilterQuery.TryParse(location, tenure, out var filter))
        {
            return (BadRequest(new ProblemDetails { Status = 400, Title = "Bad request", Detail = ResultFilterQuery.BadTenure }), null, null);
        }
        var (access, view) = await results.ForAsync(id, User, department, filter, CultureInfo.InvariantCulture, ct);
        switch (access)
        {
            case ResultsAccess.NotFound:
                return (NotFound(), null, null);
            case ResultsAccess.Forbidden:
                return (Forbid(), null, null);
            case ResultsAccess.FilterRefused:
                return (BadRequest(new ProblemDetails { Status = 400, Title = "Filter not available", Detail = ResultFilterQuery.Refused }), null, null);
        }
        var matrix = department is null && filter is null ? (await serviceQuality.ForAsync(id, User, ct)).View : null;
        await audit.RecordAsync("SurveyResultsExported", nameof(Survey), id.ToString(CultureInfo.InvariantCulture),
            new { Department = department, Location = location, Tenure = filter?.Tenure?.ToString(), Format = format });
        return (null, view, matrix);
    }

    /// <summary>Pure: the same lines as <see cref="Csv"/> as one worksheet; numbers as numbers, every text defused like a CSV cell.</summary>
    public static Task<byte[]> Xlsx(SurveyResultsView v, CancellationToken ct, ServiceQualityView? matrix = null) => XlsxOf(Rows(v, matrix), "Results", ct);

    /// <summary>Pure: lines of an export (figures written with invariant digits) as one worksheet, as <see cref="Xlsx"/> writes the results.</summary>
    public static async Task<byte[]> XlsxOf(IEnumerable<string?[]> rows, string sheet, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            await spreadsheet.StartWorksheetAsync(sheet, token: ct);
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync([.. row.Select(Cell)], ct);
            }
            await spreadsheet.FinishAsync(ct);
        }
        return stream.ToArray();
    }

    /// <summary>Pure: lines of an export as CSV text with a byte order mark (spreadsheets then read UTF-8), every cell defused.</summary>
    public static byte[] CsvFileOf(IEnumerable<string?[]> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.Append(CsvSafe.Row(row));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A figure (written by <see cref="Rows"/> with invariant digits) becomes a number cell; anything else defused text.</summary>
    private static DataCell Cell(string? text) =>
        text is { Length: > 0 } && (char.IsAsciiDigit(text[0]) || (text[0] is '-' or '+' && text.Length > 1 && char.IsAsciiDigit(text[1])))
        && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? new DataCell(number)
            : new DataCell(CsvSafe.Defuse(text));

    /// <summary>Pure: the results as CSV text (<see cref="Rows"/>).</summary>
    public static string Csv(SurveyResultsView v, ServiceQualityView? matrix = null)
    {
        var csv = new StringBuilder();
        foreach (var row in Rows(v, matrix))
        {
            csv.Append(CsvSafe.Row(row));
        }
        return csv.ToString();
    }

    /// <summary>
    /// Pure: one line per question, dimension and department; a suppressed figure is the text "fewer than k responses". A
    /// filtered group is named with its filters; where the company is compared, its figure and the difference follow. The
    /// service quality matrix, when given, adds a line per shown or suppressed cell and row total (group: the served department).
    /// </summary>
    public static IReadOnlyList<string?[]> Rows(SurveyResultsView v, ServiceQualityView? matrix = null)
    {
        var hidden = $"fewer than {v.Threshold.ToString(CultureInfo.InvariantCulture)} responses";
        static string N(double? x, string format = "0.00") => x is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "";
        var csv = new List<string?[]>();
        csv.Add(["Section", "Group", "Item", "Dimension", "Respondents", "Mean", "Favourable %", "Neutral %", "Unfavourable %", "eNPS",
            "Margin of error", "Cronbach alpha", "Participation %", "Note", "Company", "Difference", "Gap (P − E)"]);
        var filters = v.Filter is { } f ? string.Concat(new[] { v.FilterLocationName, f.Tenure is { } t ? TenureBands.Label(t) : null }.OfType<string>().Select(x => " · " + x)) : "";
        var group = (v.DepartmentId is null ? "Whole company" : v.GroupName) + filters;
        string?[] Compared(int? question, string? dimension) =>
            v.Comparisons.FirstOrDefault(c => (question is not null && c.QuestionId == question) || (dimension is not null && c.Dimension == dimension)) is { } c
                ? [N(c.Company, "0"), N(c.Difference, "+0;-0;0")]
                : ["", ""];
        if (!v.AnswersVisible)
        {
            csv.Add(["Group", group, "", "", v.GroupShown ? v.Responded?.ToString(CultureInfo.InvariantCulture) : "", "", "", "", "", "", "", "",
                N(v.Participation, "0"), v.GroupShown ? "answers are shown once the survey has closed" : hidden]);
        }
        else
        {
            foreach (var q in v.Questions)
            {
                var note = q.Suppressed ? hidden : "";
                if (q.Likert is { } l)
                {
                    csv.Add(["Question", group, q.Text, q.Dimension, q.N?.ToString(CultureInfo.InvariantCulture), N(l.Mean), N(100 * l.Favourable, "0"),
                        N(100 * l.Neutral, "0"), N(100 * l.Unfavourable, "0"), "", "", "", "", note, .. Compared(q.Id, null)]);
                }
                else if (q.NetPromoter is { } n)
                {
                    csv.Add(["Question", group, q.Text, q.Dimension, q.N?.ToString(CultureInfo.InvariantCulture), "", "", "", "", N(n.Score, "0"),
                        N(n.MarginOfError, "0"), "", "", note, .. Compared(q.Id, null)]);
                }
                else if (q.Options is { } options)
                {
                    foreach (var o in options)
                    {
                        csv.Add(["Option", group, $"{q.Text}: {o.Option}", "", q.N?.ToString(CultureInfo.InvariantCulture), "",
                            N(100 * o.Share, "0"), "", "", "", "", "", "", q.Kind == QuestionKind.Ranking ? "share placing it in the top 3" : "share choosing it"]);
                    }
                }
                else
                {
                    csv.Add(["Question", group, q.Text, q.Dimension, q.N?.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "", "", "", note]);
                }
            }
            foreach (var d in v.Dimensions)
            {
                csv.Add(["Dimension", group, d.Name, d.Name, d.N?.ToString(CultureInfo.InvariantCulture), N(d.Mean), N(d.Favourable, "0"), "", "", "",
                    "", N(d.Alpha), "", d.Suppressed ? hidden : d.AlphaLow ? "alpha below 0.70" : "", .. Compared(null, d.Name)]);
            }
        }
        foreach (var row in v.Heatmap)
        {
            var name = (row.DepartmentId is null ? "Whole company" : row.Name) + filters;
            if (!row.Shown)
            {
                csv.Add(["Department", name, "", "", "", "", "", "", "", "", "", "", "", hidden]);
                continue;
            }
            csv.Add(["Department", name, "", "", row.Responded?.ToString(CultureInfo.InvariantCulture), "", "", "", "", N(row.NetPromoter, "0"), "", "",
                N(row.Participation, "0"), row.ParticipationLow ? "participation below 60 %" : ""]);
            foreach (var cell in row.Cells)
            {
                csv.Add(["Heatmap", name, "", cell.Dimension, "", "", N(cell.Favourable, "0"), "", "", "", "", "", "", cell.Favourable is null ? hidden : ""]);
            }
        }
        if (matrix is { HasItems: true, AnswersVisible: true })
        {
            var served = matrix.Served.ToDictionary(d => d.Id, d => d.Name);
            string?[] Line(string group, string serving, ServiceQualityScore score, bool weakest) => score.State == ServiceQualityState.Shown
                ? ["Service quality", group, serving, "", score.Respondents?.ToString(CultureInfo.InvariantCulture), N(score.Mean), N(score.Favourable, "0"),
                    "", "", "", "", "", "", weakest ? "weakest link of a chain" : "", "", "", N(score.Gap)]
                : ["Service quality", group, serving, "", "", "", "", "", "", "", "", "", "", hidden];
            foreach (var row in matrix.Rows)
            {
                foreach (var cell in row.Cells.Where(c => c.Score.State is ServiceQualityState.Shown or ServiceQualityState.Suppressed))
                {
                    csv.Add(Line(served[cell.ServedDepartmentId], row.Name, cell.Score, cell.WeakestLink));
                }
                if (row.Total.State is ServiceQualityState.Shown or ServiceQualityState.Suppressed)
                {
                    csv.Add(Line("All internal customers", row.Name, row.Total, false));
                }
            }
        }
        return csv;
    }
}
