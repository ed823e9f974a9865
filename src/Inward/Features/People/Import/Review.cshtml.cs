using System.Globalization;
using System.Security.Claims;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.People.Import;

/// <summary>
/// Steps 2 to 4 of the roster import: map the columns (guessed from the header), preview what will be created,
/// updated, deactivated or left unchanged with every problem by row, and apply it all in one transaction.
/// </summary>
[RequireCapability(Capability.ManagePeople)]
public sealed class ReviewModel(RosterUploads uploads, RosterImporter importer) : PageModel
{
    public const int ShowAtMost = 200;

    /// <summary>Column index per field, -1 for "not in the file". Empty on the first visit: the guess is used.</summary>
    [BindProperty(SupportsGet = true)] public Dictionary<RosterField, int> Map { get; set; } = [];

    [BindProperty(SupportsGet = true)] public bool Deactivate { get; set; }

    public string FileName { get; private set; } = "";
    public RosterImportResult Result { get; private set; } = null!;
    public IReadOnlyDictionary<int, RosterRow> RowsByNumber { get; private set; } = new Dictionary<int, RosterRow>();

    public IReadOnlyList<string> Headers => Result.File?.Headers ?? [];

    public int ColumnOf(RosterField field) => Result.Map?.ColumnOf(field) ?? -1;

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }
        await RunAsync(upload, apply: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }
        await RunAsync(upload, apply: true, ct);
        if (Result.Applied)
        {
            uploads.Delete(upload.Id);
            return Redirect($"/people/import/history?applied={Result.ImportId}");
        }
        return Page();
    }

    private async Task<RosterUpload?> LoadAsync(string id, CancellationToken ct)
    {
        var upload = await uploads.LoadAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        FileName = upload?.FileName ?? "";
        return upload;
    }

    private async Task RunAsync(RosterUpload upload, bool apply, CancellationToken ct)
    {
        var actorEmployee = int.TryParse(User.FindFirstValue(InwardClaimsPrincipalFactory.EmployeeClaim), CultureInfo.InvariantCulture, out var e) ? e : (int?)null;
        Result = await importer.RunAsync(new RosterImportRequest(
            upload.Content,
            upload.FileName,
            Map.Count == 0 ? null : Map,
            Deactivate,
            Apply: apply,
            ActorEmployeeId: actorEmployee), ct);
        if (Result.File is { } file && Result.Map is { } map)
        {
            RowsByNumber = map.Rows(file).ToDictionary(r => r.Row);
        }
    }
}
