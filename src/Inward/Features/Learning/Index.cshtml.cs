using Inward.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning;

/// <summary>/learning: the courses open to me (their audience includes me now), with my progress and a continue button.</summary>
[Authorize(Policy = LearningModule.LearnerPolicy)]
public sealed class LearningIndexModel(CourseCatalogue catalogue) : PageModel
{
    public IReadOnlyList<CourseCard> Courses { get; private set; } = [];
    public bool MayManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Courses = await catalogue.CatalogueAsync(User, ct);
        MayManage = User.Has(Capability.ManageLearning);
    }
}
