using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Listening;

/// <summary>
/// A link of the internal-customer map as it was when a survey with service quality items launched (serving department
/// → served department). The matrix's structure and its chains are drawn on these, like the department snapshot of the
/// members, so a later change to the map does not change a closed survey's results (docs/adr/0015).
/// </summary>
public sealed class SurveyServiceLink
{
    public int SurveyId { get; set; }
    public int FromDepartmentId { get; set; }
    public int ToDepartmentId { get; set; }
}

internal sealed class SurveyServiceLinkConfiguration : IEntityTypeConfiguration<SurveyServiceLink>
{
    public void Configure(EntityTypeBuilder<SurveyServiceLink> b)
    {
        b.ToTable("SurveyServiceLinks");
        b.HasKey(l => new { l.SurveyId, l.FromDepartmentId, l.ToDepartmentId });
        b.HasOne<Survey>().WithMany().HasForeignKey(l => l.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Takes and reads the launch snapshot of the internal-customer map.</summary>
public static class ServiceMapSnapshot
{
    /// <summary>
    /// Adds (unsaved) today's map links as <paramref name="surveyId"/>'s snapshot when <paramref name="itemsOfSurveyId"/>
    /// has service quality items; a survey without them needs no map. The ids may be EF temporary keys of rows added in the
    /// same unit of work (a pulse cycle's copy).
    /// </summary>
    public static async Task TakeAsync(Platform.Data.InwardDbContext db, int surveyId, int itemsOfSurveyId, CancellationToken ct)
    {
        if (!await db.Set<SurveyQuestion>().AnyAsync(q => q.SurveyId == itemsOfSurveyId && q.AboutDepartmentId != null, ct))
        {
            return;
        }
        var links = await db.Set<InternalCustomers.ServiceEdge>().AsNoTracking()
            .Select(e => new { e.FromDepartmentId, e.ToDepartmentId }).Distinct().ToListAsync(ct);
        db.AddRange(links.Select(l => new SurveyServiceLink { SurveyId = surveyId, FromDepartmentId = l.FromDepartmentId, ToDepartmentId = l.ToDepartmentId }));
    }

    /// <summary>
    /// The map of a survey: its launch snapshot; for a survey launched before snapshots were taken (none stored), today's
    /// map, which is all there is to go on.
    /// </summary>
    public static async Task<IReadOnlySet<ServiceLink>> LinksAsync(Platform.Data.InwardDbContext db, int surveyId, CancellationToken ct)
    {
        var snapshot = await db.Set<SurveyServiceLink>().AsNoTracking().Where(l => l.SurveyId == surveyId)
            .Select(l => new { l.FromDepartmentId, l.ToDepartmentId }).ToListAsync(ct);
        var links = snapshot.Count > 0
            ? snapshot
            : await db.Set<InternalCustomers.ServiceEdge>().AsNoTracking().Select(e => new { e.FromDepartmentId, e.ToDepartmentId }).ToListAsync(ct);
        return links.Select(l => new ServiceLink(l.FromDepartmentId, l.ToDepartmentId)).ToHashSet();
    }
}
