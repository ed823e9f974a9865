using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Wins;

/// <summary>/wins: every internal person's feed of wins, newest first, filterable by department (with sub-departments) and kind.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class WinsIndexModel(WinLog wins, PeopleQueries people) : PageModel
{
    public WinsPage Result { get; private set; } = new([], 1, WinLog.PageSize, 0);
    public int? Department { get; private set; }
    public string? Kind { get; private set; }
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public async Task OnGetAsync(int? department, string? kind, int? page, CancellationToken ct)
    {
        Department = department;
        Kind = WinRules.TryParseKind(kind, out var k) ? k.ToString() : null;
        Departments = [.. (await people.DepartmentsAsync()).Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            d.Id == department))];
        Result = await wins.ListAsync(new WinFilter(department, Kind is null ? null : k, Math.Max(1, page ?? 1)), ct);
    }
}
