using System.Globalization;
using System.Text;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Admin;

/// <summary>The audit log, newest first, with filters and a CSV export (itself audited).</summary>
[RequireCapability(Capability.ReadAuditLog)]
public sealed class AuditModel(InwardDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];

    private AuditFilter Filter => new(Actor, ActionName, Type, Entity, From, To);

    public async Task OnGetAsync()
    {
        var query = Filter.Apply(db.AuditEntries.AsNoTracking());
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync();
        Types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(a => a).ToListAsync();
    }

    /// <summary>A POST (with antiforgery), because the export writes its own audit entry.</summary>
    public async Task<IActionResult> OnPostExportAsync()
    {
        var filter = Filter;
        await audit.RecordAsync("Export", nameof(AuditEntry), null, new { Export = "audit-log", filter.Actor, filter.Action, filter.EntityType, filter.EntityId, filter.From, filter.To });
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-log-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(CsvSafe.Row("At (UTC)", "Actor", "Actor user id", "Action", "Entity type", "Entity id", "Before", "After"));
        await foreach (var a in filter.Apply(db.AuditEntries.AsNoTracking()).AsAsyncEnumerable())
        {
            await writer.WriteAsync(CsvSafe.Row(a.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), a.ActorName, a.ActorUserId,
                a.Action, a.EntityType, a.EntityId, a.Before, a.After));
        }
        return new EmptyResult();
    }

    public string PageLink(int page) =>
        Url.Page("Audit", new { Actor, action = ActionName, Type, Entity, From, To, p = page }) ?? "/admin/audit";
}
