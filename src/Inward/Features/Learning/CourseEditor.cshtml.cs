using System.Globalization;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

/// <summary>
/// Write a course (/learning/manage/courses/new) or edit one (/learning/manage/courses/{id}): title, description, cover
/// image, owner, time, languages, audience, re-certification and status; its lessons (reorder, delete) and quiz. Nothing is
/// saved when anything is wrong.
/// </summary>
[RequireCapability(Capability.ManageLearning)]
[RequestSizeLimit(FileStore.HardRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = FileStore.HardRequestLimit)]
public sealed class CourseEditorModel(InwardDbContext db, CourseAuthoring authoring, AudienceForms forms, AudienceResolver resolver, FileStore files,
    IStringLocalizer<Strings> t) : PageModel
{
    public const string Prefix = "Audience";

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public string? OwnerUserId { get; set; }
        public int EstimatedMinutes { get; set; }
        public List<string> Languages { get; set; } = ["en"];
        public int? RecertifyMonths { get; set; }
        public CourseStatus Status { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Cover { get; set; }

    public int? Id { get; private set; }
    public StoredFile? CoverFile { get; private set; }
    public AudienceEditorModel Editor { get; private set; } = new();
    public IReadOnlyList<(string Id, string Name)> Owners { get; private set; } = [];
    public IReadOnlyList<Lesson> Lessons { get; private set; } = [];
    public Quiz? Quiz { get; private set; }
    public long MaxImageBytes => files.Options.MaxBytes(FileUse.Image);

    private int? RouteId() =>
        int.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private async Task LoadAsync(Course? course, AudienceRule? rule, CancellationToken ct)
    {
        var roles = RoleRules.RolesWith(Capability.ManageLearning).ToList();
        Owners = [.. (await (from u in db.Users.AsNoTracking()
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where u.IsActive && roles.Contains(r.Name!)
                             select new { u.Id, u.DisplayName }).Distinct().ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => (u.Id, u.DisplayName))];
        CoverFile = course?.CoverFileId is { } f ? await files.FindAsync(f, ct) : null;
        if (course is not null)
        {
            Lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(ct);
            Quiz = await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == course.Id, ct);
        }
        Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Id = RouteId();
        Course? course = null;
        if (Id is { } id && (course = await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)) is null)
        {
            return NotFound();
        }
        Input = course is null
            ? new InputModel { OwnerUserId = CourseCatalogue.UserId(User) }
            : new InputModel
            {
                Title = course.Title, Description = course.Description, OwnerUserId = course.OwnerUserId, EstimatedMinutes = course.EstimatedMinutes,
                Languages = [.. course.Languages.Split(',')], RecertifyMonths = course.RecertifyMonths, Status = course.Status,
            };
        await LoadAsync(course, course is null ? AudienceRule.EveryoneInternal() : AudienceRule.FromJson(course.AudienceJson), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Id = RouteId();
        Course? course = null;
        if (Id is { } id && (course = await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == id, ct)) is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        var rule = await forms.BindAsync(Request.Form, Prefix, ModelState, ct);
        if (AudienceForms.IsCountRequest(Request.Form))
        {
            await LoadAsync(course, rule, ct);
            Editor = await forms.EditorAsync(Prefix, rule, ModelState.IsValid ? await resolver.CountAsync(rule, ct) : null, ct);
            return Page();
        }
        // The form always posts an owner; a bare post (a script) makes the author the owner.
        var input = new CourseInput(Input.Title, Input.Description, string.IsNullOrEmpty(Input.OwnerUserId) ? CourseCatalogue.UserId(User) : Input.OwnerUserId,
            Input.EstimatedMinutes, string.Join(',', Input.Languages),
            rule, Input.RecertifyMonths, Input.Status);
        foreach (var p in await authoring.CheckCourseAsync(input, Id, ct))
        {
            ModelState.AddModelError(p.Field == "Audience" ? "" : $"Input.{p.Field}", t[p.Message, p.Arguments]);
        }
        byte[]? cover = null;
        if (Cover is { } upload)
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            cover = buffer.ToArray();
            if (FileStore.Check(cover, upload.FileName, upload.ContentType, FileUse.Image, MaxImageBytes).Error is { } error)
            {
                ModelState.AddModelError(nameof(Cover), t[error.Message, [.. error.Arguments]]);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(course, rule, ct);
            return Page();
        }
        course = await authoring.SaveCourseAsync(input, course, ct);
        if (cover is not null && Cover is { } file)
        {
            var stored = await files.SaveAsync(cover, file.FileName, file.ContentType, FileUse.Image, CourseCatalogue.CourseFileKind, course.Id, User, ct);
            var old = course.CoverFileId;
            course.CoverFileId = stored.File!.Id;
            await db.SaveChangesAsync(ct);
            if (old is { } o)
            {
                await files.DeleteAsync(o, CourseCatalogue.CourseFileKind, course.Id, ct);
            }
        }
        TempData["Saved"] = t["Course saved."].Value;
        return Redirect($"/learning/manage/courses/{course.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (RouteId() is not { } id || await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } course)
        {
            return NotFound();
        }
        var lessonIds = await db.Set<Lesson>().Where(l => l.CourseId == id).Select(l => l.Id).ToListAsync(ct);
        db.Remove(course);
        await db.SaveChangesAsync(ct);
        foreach (var f in await files.OfOwnerAsync(CourseCatalogue.CourseFileKind, id, ct))
        {
            await files.DeleteAsync(f.Id, CourseCatalogue.CourseFileKind, id, ct);
        }
        foreach (var lessonId in lessonIds)
        {
            foreach (var f in await files.OfOwnerAsync(CourseCatalogue.LessonFileKind, lessonId, ct))
            {
                await files.DeleteAsync(f.Id, CourseCatalogue.LessonFileKind, lessonId, ct);
            }
        }
        TempData["Saved"] = t["Course deleted."].Value;
        return Redirect("/learning/manage");
    }

    public async Task<IActionResult> OnPostMoveLessonAsync(int lessonId, int direction, CancellationToken ct)
    {
        if (RouteId() is not { } id || !await db.Set<Lesson>().AnyAsync(l => l.Id == lessonId && l.CourseId == id, ct))
        {
            return NotFound();
        }
        await authoring.MoveLessonAsync(id, lessonId, direction, ct);
        return Redirect($"/learning/manage/courses/{id.ToString(CultureInfo.InvariantCulture)}#lessons");
    }

    public async Task<IActionResult> OnPostDeleteLessonAsync(int lessonId, CancellationToken ct)
    {
        if (RouteId() is not { } id || await db.Set<Lesson>().SingleOrDefaultAsync(l => l.Id == lessonId && l.CourseId == id, ct) is not { } lesson)
        {
            return NotFound();
        }
        await authoring.DeleteLessonAsync(lesson, ct);
        foreach (var f in await files.OfOwnerAsync(CourseCatalogue.LessonFileKind, lessonId, ct))
        {
            await files.DeleteAsync(f.Id, CourseCatalogue.LessonFileKind, lessonId, ct);
        }
        TempData["Saved"] = t["Lesson deleted."].Value;
        return Redirect($"/learning/manage/courses/{id.ToString(CultureInfo.InvariantCulture)}#lessons");
    }
}
