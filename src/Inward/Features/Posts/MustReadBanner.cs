using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Posts;

/// <summary>The layout's banner: the signed-in employee's unacknowledged must-reads (at most three), nothing otherwise.</summary>
public sealed class MustReadBanner(PostViews views) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.User.Identity?.IsAuthenticated != true)
        {
            return Content("");
        }
        var items = await views.OpenMustReadsAsync(HttpContext.User, 3, HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View("/Features/Posts/_MustReadBanner.cshtml", items);
    }
}
