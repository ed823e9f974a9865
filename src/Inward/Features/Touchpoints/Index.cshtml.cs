using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Touchpoints;

/// <summary>Where we meet our customers, grouped by owning department and filtered by department or job role.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class TouchpointsIndexModel(TouchpointQueries queries, TouchpointEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "department")] public int? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true, Name = "jobRole")] public int? JobRoleId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<IGrouping<string?, TouchpointSummary>> Groups { get; private set; } = [];
    public TouchpointChoices Choices { get; private set; } = new([], []);
    public int Count { get; private set; }

    public async Task OnGetAsync()
    {
        var list = await queries.ListAsync(DepartmentId, JobRoleId);
        Count = list.Count;
        Groups = [.. list.GroupBy(t => t.Department)];
        Choices = await editor.ChoicesAsync();
    }
}
