using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.InternalCustomers;

/// <summary>The links of one department for its page.</summary>
public sealed record DepartmentServicesView(int DepartmentId, IReadOnlyList<ServiceEdgeView> Serves, IReadOnlyList<ServiceEdgeView> ServedBy);

/// <summary>"Serves" and "Served by" on a department's page (People's org chart page invokes it).</summary>
public sealed class DepartmentServices(ServiceMap map) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int departmentId)
    {
        var edges = await map.ListAsync(departmentId, HttpContext.RequestAborted);
        return View("/Features/InternalCustomers/_DepartmentServices.cshtml", new DepartmentServicesView(departmentId,
            [.. edges.Where(e => e.FromDepartmentId == departmentId)],
            [.. edges.Where(e => e.ToDepartmentId == departmentId).OrderBy(e => e.FromDepartment, StringComparer.CurrentCulture)]));
    }
}
