using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>Every saved change of a post's texts, newest first (/posts/{id}/history), for authors.</summary>
[RequireCapability(Capability.Communicate)]
public sealed class PostHistoryModel(InwardDbContext db) : PageModel
{
    public sealed record Revision(int Number, string Title, string Body, IReadOnlyList<PostTextInput> Texts, string EditorName, DateTime CreatedUtc,
        string? Note, bool AfterPublication);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Departments { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var title = await db.Set<Post>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }
        Id = id;
        Title = title;
        var rows = await db.Set<PostRevision>().AsNoTracking().Where(r => r.PostId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        Revisions = [.. rows.Select(r => new Revision(r.Number, r.Title, r.Body, PostAuthoring.TextsFromJson(r.TextsJson), r.EditorName, r.CreatedUtc,
            r.Note, r.AfterPublication))];
        Departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return Page();
    }
}
