using System.Globalization;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning.Paths;

/// <summary>Create or change a learning path: title, description and its courses in order (ManageLearning).</summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class PathEditorModel(LearningPaths paths, IStringLocalizer<Strings> t) : PageModel
{
    public const int ExtraSlots = 3;

    public int? Id { get; private set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> CourseIds { get; set; } = [];
    public IReadOnlyList<(int Id, string Title, CourseStatus Status)> AllCourses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await paths.PathAsync(existing, ct) is not { } path)
            {
                return NotFound();
            }
            (Id, Title, Description) = (existing, path.Title, path.Description);
            CourseIds = [.. path.Courses.Select(c => c.Id.ToString(CultureInfo.InvariantCulture))];
        }
        AllCourses = await paths.CoursesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int? id, CancellationToken ct)
    {
        if (id is { } existing && await paths.PathAsync(existing, ct) is null)
        {
            return NotFound();
        }
        Id = id;
        var courseIds = new List<int>();
        foreach (var value in CourseIds.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var courseId))
            {
                courseIds.Add(courseId);
            }
            else
            {
                ModelState.AddModelError(nameof(CourseIds), t["Choose from the list."]);
            }
        }
        var input = new PathInput(Title, Description, courseIds);
        foreach (var e in await paths.ValidateAsync(input, ct))
        {
            ModelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
        }
        if (!ModelState.IsValid)
        {
            AllCourses = await paths.CoursesAsync(ct);
            return Page();
        }
        if (id is { } pathId)
        {
            await paths.UpdateAsync(pathId, input, ct);
        }
        else
        {
            await paths.CreateAsync(input, ct);
        }
        TempData["Saved"] = t["The learning path is saved."].Value;
        return Redirect("/learning/paths");
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] int? id, CancellationToken ct)
    {
        if (id is not { } pathId || !await paths.DeleteAsync(pathId, ct))
        {
            return NotFound();
        }
        TempData["Saved"] = t["The learning path is deleted."].Value;
        return Redirect("/learning/paths");
    }
}
