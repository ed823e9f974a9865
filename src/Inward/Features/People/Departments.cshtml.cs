using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.People;

[RequireCapability(Capability.UseIntranet)]
public sealed class DepartmentsModel(PeopleQueries people) : PageModel
{
    public IReadOnlyList<DepartmentNode> All { get; private set; } = [];

    public async Task OnGetAsync() => All = await people.DepartmentsAsync();

    public IEnumerable<DepartmentNode> ChildrenOf(int? parentId) => All.Where(d => d.ParentId == parentId);
}
