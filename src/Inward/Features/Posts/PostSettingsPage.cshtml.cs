using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

/// <summary>Company-wide post settings (/posts/settings): whether posts need approval before they are published.</summary>
[RequireCapability(Capability.ManageSettings)]
public sealed class PostSettingsModel(PostAuthoring authoring, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public bool RequireApproval { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => RequireApproval = await authoring.RequiresApprovalAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await authoring.SetRequiresApprovalAsync(RequireApproval, ct);
        TempData["Saved"] = t["Saved."].Value;
        return Redirect("/posts/settings");
    }
}
