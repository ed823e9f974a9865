using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Radio;

/// <summary>/radio: the episodes the person may hear, and their private podcast feed (make, replace or revoke the secret URL).</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class RadioIndexModel(RadioViews views, IConfiguration configuration, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<EpisodeView> Episodes { get; private set; } = [];
    public bool HasFeed { get; private set; }
    public bool MayManage { get; private set; }
    /// <summary>The feed URL, only right after it was made (only the token's hash is kept).</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Episodes = await views.ListAsync(User, ct);
        HasFeed = RadioApi.UserId(User) is { } id && await views.HasFeedAsync(id, ct);
        MayManage = await views.MayManageAsync(User);
        if (TempData["FeedToken"] is string token)
        {
            NewFeedUrl = $"{RadioFeed.BaseUrl(Request, configuration)}/radio/feed/{token}.rss";
        }
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        if (RadioApi.UserId(User) is not { } id)
        {
            return Forbid();
        }
        TempData["FeedToken"] = await views.NewFeedTokenAsync(id, ct);
        TempData["Saved"] = t["Your private feed address is ready. Copy it now: it is shown only once."].Value;
        return Redirect("/radio#feed");
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (RadioApi.UserId(User) is not { } id)
        {
            return Forbid();
        }
        await views.RevokeFeedAsync(id, ct: ct);
        TempData["Saved"] = t["Your feed address was revoked. Podcast apps using it stop receiving episodes."].Value;
        return Redirect("/radio#feed");
    }
}
