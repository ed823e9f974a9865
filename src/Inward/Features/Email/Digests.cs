using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Platform.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Email;

public sealed record DigestRun(DigestFrequency Frequency);

public sealed record DigestBatch(DigestFrequency Frequency, IReadOnlyList<int> EmployeeIds);

/// <summary>
/// Signed, purpose-specific unsubscribe tokens (ASP.NET Core Data Protection): the token names the employee and
/// cannot be forged or reused for anything else. They do not expire: an old digest's link keeps working.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, EmailLinks links)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Inward.Email.Unsubscribe.v1");

    public string Create(int employeeId) => _protector.Protect(employeeId.ToString(CultureInfo.InvariantCulture));

    public int? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            return int.TryParse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public string Url(int employeeId) => links.To("/email/unsubscribe?token=" + Uri.EscapeDataString(Create(employeeId)));
}

/// <summary>
/// The recurring digest job (daily or weekly): splits everyone who wants that digest into batch jobs of
/// <see cref="PostMailChannel.BatchSize"/>, one idempotency key per occurrence and batch.
/// </summary>
public sealed class DigestJob(InwardDbContext db, IJobScheduler jobs) : IJobHandler
{
    public const string Kind = "email.digest";
    public const string BatchKind = "email.digest.batch";

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var run = job.PayloadAs<DigestRun>();
        var ids = await RecipientsAsync(db, run.Frequency, ct);
        var batch = 0;
        foreach (var chunk in ids.Chunk(PostMailChannel.BatchSize))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{BatchKind}:{run.Frequency}:{job.JobId}:{batch++}");
            await jobs.EnqueueAsync(BatchKind, new DigestBatch(run.Frequency, chunk), idempotencyKey: key, ct: ct);
        }
    }

    /// <summary>Active employees with an address whose preference is <paramref name="frequency"/> (no preference = weekly).</summary>
    public static async Task<List<int>> RecipientsAsync(InwardDbContext db, DigestFrequency frequency, CancellationToken ct)
    {
        var prefs = db.Set<EmailPreference>();
        var query = db.Employees.AsNoTracking().Where(e => e.IsActive && e.Email != "");
        query = frequency == DigestFrequency.Weekly
            ? query.Where(e => !prefs.Any(p => p.EmployeeId == e.Id && p.Digest != DigestFrequency.Weekly))
            : query.Where(e => prefs.Any(p => p.EmployeeId == e.Id && p.Digest == frequency));
        return await query.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
    }
}

/// <summary>
/// One batch of digests: for each person, the live posts published since their last digest (or the last day/week) that
/// their audience facts let them read now, minus posts already e-mailed to them (must-reads, urgent). Nothing new, no
/// mail. Each person's "last digest" moves forward right after their mail is sent, so a retry never sends twice.
/// </summary>
public sealed class DigestBatchJob(InwardDbContext db, AudienceResolver resolver, EmailRecipients recipients, EmailComposer composer,
    UnsubscribeTokens tokens, MailSender mail, TimeProvider clock) : IJobHandler
{
    public const int MaxItems = 30;

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var batch = job.PayloadAs<DigestBatch>();
        var now = clock.GetUtcNow().UtcDateTime;
        var period = batch.Frequency == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        var prefs = await db.Set<EmailPreference>().Where(p => batch.EmployeeIds.Contains(p.EmployeeId)).ToDictionaryAsync(p => p.EmployeeId, ct);
        // Since the last digest, but never more than two periods back (someone who turns digests on again gets no flood).
        DateTime SinceOf(int id) => prefs.GetValueOrDefault(id)?.LastDigestUtc is { } last ? (last > now - period - period ? last : now - period - period) : now - period;
        var earliest = batch.EmployeeIds.Count == 0 ? now : batch.EmployeeIds.Min(SinceOf);
        var posts = await db.Set<Post>().AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.PublishedUtc != null && p.PublishedUtc > earliest && p.PublishedUtc <= now
                && (p.ExpiresUtc == null || p.ExpiresUtc > now))
            .OrderByDescending(p => p.PublishedUtc)
            .Select(p => new { p.Id, p.Title, p.Body, p.AudienceJson, PublishedUtc = p.PublishedUtc!.Value })
            .ToListAsync(ct);
        if (posts.Count == 0)
        {
            return;
        }
        var rules = posts.ToDictionary(p => p.Id, p => Rule(p.AudienceJson));
        var postIds = posts.Select(p => p.Id).ToList();
        var keys = batch.EmployeeIds.Select(Recipient.EmployeeKey).ToList();
        var mailed = (await db.Set<EmailDelivery>().AsNoTracking()
                .Where(d => d.Kind == EmailDelivery.PostKind && postIds.Contains(d.PostId) && keys.Contains(d.Recipient))
                .Select(d => new { d.Recipient, d.PostId }).ToListAsync(ct))
            .Select(d => (d.Recipient, d.PostId)).ToHashSet();
        var population = await resolver.PopulationAsync(includePartners: false, ct);
        var texts = await PostMailTexts.LoadAsync(db, resolver, postIds, ct);
        var facts = population.Members.Where(m => m.EmployeeId is not null).ToDictionary(m => m.EmployeeId!.Value);
        foreach (var to in await recipients.LoadAsync(keys, ct))
        {
            var id = to.EmployeeId!.Value;
            var pref = prefs.GetValueOrDefault(id);
            if ((pref?.Digest ?? DigestFrequency.Weekly) != batch.Frequency || !facts.TryGetValue(id, out var member))
            {
                continue;
            }
            var since = SinceOf(id);
            var items = posts
                .Where(p => p.PublishedUtc > since && !mailed.Contains((to.Key, p.Id))
                    && rules[p.Id] is { } rule && AudienceRules.Matches(rule, member, population.Tree, population.Today))
                .Take(MaxItems)
                .Select(p =>
                {
                    var text = texts.For(p.Id, p.Title, p.Body, to);
                    return new DigestItem(p.Id, text.Title, PostViews.Excerpt(text.Body), p.PublishedUtc);
                })
                .ToList();
            if (items.Count == 0)
            {
                continue;
            }
            await mail.SendAsync(composer.Digest(items, to, batch.Frequency, tokens.Url(id)), ct);
            if (pref is null)
            {
                pref = new EmailPreference { EmployeeId = id, Digest = DigestFrequency.Weekly, UpdatedUtc = now };
                db.Add(pref);
                prefs[id] = pref;
            }
            pref.LastDigestUtc = now;
            await db.SaveChangesAsync(ct);
        }
    }

    private static AudienceRule? Rule(string json)
    {
        try
        {
            return AudienceRule.FromJson(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
