using System.Globalization;

namespace Inward.Features.Plan;

public enum CalendarView
{
    Month,
    Quarter,
}

/// <summary>A column of the calendar: a week starting on Monday, clipped to the shown months.</summary>
public sealed record CalendarWeek(DateOnly Starts, DateOnly Ends);

public sealed record CalendarRow(InitiativeSnapshot Initiative, IReadOnlyList<bool> Active);

/// <summary>
/// The initiatives of a plan laid out on weeks: one month or one quarter (three months from <see cref="From"/>).
/// Rows are the initiatives active at some point of the shown span; a cell is marked when the initiative runs in that week.
/// </summary>
public sealed record PlanCalendar(CalendarView View, DateOnly From, DateOnly To, IReadOnlyList<CalendarWeek> Weeks, IReadOnlyList<CalendarRow> Rows)
{
    public DateOnly Previous => From.AddMonths(-Months(View));
    public DateOnly Next => From.AddMonths(Months(View));

    public static int Months(CalendarView view) => view == CalendarView.Quarter ? 3 : 1;

    /// <summary>Reads "YYYY-MM"; null when absent or not a month.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Pure: lays out <paramref name="initiatives"/> from the first day of <paramref name="month"/>.</summary>
    public static PlanCalendar Build(IEnumerable<InitiativeSnapshot> initiatives, CalendarView view, DateOnly month)
    {
        var from = new DateOnly(month.Year, month.Month, 1);
        var to = from.AddMonths(Months(view)).AddDays(-1);
        var weeks = new List<CalendarWeek>();
        var start = from;
        while (start <= to)
        {
            // Weeks run Monday to Sunday; the first and last are cut at the span's edges.
            var daysToSunday = ((int)DayOfWeek.Sunday - (int)start.DayOfWeek + 7) % 7;
            var end = start.AddDays(daysToSunday);
            if (end > to)
            {
                end = to;
            }
            weeks.Add(new CalendarWeek(start, end));
            start = end.AddDays(1);
        }
        var rows = initiatives
            .Where(i => i.StartsOn <= to && i.EndsOn >= from)
            .OrderBy(i => i.StartsOn).ThenBy(i => i.Title, StringComparer.CurrentCulture)
            .Select(i => new CalendarRow(i, [.. weeks.Select(w => i.StartsOn <= w.Ends && i.EndsOn >= w.Starts)]))
            .ToList();
        return new PlanCalendar(view, from, to, weeks, rows);
    }
}
