using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Touchpoints;

/// <summary>
/// Plan editors write a job role's expectation card and publish it. Saving keeps a working copy; publishing makes
/// it the next version, which every employee in the role is asked to accept again. Unknown job roles are 404.
/// </summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class RoleCardModel(InwardDbContext db, RoleCardEditor editor, RoleCardQueries cards, TouchpointQueries touchpoints,
    MetricRegistry metrics, Learning.CourseCatalogue courses, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public RoleCardForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public int JobRoleId { get; private set; }
    public string JobRole { get; private set; } = "";
    public int PublishedVersion { get; private set; }
    public bool HasCard { get; private set; }
    public IReadOnlyList<TouchpointSummary> Touchpoints { get; private set; } = [];
    public IReadOnlyList<(int Number, DateTime PublishedUtc, int Acknowledged)> Versions { get; private set; } = [];
    public IReadOnlyList<MetricDefinition> Metrics => metrics.All;
    /// <summary>Published courses a training row can link to.</summary>
    public IReadOnlyList<(int Id, string Title)> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int jobRoleId)
    {
        if (!await LoadAsync(jobRoleId))
        {
            return NotFound();
        }
        var card = await editor.FindTrackedAsync(jobRoleId);
        Input = (card is null ? new RoleCardForm() : RoleCardForm.From(RoleCardContent.Of(card))).WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int jobRoleId)
    {
        if (!await LoadAsync(jobRoleId))
        {
            return NotFound();
        }
        if (!Validate(publishing: false))
        {
            return Page();
        }
        await editor.SaveDraftAsync(jobRoleId, Input);
        return Redirect($"/role-cards/{jobRoleId}?done=saved");
    }

    public async Task<IActionResult> OnPostPublishAsync(int jobRoleId)
    {
        if (!await LoadAsync(jobRoleId))
        {
            return NotFound();
        }
        if (!Validate(publishing: true))
        {
            return Page();
        }
        var (outcome, version) = await editor.SaveAndPublishAsync(jobRoleId, Input);
        switch (outcome)
        {
            case PublishOutcome.Published:
                return Redirect($"/role-cards/{jobRoleId}?done=published");
            case PublishOutcome.Unchanged:
                ModelState.AddModelError("", t["Nothing has changed since version {0}, so there is nothing to publish.", version]);
                break;
            default:
                ModelState.AddModelError("", t["Someone published this card at the same moment. Reload the page and check it."]);
                break;
        }
        await LoadAsync(jobRoleId);
        Input.WithBlankRows();
        return Page();
    }

    private bool Validate(bool publishing)
    {
        foreach (var p in editor.Validate(Input, publishing))
        {
            ModelState.AddModelError($"{nameof(Input)}.{p.Field}", t[p.Message, p.Arguments]);
        }
        if (Input.Training.Any(r => r.CourseId is > 0 && !Courses.Any(c => c.Id == r.CourseId)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Training)}", t["Choose a published course."]);
        }
        if (ModelState.IsValid)
        {
            return true;
        }
        Input.WithBlankRows();
        return false;
    }

    private async Task<bool> LoadAsync(int jobRoleId)
    {
        var role = await db.JobRoles.AsNoTracking().Where(r => r.Id == jobRoleId).Select(r => r.Name).SingleOrDefaultAsync();
        if (role is null)
        {
            return false;
        }
        (JobRoleId, JobRole) = (jobRoleId, role);
        var card = await db.Set<RoleCard>().AsNoTracking().Where(c => c.JobRoleId == jobRoleId).Select(c => new { c.PublishedVersion }).SingleOrDefaultAsync();
        HasCard = card is not null;
        PublishedVersion = card?.PublishedVersion ?? 0;
        Touchpoints = await touchpoints.OwnedByAsync(jobRoleId);
        Versions = await cards.VersionsAsync(jobRoleId);
        Courses = await courses.PublishedTitlesAsync();
        return true;
    }
}
