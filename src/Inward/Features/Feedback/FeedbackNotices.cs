using System.Globalization;
using System.Text.Encodings.Web;
using Inward.Features.Email;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Platform.Localisation;
using Inward.Platform.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Feedback;

public sealed class FeedbackOptions
{
    /// <summary>Feedback:Announce: when recipients hear of the anonymous cards received on earlier days (one notice and one e-mail each).</summary>
    public string Announce { get; set; } = "daily 08:00";
}

/// <summary>
/// What a feedback e-mail is about: <see cref="NewCard"/> (a named card, to its recipients), <see cref="Reply"/> and
/// <see cref="Status"/> (to a named card's author), <see cref="Digest"/> (to one recipient: how many anonymous cards arrived).
/// </summary>
public sealed record FeedbackMailPayload(string Event, int? CardId = null, int? EmployeeId = null, int? Count = null)
{
    public const string NewCard = "card";
    public const string Reply = "reply";
    public const string Status = "status";
    public const string Digest = "digest";
}

/// <summary>Feedback e-mails, in the recipient's language, HTML with a plain-text alternative. None names an anonymous author.</summary>
public sealed class FeedbackMailComposer(IStringLocalizer<Strings> t, EmailLinks links)
{
    private static readonly HtmlEncoder H = HtmlEncoder.Default;

    public MailMessage Compose(Recipient to, string subjectKey, object[] arguments, string path) => LocalisationSetup.InLanguage(to.Language, () =>
    {
        var link = links.To(path);
        var subject = t[subjectKey, arguments].Value;
        var hello = t["Hello {0},", to.Name].Value;
        var open = t["Open it in Inward"].Value;
        var text = $"{hello}\n\n{subject}\n\n{open}: {link}\n";
        var dir = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H.Encode(CultureInfo.CurrentUICulture.Name)}" dir="{dir}"><body>
            <p>{H.Encode(hello)}</p>
            <p><strong>{H.Encode(subject)}</strong></p>
            <p><a href="{H.Encode(link)}">{H.Encode(open)}</a></p>
            </body></html>
            """;
        return new MailMessage(to.Email, subject, text, html, to.Name);
    });
}

/// <summary>
/// Sends one feedback e-mail job (queued in the same transaction as the card, reply or status change it is about, so it goes
/// once). An author e-mail is only ever for a named card: the job re-checks, whatever the payload says.
/// </summary>
public sealed class FeedbackMailJob(InwardDbContext db, FeedbackDesk desk, EmailRecipients recipients, FeedbackMailComposer composer, MailSender mail)
    : IJobHandler
{
    public const string Kind = "feedback.mail";

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.PayloadAs<FeedbackMailPayload>();
        if (payload.Event == FeedbackMailPayload.Digest)
        {
            await SendAsync([payload.EmployeeId ?? 0], "New anonymous feedback cards: {0}", [payload.Count ?? 0], "/feedback/inbox", ct);
            return;
        }
        var card = await db.Set<FeedbackCard>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == payload.CardId, ct);
        if (card is null || card.IsAnonymous)
        {
            return;
        }
        var path = "/feedback/cards/" + card.Id.ToString(CultureInfo.InvariantCulture);
        switch (payload.Event)
        {
            case FeedbackMailPayload.NewCard:
                var to = (await desk.RecipientsOfAsync(card, ct)).Select(r => r.EmployeeId).ToList();
                await SendAsync(to, "New feedback card from {0}", [card.AuthorName ?? ""], path, ct);
                break;
            case FeedbackMailPayload.Reply when card.AuthorEmployeeId is { } author:
                await SendAsync([author], "New reply to your feedback card", [], path, ct);
                break;
            case FeedbackMailPayload.Status when card.AuthorEmployeeId is { } author:
                await SendAsync([author], "Your feedback card has a new status", [], path, ct);
                break;
        }
    }

    private async Task SendAsync(IReadOnlyList<int> employeeIds, string subjectKey, object[] arguments, string path, CancellationToken ct)
    {
        foreach (var to in await recipients.LoadAsync([.. employeeIds.Distinct().Select(Recipient.EmployeeKey)], ct))
        {
            await mail.SendAsync(composer.Compose(to, subjectKey, arguments, path), ct);
        }
    }
}

/// <summary>
/// Daily (Feedback:Announce): tells the recipients of anonymous cards received on earlier days how many arrived — one in-app
/// notice and one e-mail per person, never the card's moment, never an author. Marking the cards, the notices and the e-mail
/// jobs commit together, so a retry or a second instance announces nothing twice (docs/adr/0017).
/// </summary>
public sealed class FeedbackAnnounceJob(InwardDbContext db, FeedbackDesk desk, Notifier notifier, IJobScheduler jobs, IStringLocalizer<Strings> t,
    TimeProvider clock) : IJobHandler
{
    public const string Kind = "feedback.announce";

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cards = await db.Set<FeedbackCard>().Where(c => c.AwaitsAnnouncement && c.ReceivedOn < today).ToListAsync(ct);
        if (cards.Count == 0)
        {
            return;
        }
        var counts = new Dictionary<int, (int Count, string Language)>();
        foreach (var card in cards)
        {
            foreach (var r in await desk.RecipientsOfAsync(card, ct))
            {
                counts[r.EmployeeId] = (counts.GetValueOrDefault(r.EmployeeId).Count + 1, r.Language);
            }
            card.AwaitsAnnouncement = false;
        }
        await db.SaveChangesAsync(ct);
        var key = job.JobId.ToString("N");
        foreach (var (employeeId, (count, _)) in counts)
        {
            await jobs.EnqueueAsync(FeedbackMailJob.Kind, new FeedbackMailPayload(FeedbackMailPayload.Digest, EmployeeId: employeeId, Count: count),
                idempotencyKey: $"feedback.digest:{key}:{employeeId.ToString(CultureInfo.InvariantCulture)}", ct: ct);
        }
        await notifier.NotifyAsync(counts.Select(c => new NotificationMessage(c.Key,
            LocalisationSetup.InLanguage(c.Value.Language, () => t["New anonymous feedback cards: {0}", c.Value.Count].Value))), "feedback", "/feedback/inbox", ct);
        await tx.CommitAsync(ct);
    }
}
