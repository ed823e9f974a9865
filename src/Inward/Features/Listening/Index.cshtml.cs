using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>/surveys: the surveys addressed to me (open ones first); for HR and managers also the surveys whose results they may read.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class SurveysIndexModel(SurveyResponding responding, InwardDbContext db) : PageModel
{
    public IReadOnlyList<MySurvey> Mine { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, SurveyStatus Status)> WithResults { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (PeopleQueries.EmployeeIdOf(User) is { } me)
        {
            Mine = await responding.MineAsync(me, ct);
        }
        if (User.Has(Capability.ManageSurveys) || User.Has(Capability.SeeTeam))
        {
            var rows = await db.Set<Survey>().AsNoTracking().Where(s => s.Status != SurveyStatus.Draft).OrderByDescending(s => s.Id)
                .Select(s => new { s.Id, s.Title, s.Status }).Take(50).ToListAsync(ct);
            WithResults = [.. rows.Select(r => (r.Id, r.Title, r.Status))];
        }
    }
}
