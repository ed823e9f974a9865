using System.Globalization;
using Inward.Features.Touchpoints;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

/// <summary>
/// Add a lesson (/learning/manage/courses/{courseId}/lessons/new) or edit one (…/lessons/{lessonId}): Markdown text, an
/// image or audio upload or an https video/audio link, attachments, and a link to a brand-book, plan, touchpoint or role-card
/// page picked from those features. Uploads are checked (type by bytes, size) before anything is saved.
/// </summary>
[RequireCapability(Capability.ManageLearning)]
[RequestSizeLimit(FileStore.HardRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = FileStore.HardRequestLimit)]
public sealed class LessonEditorModel(InwardDbContext db, CourseAuthoring authoring, FileStore files, TouchpointQueries touchpoints,
    IStringLocalizer<Strings> t) : PageModel
{
    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string? MediaUrl { get; set; }
        public string? LinkPath { get; set; }
        public string? LinkLabel { get; set; }
        public bool RemoveMedia { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Media { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public Course Course { get; private set; } = null!;
    public int? LessonId { get; private set; }
    public StoredFile? MediaFile { get; private set; }
    public IReadOnlyList<StoredFile> AttachmentFiles { get; private set; } = [];
    public IReadOnlyList<(string Path, string Label)> LinkChoices { get; private set; } = [];
    public long MaxAudioBytes => files.Options.MaxBytes(FileUse.Audio);
    public long MaxVideoBytes => files.Options.MaxBytes(FileUse.Video);

    private static int? Route(RouteData route, string key) =>
        int.TryParse(route.Values[key]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private async Task<(Course? Course, Lesson? Lesson, bool Found)> FindAsync(bool track, CancellationToken ct)
    {
        var courseId = Route(RouteData, "courseId");
        LessonId = Route(RouteData, "lessonId");
        var course = courseId is { } c ? await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == c, ct) : null;
        if (course is null)
        {
            return (null, null, false);
        }
        Lesson? lesson = null;
        if (LessonId is { } l)
        {
            var lessons = track ? db.Set<Lesson>() : db.Set<Lesson>().AsNoTracking();
            lesson = await lessons.SingleOrDefaultAsync(x => x.Id == l && x.CourseId == course.Id, ct);
            if (lesson is null)
            {
                return (course, null, false);
            }
        }
        Course = course;
        return (course, lesson, true);
    }

    private async Task LoadAsync(Lesson? lesson, CancellationToken ct)
    {
        MediaFile = lesson?.MediaFileId is { } m ? await files.FindAsync(m, ct) : null;
        AttachmentFiles = lesson is null ? [] : [.. (await files.OfOwnerAsync(CourseCatalogue.LessonFileKind, lesson.Id, ct)).Where(f => f.Id != lesson.MediaFileId)];
        List<(string, string)> choices =
        [
            ("/brand", t["Brand book"]), ("/brand#brand-promise-heading", t["Brand book: our brand promise"]), ("/plan", t["Our plan"]),
            ("/touchpoints", t["Touchpoints"]), ("/expectations", t["What is expected of me"]), ("/internal-customers", t["Who serves whom"]),
        ];
        choices.AddRange((await touchpoints.ListAsync()).Select(tp => ($"/touchpoints/{tp.Id.ToString(CultureInfo.InvariantCulture)}",
            t["Touchpoint: {0}", tp.Name].Value)));
        LinkChoices = choices;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (_, lesson, found) = await FindAsync(track: false, ct);
        if (!found)
        {
            return NotFound();
        }
        if (lesson is not null)
        {
            Input = new InputModel { Title = lesson.Title, Body = lesson.Body, MediaUrl = lesson.MediaUrl, LinkPath = lesson.LinkPath, LinkLabel = lesson.LinkLabel };
        }
        await LoadAsync(lesson, ct);
        return Page();
    }

    private sealed record Upload(byte[] Bytes, IFormFile File, FileUse Use);

    private async Task<Upload?> ReadAsync(IFormFile file, Func<SniffedType?, FileUse> useOf, string field, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var use = useOf(FileSniffer.Sniff(bytes, file.FileName));
        if (FileStore.Check(bytes, file.FileName, file.ContentType, use, files.Options.MaxBytes(use)).Error is { } error)
        {
            ModelState.AddModelError(field, $"{FileStore.SafeName(file.FileName, "")}: {t[error.Message, [.. error.Arguments]]}");
            return null;
        }
        return new Upload(bytes, file, use);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (course, lesson, found) = await FindAsync(track: true, ct);
        if (!found)
        {
            return NotFound();
        }
        ModelState.Clear();
        var input = new LessonInput(Input.Title, Input.Body, Input.MediaUrl, Input.LinkPath, Input.LinkLabel);
        foreach (var p in LessonRules.Check(input))
        {
            ModelState.AddModelError($"Input.{p.Field}", t[p.Message, p.Arguments]);
        }
        // Media is an image, audio or video (audio or video when the bytes say so); attachments are documents or images.
        var media = Media is { Length: > 0 } m
            ? await ReadAsync(m, type => type?.Use is FileUse.Audio or FileUse.Video ? type.Use : FileUse.Image, nameof(Media), ct)
            : null;
        var attachments = new List<Upload>();
        foreach (var a in Attachments.Where(a => a.Length > 0))
        {
            if (await ReadAsync(a, type => type?.Use == FileUse.Image ? FileUse.Image : FileUse.Document, nameof(Attachments), ct) is { } ok)
            {
                attachments.Add(ok);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(lesson, ct);
            return Page();
        }
        lesson = await authoring.SaveLessonAsync(course!.Id, lesson, input, ct);
        var oldMedia = lesson.MediaFileId;
        if (media is not null)
        {
            var stored = await files.SaveAsync(media.Bytes, media.File.FileName, media.File.ContentType, media.Use, CourseCatalogue.LessonFileKind, lesson.Id, User, ct);
            lesson.MediaFileId = stored.File!.Id;
        }
        else if (Input.RemoveMedia)
        {
            lesson.MediaFileId = null;
        }
        foreach (var a in attachments)
        {
            await files.SaveAsync(a.Bytes, a.File.FileName, a.File.ContentType, a.Use, CourseCatalogue.LessonFileKind, lesson.Id, User, ct);
        }
        await db.SaveChangesAsync(ct);
        if (oldMedia is { } o && o != lesson.MediaFileId)
        {
            await files.DeleteAsync(o, CourseCatalogue.LessonFileKind, lesson.Id, ct);
        }
        TempData["Saved"] = t["Lesson saved."].Value;
        return Redirect($"/learning/manage/courses/{course.Id.ToString(CultureInfo.InvariantCulture)}/lessons/{lesson.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(Guid fileId, CancellationToken ct)
    {
        var (course, lesson, found) = await FindAsync(track: false, ct);
        if (!found || lesson is null || fileId == lesson.MediaFileId || !await files.DeleteAsync(fileId, CourseCatalogue.LessonFileKind, lesson.Id, ct))
        {
            return NotFound();
        }
        TempData["Saved"] = t["Attachment removed."].Value;
        return Redirect($"/learning/manage/courses/{course!.Id.ToString(CultureInfo.InvariantCulture)}/lessons/{lesson.Id.ToString(CultureInfo.InvariantCulture)}");
    }
}
