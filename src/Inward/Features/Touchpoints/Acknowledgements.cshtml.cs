using System.Text;
using Inward.Features.People;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

/// <summary>
/// Who in a job role has and has not accepted the current version of its card. Plan editors see everyone in the
/// role; managers see only their own team (direct and indirect reports). A CSV of those who have not accepted is
/// exported with a POST, because the export is audited.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class AcknowledgementsModel(InwardDbContext db, RoleCardQueries cards, PeopleQueries people, AuditLog audit) : PageModel
{
    public int JobRoleId { get; private set; }
    public string JobRole { get; private set; } = "";
    public int PublishedVersion { get; private set; }
    /// <summary>True when the list is narrowed to the signed-in manager's team.</summary>
    public bool TeamOnly { get; private set; }
    public IReadOnlyList<AcknowledgementRow> Rows { get; private set; } = [];
    public int Acknowledged => Rows.Count(r => r.AcknowledgedUtc is not null);

    public async Task<IActionResult> OnGetAsync(int jobRoleId)
    {
        if (!MayView())
        {
            return Forbid();
        }
        return await LoadAsync(jobRoleId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostExportAsync(int jobRoleId)
    {
        if (!MayView())
        {
            return Forbid();
        }
        if (!await LoadAsync(jobRoleId))
        {
            return NotFound();
        }
        var missing = Rows.Where(r => r.AcknowledgedUtc is null).ToList();
        await audit.RecordAsync("Export", nameof(RoleCardAcknowledgement), jobRoleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { Export = "role-card-not-acknowledged", JobRoleId, Version = PublishedVersion, TeamOnly, Rows = missing.Count });
        var csv = new StringBuilder(CsvSafe.Row("Name", "E-mail", "Department", "Manager", "Job role", "Card version"));
        foreach (var r in missing)
        {
            csv.Append(CsvSafe.Row(r.Name, r.Email, r.Department, r.Manager, JobRole,
                PublishedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"role-card-{jobRoleId}-not-acknowledged.csv");
    }

    private bool MayView() => User.Has(Capability.ManagePlan) || User.Has(Capability.SeeTeam);

    private async Task<bool> LoadAsync(int jobRoleId)
    {
        var role = await db.JobRoles.AsNoTracking().Where(r => r.Id == jobRoleId).Select(r => r.Name).SingleOrDefaultAsync();
        if (role is null)
        {
            return false;
        }
        (JobRoleId, JobRole) = (jobRoleId, role);
        PublishedVersion = await db.Set<RoleCard>().AsNoTracking().Where(c => c.JobRoleId == jobRoleId).Select(c => c.PublishedVersion).SingleOrDefaultAsync();
        IReadOnlyCollection<int>? only = null;
        if (!User.Has(Capability.ManagePlan))
        {
            TeamOnly = true;
            only = PeopleQueries.EmployeeIdOf(User) is { } me ? await people.TeamOfAsync(me) : [];
        }
        Rows = await cards.AcknowledgementsAsync(jobRoleId, only);
        return true;
    }
}
