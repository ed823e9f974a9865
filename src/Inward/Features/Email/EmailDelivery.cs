using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Platform.Mail;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Email;

/// <summary>A batch of one post's e-mails: who, for which reason (publication or reminder) and which publication.</summary>
public sealed record PostMailBatch(int PostId, string Kind, long Sequence, IReadOnlyList<string> Recipients);

/// <summary>Where people's addresses come from, for recipient keys.</summary>
public sealed class EmailRecipients(InwardDbContext db)
{
    /// <summary>The recipients behind <paramref name="keys"/> that still exist, are active and have an address.</summary>
    public async Task<IReadOnlyList<Recipient>> LoadAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var employeeIds = keys.Where(k => k.StartsWith("e:", StringComparison.Ordinal))
            .Select(k => int.TryParse(k.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var userIds = keys.Where(k => k.StartsWith("u:", StringComparison.Ordinal)).Select(k => k[2..]).ToList();
        var result = new List<Recipient>();
        if (employeeIds.Count > 0)
        {
            var employees = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id) && e.IsActive && e.Email != "")
                .Select(e => new { e.Id, e.Email, e.Name, e.Language, e.DepartmentId }).ToListAsync(ct);
            result.AddRange(employees.Select(e => new Recipient(Recipient.EmployeeKey(e.Id), e.Email, e.Name, e.Language, e.Id, e.DepartmentId)));
        }
        if (userIds.Count > 0)
        {
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null && u.Email != "")
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
            result.AddRange(users.Select(u => new Recipient(Recipient.UserKey(u.Id), u.Email!, u.DisplayName, u.Language, null)));
        }
        return result;
    }

    /// <summary>Everyone a post's audience reaches now: active employees with an address, then active partner users.</summary>
    public static async Task<List<string>> AudienceKeysAsync(AudienceResolver resolver, InwardDbContext db, AudienceRule rule, CancellationToken ct)
    {
        var employeeIds = await resolver.MemberEmployeeIdsAsync(rule, ct);
        var withAddress = employeeIds.Count == 0 ? [] : (await db.Employees.AsNoTracking().Where(e => e.Email != "").Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var keys = employeeIds.Where(withAddress.Contains).Select(Recipient.EmployeeKey).ToList();
        keys.AddRange((await resolver.MemberPartnerUserIdsAsync(rule, ct)).Select(Recipient.UserKey));
        return keys;
    }
}

/// <summary>
/// The texts of posts as each recipient reads them on the feed: their department's variant in their language, falling
/// back to the default text (<see cref="PostVariants.Resolve"/>). Loaded once per batch of mails.
/// </summary>
public sealed class PostMailTexts
{
    private readonly Dictionary<int, List<PostTextInput>> _texts;
    private readonly DepartmentTree _tree;

    private PostMailTexts(Dictionary<int, List<PostTextInput>> texts, DepartmentTree tree) => (_texts, _tree) = (texts, tree);

    public static async Task<PostMailTexts> LoadAsync(InwardDbContext db, AudienceResolver resolver, IReadOnlyCollection<int> postIds, CancellationToken ct)
    {
        var rows = await db.Set<PostText>().AsNoTracking().Where(t => postIds.Contains(t.PostId))
            .Select(t => new { t.PostId, t.DepartmentId, t.Language, t.Title, t.Body }).ToListAsync(ct);
        var tree = rows.Any(r => r.DepartmentId is not null) ? await resolver.TreeAsync(ct) : DepartmentTree.Empty;
        return new(rows.GroupBy(r => r.PostId).ToDictionary(g => g.Key, g => g.Select(r => new PostTextInput(r.DepartmentId, r.Language, r.Title, r.Body)).ToList()), tree);
    }

    public ResolvedText For(int postId, string title, string body, Recipient to) => _texts.TryGetValue(postId, out var texts)
        ? PostVariants.Resolve(title, body, texts, to.DepartmentId, _tree, to.Language)
        : new(null, null, title, body);
}

/// <summary>
/// The "mail" publication channel: a must-read or urgent post is e-mailed at once to everyone its audience reaches,
/// in batch jobs of <see cref="BatchSize"/> recipients (idempotency key per post, publication and batch), so 10,000
/// people are queued in a few dozen inserts and each batch retries on its own. Other posts wait for the digests.
/// </summary>
public sealed class PostMailChannel(InwardDbContext db, AudienceResolver resolver, IJobScheduler jobs) : IPostPublishedHandler
{
    public const int BatchSize = 200;
    public const string BatchJob = "email.batch";

    public async Task HandleAsync(Post post, PostPublished published, CancellationToken ct)
    {
        if (!post.MustRead && !post.Urgent)
        {
            return;
        }
        var rule = AudienceRule.FromJson(post.AudienceJson);
        if (rule is null)
        {
            return;
        }
        var keys = await EmailRecipients.AudienceKeysAsync(resolver, db, rule, ct);
        await QueueAsync(jobs, post.Id, EmailDelivery.PostKind, published.Sequence, keys, ct);
    }

    /// <summary>Splits <paramref name="keys"/> into batches of <see cref="BatchSize"/> and queues one job each.</summary>
    public static async Task QueueAsync(IJobScheduler jobs, int postId, string kind, long sequence, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var batch = 0;
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{BatchJob}:{postId}:{kind}:{sequence}:{batch++}");
            await jobs.EnqueueAsync(BatchJob, new PostMailBatch(postId, kind, sequence, chunk), idempotencyKey: key, ct: ct);
        }
    }
}

/// <summary>
/// Sends one batch. Each recipient's delivery record is saved right after their mail is handed to SMTP, so a retry
/// (after an SMTP failure half-way) sends only to those not yet served, never twice.
/// </summary>
public sealed partial class PostMailBatchJob(InwardDbContext db, AudienceResolver resolver, EmailRecipients recipients, EmailComposer composer,
    MailSender mail, TimeProvider clock, ILogger<PostMailBatchJob> logger) : IJobHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var batch = job.PayloadAs<PostMailBatch>();
        var post = await db.Set<Post>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == batch.PostId, ct);
        if (post is not { Status: PostStatus.Published })
        {
            return;
        }
        var done = (await db.Set<EmailDelivery>().AsNoTracking()
                .Where(d => d.PostId == batch.PostId && d.Kind == batch.Kind && d.Sequence == batch.Sequence && batch.Recipients.Contains(d.Recipient))
                .Select(d => d.Recipient).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var todo = batch.Recipients.Where(r => !done.Contains(r)).ToList();
        var texts = await PostMailTexts.LoadAsync(db, resolver, [post.Id], ct);
        foreach (var to in await recipients.LoadAsync(todo, ct))
        {
            var text = texts.For(post.Id, post.Title, post.Body, to);
            var message = batch.Kind switch
            {
                EmailDelivery.PostKind => composer.Post(post, text, to),
                EmailDelivery.ReminderOverdue => composer.Reminder(post, text.Title, to, overdue: true),
                _ => composer.Reminder(post, text.Title, to, overdue: false),
            };
            await mail.SendAsync(message, ct);
            db.Add(new EmailDelivery { PostId = post.Id, Recipient = to.Key, Kind = batch.Kind, Sequence = batch.Sequence, SentUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        LogSent(logger, todo.Count, batch.PostId, batch.Kind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mailed up to {Count} people about post {PostId} ({Kind}).")]
    private static partial void LogSent(ILogger logger, int count, int postId, string kind);
}
