using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

/// <summary>
/// /posts/{id}/attachments: upload images (PNG, JPEG, GIF, WebP) and documents (PDF, Word, Excel, PowerPoint, text, CSV)
/// for a post, list and delete them. Images come with the Markdown to paste into the post.
/// </summary>
[RequireCapability(Capability.Communicate)]
[RequestSizeLimit(FileStore.HardRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = FileStore.HardRequestLimit)]
public sealed class PostAttachmentsModel(InwardDbContext db, FileStore files, IStringLocalizer<Strings> t) : PageModel
{
    public int PostId { get; private set; }
    public string PostTitle { get; private set; } = "";
    public IReadOnlyList<StoredFile> Files { get; private set; } = [];
    public long MaxImageBytes => files.Options.MaxBytes(FileUse.Image);
    public long MaxDocumentBytes => files.Options.MaxBytes(FileUse.Document);

    [BindProperty] public IFormFile? Upload { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(ct);
        if (post is null)
        {
            return false;
        }
        PostId = post.Id;
        PostTitle = post.Title;
        Files = await files.OfOwnerAsync(PostFileOwner.FileKind, id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["The file is empty."]);
            return Page();
        }
        // Images by their bytes go to the image rules; everything else is checked as a document.
        var head = new byte[Math.Min(64, Upload.Length)];
        await using (var s = Upload.OpenReadStream())
        {
            await s.ReadExactlyAsync(head, ct);
        }
        var use = FileSniffer.Sniff(head, Upload.FileName) is { Use: FileUse.Image } ? FileUse.Image : FileUse.Document;
        var result = await files.SaveAsync(Upload, use, PostFileOwner.FileKind, id, User, ct);
        if (!result.Ok)
        {
            ModelState.AddModelError(nameof(Upload), result.Error ?? "");
            return Page();
        }
        TempData["Saved"] = t["Uploaded {0}.", result.File!.FileName].Value;
        return Redirect($"/posts/{id}/attachments");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !await files.DeleteAsync(file, PostFileOwner.FileKind, id, ct))
        {
            return NotFound();
        }
        TempData["Saved"] = t["Deleted."].Value;
        return Redirect($"/posts/{id}/attachments");
    }
}
