using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People.Import;

/// <summary>Who imported which roster when, with the counts; dry runs of the command line included.</summary>
[RequireCapability(Capability.ManagePeople)]
public sealed class HistoryModel(InwardDbContext db) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<RosterImport> Imports { get; private set; } = [];
    public RosterImport? Applied { get; private set; }

    public async Task OnGetAsync(int? applied, CancellationToken ct)
    {
        Imports = await db.RosterImports.AsNoTracking().OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(Shown).ToListAsync(ct);
        if (applied is { } id)
        {
            Applied = await db.RosterImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && !i.DryRun, ct);
        }
    }
}
