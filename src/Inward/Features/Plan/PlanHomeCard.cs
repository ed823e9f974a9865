using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Plan;

/// <summary>The plan's card on the home page.</summary>
public sealed class PlanHomeCard : ViewComponent
{
    public IViewComponentResult Invoke() => Content("");
}
