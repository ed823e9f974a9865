using System.Security.Cryptography;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Radio;

/// <summary>Three published demo episodes with short silent MP3s generated at seed time (no audio file is shipped).</summary>
internal sealed class RadioDemoContent(FileStore files, TimeProvider clock) : IDemoContent
{
    public string Name => "radio";
    public int Order => 70;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<RadioEpisode>().AnyAsync(ct))
        {
            return false;
        }
        var email = $"comms@{DemoCompany.Domain}".ToUpperInvariant();
        var comms = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        if (comms is null || !departments.TryGetValue("Logistics", out var logistics))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var episodes = new (string Title, string Notes, string Transcript, AudienceRule Audience, double Seconds, int DaysAgo)[]
        {
            ("Brightwheel Radio #1: the plan in ten minutes",
                "Our **internal-marketing plan** explained: the goals, who owns what, and how to send a suggestion.\n\n- Read the plan: [Our plan](/plan)",
                "Welcome to the first Brightwheel Radio. Today we walk through the plan for the year.", AudienceRule.EveryoneInternal(), 8, 5),
            ("Brightwheel Radio #2: a day at the Lyon workshop",
                "The Lyon team tells how they won the city bike-share contract.",
                "We spent a day with the Lyon workshop, from the first weld to the last repair.", AudienceRule.EveryoneInternal(), 6, 3),
            ("Logistics briefing: the new returns pick-ups",
                "For **Logistics**: how pick-ups for returns are booked from Monday.",
                "From Monday Customer Service books your pick-ups on the first call.",
                new AudienceRule { Include = [new AudienceClause { Departments = [new DepartmentChoice { Id = logistics }] }] }, 5, 1),
        };
        foreach (var (title, notes, transcript, audience, seconds, daysAgo) in episodes)
        {
            var at = now.AddDays(-daysAgo);
            var episode = new RadioEpisode
            {
                Title = title, ShowNotes = notes, Transcript = transcript, AudienceJson = audience.ToJson(), Status = EpisodeStatus.Published,
                PublishedUtc = at, AuthorUserId = comms.Id, CreatedUtc = at, UpdatedUtc = at,
            };
            db.Add(episode);
            await db.SaveChangesAsync(ct);
            var bytes = AudioDuration.SilentMp3(seconds);
            var file = new StoredFile
            {
                Id = Guid.NewGuid(), OwnerKind = RadioViews.FileKind, OwnerId = episode.Id,
                FileName = $"brightwheel-radio-{episode.Id}.mp3", ContentType = FileSniffer.Mp3.ContentType, Use = FileUse.Audio,
                Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                UploadedByUserId = comms.Id, UploadedByName = comms.DisplayName, UploadedUtc = at,
            };
            var path = files.PathOf(file.Id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, ct);
            db.Add(file);
            episode.AudioFileId = file.Id;
            episode.DurationSeconds = (int)Math.Round(AudioDuration.Read(bytes, FileSniffer.Mp3)?.TotalSeconds ?? 0);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
