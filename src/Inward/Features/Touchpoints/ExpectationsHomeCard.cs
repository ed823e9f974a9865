using System.Security.Claims;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Touchpoints;

/// <summary>
/// "What is expected of me": the signed-in employee's role expectation card on the home page, with a prompt to
/// accept it while they have not accepted its current version. Renders nothing when there is no card.
/// </summary>
public sealed class ExpectationsHomeCard(RoleCardQueries cards) : ViewComponent
{
    public const int Behaviours = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        if (!user.Has(Capability.UseIntranet) || await cards.MineAsync(user) is not { Card: not null } mine)
        {
            return Content("");
        }
        return View("/Features/Touchpoints/_ExpectationsHomeCard.cshtml", mine);
    }
}
