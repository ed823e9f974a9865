using Inward.Features.Listening;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Panel;

/// <summary>
/// Marks a survey as the advisory panel's own: at launch its audience is the panel's members (those who accepted), not
/// its audience rule. Everything else — authoring, answering, anonymity, results, reminders — is the ordinary survey's.
/// </summary>
public sealed class PanelSurvey
{
    public int SurveyId { get; set; }
}

internal sealed class PanelSurveyConfiguration : IEntityTypeConfiguration<PanelSurvey>
{
    public void Configure(EntityTypeBuilder<PanelSurvey> b)
    {
        b.ToTable("PanelSurveys");
        b.HasKey(p => p.SurveyId);
        b.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A panel survey as HR lists it on /panel.</summary>
public sealed record PanelSurveyView(int Id, string Title, SurveyStatus Status, bool IsAnonymous);

/// <summary>The panel's surveys: who is asked, which surveys a member sees on /panel, and whether to show /panel in the menu.</summary>
public sealed class PanelSurveys(InwardDbContext db, SurveyResponding responding)
{
    /// <summary>The panel's current members (accepted invitations, active employees): the audience a panel survey freezes at launch.</summary>
    public async Task<IReadOnlyList<int>> MemberEmployeeIdsAsync(CancellationToken ct) =>
        await db.Set<PanelMember>().AsNoTracking().Where(m => m.Membership == PanelMembership.Member && db.Employees.Any(e => e.Id == m.EmployeeId && e.IsActive))
            .Select(m => m.EmployeeId).ToListAsync(ct);

    public Task<bool> IsPanelSurveyAsync(int surveyId, CancellationToken ct) => db.Set<PanelSurvey>().AnyAsync(p => p.SurveyId == surveyId, ct);

    /// <summary>Whether the menu shows /panel to this employee (HR sees it through their capability).</summary>
    public Task<bool> IsMemberAsync(int employeeId, CancellationToken ct) =>
        db.Set<PanelMember>().AnyAsync(m => m.EmployeeId == employeeId && m.Membership == PanelMembership.Member, ct);

    /// <summary>A member's panel surveys (launched, addressed to them), open and unanswered first.</summary>
    public async Task<IReadOnlyList<MySurvey>> ForMemberAsync(int employeeId, CancellationToken ct)
    {
        var panel = (await db.Set<PanelSurvey>().AsNoTracking().Select(p => p.SurveyId).ToListAsync(ct)).ToHashSet();
        return [.. (await responding.MineAsync(employeeId, ct)).Where(s => panel.Contains(s.Id))];
    }

    /// <summary>Every panel survey, newest first (for HR).</summary>
    public async Task<IReadOnlyList<PanelSurveyView>> AllAsync(CancellationToken ct) =>
        await db.Set<Survey>().AsNoTracking().Where(s => db.Set<PanelSurvey>().Any(p => p.SurveyId == s.Id)).OrderByDescending(s => s.Id).Take(200)
            .Select(s => new PanelSurveyView(s.Id, s.Title, s.Status, s.IsAnonymous)).ToListAsync(ct);
}
