using System.Security.Claims;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.People.Import;

/// <summary>Step 1 of the roster import: upload a CSV file, which is kept under a server-generated name.</summary>
[RequireCapability(Capability.ManagePeople)]
[RequestSizeLimit(RosterFileReader.UploadLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RosterFileReader.UploadLimitBytes)]
[OversizedUploadRedirect(Path)]
public sealed class UploadModel(RosterUploads uploads, IStringLocalizer<Strings> t) : PageModel
{
    public const string Path = "/people/import";

    [BindProperty] public IFormFile? Roster { get; set; }

    public void OnGet(string? error)
    {
        if (error == "too-large")
        {
            ModelState.AddModelError("", t["The file is larger than 10 MB. Split it into smaller files."]);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Roster is null || Roster.Length == 0)
        {
            ModelState.AddModelError("", t["Choose a CSV file to upload."]);
            return Page();
        }
        if (Roster.Length > RosterFileReader.MaxBytes)
        {
            ModelState.AddModelError("", t["The file is larger than 10 MB. Split it into smaller files."]);
            return Page();
        }
        using var buffer = new MemoryStream((int)Roster.Length);
        await Roster.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var read = RosterFileReader.Read(content);
        if (read.File is null)
        {
            foreach (var problem in read.Problems)
            {
                ModelState.AddModelError("", problem.Format(t));
            }
            return Page();
        }
        var id = await uploads.SaveAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, Roster.FileName, content, ct);
        return Redirect($"{Path}/{id}");
    }
}
