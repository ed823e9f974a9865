using System.Globalization;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Radio;

/// <summary>
/// Write an episode (/radio/manage/new) or edit one (/radio/manage/{id}): title, show notes, transcript, audience, the audio
/// file (MP3, M4A or Ogg; its length is read from the file), save as draft or publish, delete. Nothing is saved on error.
/// </summary>
[RequireCapability(Capability.Communicate)]
[RequestSizeLimit(FileStore.HardRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = FileStore.HardRequestLimit)]
public sealed class RadioEditorModel(InwardDbContext db, AudienceForms forms, AudienceResolver resolver, FileStore files, TimeProvider clock,
    IStringLocalizer<Strings> t) : PageModel
{
    public const string Prefix = "Audience";

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string ShowNotes { get; set; } = "";
        public string Transcript { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Audio { get; set; }

    public int? Id { get; private set; }
    public EpisodeStatus Status { get; private set; }
    public StoredFile? AudioFile { get; private set; }
    public int DurationSeconds { get; private set; }
    public AudienceEditorModel Editor { get; private set; } = new();
    public long MaxAudioBytes => files.Options.MaxBytes(FileUse.Audio);

    private int? RouteId() =>
        int.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private async Task LoadAudioAsync(RadioEpisode? e, CancellationToken ct)
    {
        AudioFile = e?.AudioFileId is { } f ? await files.FindAsync(f, ct) : null;
        DurationSeconds = e?.DurationSeconds ?? 0;
        Status = e?.Status ?? EpisodeStatus.Draft;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Id = RouteId();
        AudienceRule? rule = null;
        if (Id is { } id)
        {
            var e = await db.Set<RadioEpisode>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return NotFound();
            }
            Input = new InputModel { Title = e.Title, ShowNotes = e.ShowNotes, Transcript = e.Transcript };
            rule = AudienceRule.FromJson(e.AudienceJson);
            await LoadAudioAsync(e, ct);
        }
        Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        Id = RouteId();
        RadioEpisode? episode = null;
        if (Id is { } id && (episode = await db.Set<RadioEpisode>().SingleOrDefaultAsync(x => x.Id == id, ct)) is null)
        {
            return NotFound();
        }
        await LoadAudioAsync(episode, ct);
        ModelState.Clear();
        var rule = await forms.BindAsync(Request.Form, Prefix, ModelState, ct);
        if (AudienceForms.IsCountRequest(Request.Form))
        {
            Editor = await forms.EditorAsync(Prefix, rule, ModelState.IsValid ? await resolver.CountAsync(rule, ct) : null, ct);
            return Page();
        }
        var title = Input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            ModelState.AddModelError("Input.Title", t["Give the episode a title."]);
        }
        else if (title.Length > RadioEpisode.TitleMax)
        {
            ModelState.AddModelError("Input.Title", t["The title is too long (at most {0} characters).", RadioEpisode.TitleMax]);
        }
        if ((Input.ShowNotes ?? "").Length > RadioEpisode.NotesMax)
        {
            ModelState.AddModelError("Input.ShowNotes", t["The show notes are too long (at most {0} characters).", RadioEpisode.NotesMax]);
        }
        if ((Input.Transcript ?? "").Length > RadioEpisode.TranscriptMax)
        {
            ModelState.AddModelError("Input.Transcript", t["The transcript is too long (at most {0} characters).", RadioEpisode.TranscriptMax]);
        }
        byte[]? audio = null;
        FileStore.Checked? check = null;
        if (Audio is { } upload)
        {
            if (upload.Length > MaxAudioBytes)
            {
                ModelState.AddModelError(nameof(Audio), t["The file is too large: at most {0}.", FileStore.ReadableSize(MaxAudioBytes)]);
            }
            else
            {
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, ct);
                audio = buffer.ToArray();
                check = FileStore.Check(audio, upload.FileName, upload.ContentType, FileUse.Audio, MaxAudioBytes);
                if (check.Error is { } error)
                {
                    ModelState.AddModelError(nameof(Audio), t[error.Message, [.. error.Arguments]]);
                }
            }
        }
        var publish = string.Equals(action, "publish", StringComparison.Ordinal);
        if (publish && AudioFile is null && audio is null)
        {
            ModelState.AddModelError(nameof(Audio), t["Upload the episode's audio before publishing it."]);
        }
        if (!ModelState.IsValid)
        {
            Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (episode is null)
        {
            episode = new RadioEpisode
            {
                Title = "", AudienceJson = "", CreatedUtc = now, AuthorUserId = RadioApi.UserId(User) ?? "",
            };
            db.Add(episode);
        }
        episode.Title = title;
        episode.ShowNotes = Input.ShowNotes ?? "";
        episode.Transcript = Input.Transcript ?? "";
        episode.AudienceJson = rule.ToJson();
        episode.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        if (audio is not null && Audio is { } file)
        {
            var stored = await files.SaveAsync(audio, file.FileName, file.ContentType, FileUse.Audio, RadioViews.FileKind, episode.Id, User, ct);
            if (stored.File is null)
            {
                ModelState.AddModelError(nameof(Audio), stored.Error ?? "");
                Id = episode.Id;
                Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
                return Page();
            }
            var old = episode.AudioFileId;
            episode.AudioFileId = stored.File.Id;
            episode.DurationSeconds = (int)Math.Round(stored.Duration?.TotalSeconds ?? 0);
            await db.SaveChangesAsync(ct);
            if (old is { } o)
            {
                await files.DeleteAsync(o, RadioViews.FileKind, episode.Id, ct);
            }
        }
        if (publish && episode.Status != EpisodeStatus.Published)
        {
            episode.Status = EpisodeStatus.Published;
            episode.PublishedUtc = now;
        }
        else if (!publish)
        {
            episode.Status = EpisodeStatus.Draft;
        }
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = publish ? t["Published."].Value : t["Draft saved."].Value;
        return Redirect($"/radio/manage/{episode.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (RouteId() is not { } id || await db.Set<RadioEpisode>().SingleOrDefaultAsync(x => x.Id == id, ct) is not { } episode)
        {
            return NotFound();
        }
        var audio = episode.AudioFileId;
        db.Remove(episode);
        await db.SaveChangesAsync(ct);
        if (audio is { } a)
        {
            await files.DeleteAsync(a, RadioViews.FileKind, id, ct);
        }
        TempData["Saved"] = t["Episode deleted."].Value;
        return Redirect("/radio/manage");
    }
}
