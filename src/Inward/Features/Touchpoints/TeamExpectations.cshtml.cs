using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Touchpoints;

/// <summary>A manager's reports (direct and indirect), their job role's card version and whether they accepted it.</summary>
[RequireCapability(Capability.SeeTeam)]
public sealed class TeamExpectationsModel(RoleCardQueries cards) : PageModel
{
    public bool HasEmployeeRecord { get; private set; }
    public IReadOnlyList<TeamMemberExpectation> Team { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (PeopleQueries.EmployeeIdOf(User) is { } me)
        {
            HasEmployeeRecord = true;
            Team = await cards.TeamExpectationsAsync(me);
        }
    }
}
