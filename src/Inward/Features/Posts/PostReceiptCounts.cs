using Inward.Features.Audiences;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>Reached / opened / acknowledged for one group of readers (a department, a variant, everyone).</summary>
public sealed record ReceiptCount(int? Id, string? Name, int Reached, int Opened, int Acknowledged);

public sealed record PostReceiptSummary(int PostId, bool MustRead, ReceiptCount Total, IReadOnlyList<ReceiptCount> Departments, IReadOnlyList<ReceiptCount> Variants);

/// <summary>
/// Receipts of a post rolled up per department and per department variant (which variant each reader gets now, by the
/// same nearest-ancestor rule readers see). Used by the receipts page's variant section and the API.
/// </summary>
public sealed class PostReceiptCounts(InwardDbContext db, AudienceResolver resolver)
{
    public async Task<PostReceiptSummary?> ForPostAsync(int postId, CancellationToken ct = default)
    {
        var post = await db.Set<Post>().AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.MustRead, p.AudienceJson }).SingleOrDefaultAsync(ct);
        if (post is null)
        {
            return null;
        }
        AudienceRule rule;
        try
        {
            rule = AudienceRule.FromJson(post.AudienceJson) ?? new AudienceRule();
        }
        catch (System.Text.Json.JsonException)
        {
            rule = new AudienceRule();
        }
        var members = (await resolver.MemberEmployeeIdsAsync(rule, ct)).ToHashSet();
        var opened = (await db.Set<PostRead>().AsNoTracking().Where(r => r.PostId == postId).Select(r => r.EmployeeId).ToListAsync(ct)).ToHashSet();
        var acked = (await db.Set<PostAcknowledgement>().AsNoTracking().Where(a => a.PostId == postId).Select(a => a.EmployeeId).ToListAsync(ct)).ToHashSet();
        var variantDepartments = await db.Set<PostText>().AsNoTracking().Where(x => x.PostId == postId && x.DepartmentId != null)
            .Select(x => x.DepartmentId!.Value).Distinct().ToListAsync(ct);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var tree = await resolver.TreeAsync(ct);
        var people = (await db.Employees.AsNoTracking().Where(e => e.IsActive).Select(e => new { e.Id, e.DepartmentId }).ToListAsync(ct))
            .Where(e => members.Contains(e.Id))
            .Select(e => new { e.Id, e.DepartmentId, Variant = PostVariants.VariantDepartment(variantDepartments, e.DepartmentId, tree) })
            .ToList();
        ReceiptCount Count(int? id, IEnumerable<int> ids)
        {
            var list = ids.ToList();
            return new(id, id is { } d ? names.GetValueOrDefault(d) : null, list.Count, list.Count(opened.Contains), list.Count(acked.Contains));
        }
        return new(postId, post.MustRead, Count(null, people.Select(p => p.Id)),
            [.. people.GroupBy(p => p.DepartmentId).Select(g => Count(g.Key, g.Select(p => p.Id)))
                .OrderBy(r => r.Name is null).ThenBy(r => r.Name, StringComparer.CurrentCulture)],
            [.. people.GroupBy(p => p.Variant).Select(g => Count(g.Key, g.Select(p => p.Id)))
                .Concat(variantDepartments.Where(d => people.All(p => p.Variant != d)).Select(d => Count(d, [])))
                .OrderBy(r => r.Id is not null).ThenBy(r => r.Name, StringComparer.CurrentCulture)]);
    }
}

/// <summary>The receipts page's per-variant table (its own section, next to the per-department one).</summary>
public sealed class VariantReceipts(PostReceiptCounts counts) : Microsoft.AspNetCore.Mvc.ViewComponent
{
    public async Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> InvokeAsync(int postId)
    {
        var summary = await counts.ForPostAsync(postId, HttpContext.RequestAborted);
        return summary is null || summary.Variants.All(v => v.Id is null)
            ? Content("")
            : View("/Features/Posts/_VariantReceipts.cshtml", summary);
    }
}
