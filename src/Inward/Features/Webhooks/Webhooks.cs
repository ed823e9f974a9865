using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.Email;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Webhooks;

/// <summary>A webhook as typed in (page or API). A blank URL when editing keeps the saved one.</summary>
public sealed class WebhookInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Url { get; set; }
    public int? DepartmentId { get; set; }
}

/// <summary>A saved webhook as shown: its URL masked.</summary>
public sealed record WebhookView(int Id, string Name, WebhookKind Kind, string MaskedUrl, int? DepartmentId, string? DepartmentName, DateTime UpdatedUtc);

/// <summary>A field and an English message (localised by pages, as is by the API).</summary>
public sealed record WebhookError(string Field, string Message);

public sealed record WebhookOutcome(int? Id, IReadOnlyList<WebhookError> Errors, bool NotFound = false)
{
    public bool Ok => !NotFound && Errors.Count == 0;
}

/// <summary>Adds, changes and removes webhooks; decides which webhooks hear about a post.</summary>
public sealed class WebhookStore(InwardDbContext db, WebhookSender sender, AuditLog audit, TimeProvider clock)
{
    /// <summary>"https://hooks.slack.com/…c0de": scheme and host, then only the last four characters.</summary>
    public static string Mask(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "…";
        }
        var tail = url.Length > 12 ? url[^4..] : "";
        return $"{uri.Scheme}://{uri.Authority}/…{tail}";
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct = default) =>
        (await db.Set<WebhookEndpoint>().AsNoTracking().OrderBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Name, w.Kind, w.Url, w.DepartmentId, Department = db.Departments.Where(d => d.Id == w.DepartmentId).Select(d => d.Name).FirstOrDefault(), w.UpdatedUtc })
            .ToListAsync(ct))
        .Select(w => new WebhookView(w.Id, w.Name, w.Kind, Mask(w.Url), w.DepartmentId, w.Department, w.UpdatedUtc)).ToList();

    public async Task<WebhookView?> GetAsync(int id, CancellationToken ct = default) => (await ListAsync(ct)).FirstOrDefault(w => w.Id == id);

    public async Task<WebhookOutcome> SaveAsync(int? id, WebhookInput input, CancellationToken ct = default)
    {
        WebhookEndpoint? existing = null;
        if (id is { } existingId)
        {
            existing = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(w => w.Id == existingId, ct);
            if (existing is null)
            {
                return new WebhookOutcome(null, [], NotFound: true);
            }
        }
        var errors = new List<WebhookError>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > WebhookEndpoint.NameMax)
        {
            errors.Add(new("Name", "Enter a name of at most 100 characters."));
        }
        if (!Enum.TryParse<WebhookKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors.Add(new("Kind", "Choose Slack or Microsoft Teams."));
        }
        var url = input.Url?.Trim();
        if (string.IsNullOrEmpty(url) && existing is not null)
        {
            url = existing.Url;
        }
        else if (WebhookSecurity.CheckUrl(url, sender.AllowHttp) is { } urlError)
        {
            errors.Add(new("Url", urlError));
        }
        else
        {
            try
            {
                await WebhookSecurity.ResolveAllowedAsync(new Uri(url!).Host, sender.AllowPrivateNetworks, ct);
            }
            catch (WebhookTargetRefusedException)
            {
                errors.Add(new("Url", "This address is on a private or local network; webhooks may only go to the internet."));
            }
            catch (System.Net.Sockets.SocketException)
            {
                errors.Add(new("Url", "The host name of this URL could not be found."));
            }
        }
        if (input.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add(new("DepartmentId", "Choose a department from the list."));
        }
        if (errors.Count > 0)
        {
            return new WebhookOutcome(id, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var endpoint = existing ?? new WebhookEndpoint { Name = name, Url = url!, CreatedUtc = now };
        endpoint.Name = name;
        endpoint.Kind = kind;
        endpoint.Url = url!;
        endpoint.DepartmentId = input.DepartmentId;
        endpoint.UpdatedUtc = now;
        if (existing is null)
        {
            db.Add(endpoint);
        }
        await db.SaveChangesAsync(ct);
        // The URL is a secret: the audit trail names the webhook, never its address.
        await audit.RecordAsync(existing is null ? "webhook.created" : "webhook.updated", nameof(WebhookEndpoint),
            endpoint.Id.ToString(CultureInfo.InvariantCulture), new { endpoint.Name, Kind = endpoint.Kind.ToString(), endpoint.DepartmentId });
        return new WebhookOutcome(endpoint.Id, []);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        var endpoint = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (endpoint is null)
        {
            return false;
        }
        db.Remove(endpoint);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("webhook.deleted", nameof(WebhookEndpoint), id.ToString(CultureInfo.InvariantCulture), new { endpoint.Name });
        return true;
    }

    /// <summary>
    /// Which webhooks hear about a post whose audience reaches <paramref name="employeeIds"/>: none when it reaches no
    /// employee (partner-only posts never go to company channels); otherwise every "all posts" webhook plus those whose
    /// department (with its sub-departments) contains at least one person the post reaches.
    /// </summary>
    public static IReadOnlyList<int> Matching(IEnumerable<(int Id, int? DepartmentId)> endpoints, IReadOnlyCollection<int?> reachedDepartments,
        DepartmentTree tree, bool reachesEmployees)
    {
        if (!reachesEmployees)
        {
            return [];
        }
        var reached = reachedDepartments.OfType<int>().ToHashSet();
        return endpoints.Where(e => e.DepartmentId is not { } d || reached.Any(r => r == d || tree.IsWithin(r, d))).Select(e => e.Id).ToList();
    }
}

public sealed record WebhookDelivery(int EndpointId, int PostId, long Sequence);

/// <summary>The "webhooks" publication channel: one job per matching webhook, each retrying on its own.</summary>
public sealed class WebhookChannel(InwardDbContext db, AudienceResolver resolver, IJobScheduler jobs) : IPostPublishedHandler
{
    public const string DeliverJob = "webhooks.deliver";

    public async Task HandleAsync(Post post, PostPublished published, CancellationToken ct)
    {
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().Select(w => new { w.Id, w.DepartmentId }).ToListAsync(ct);
        if (endpoints.Count == 0 || AudienceRule.FromJson(post.AudienceJson) is not { } rule)
        {
            return;
        }
        var reached = await resolver.MemberEmployeeIdsAsync(rule, ct);
        var departments = reached.Count == 0 ? [] : (await db.Employees.AsNoTracking().Where(e => e.IsActive && e.DepartmentId != null)
                .Select(e => new { e.Id, e.DepartmentId }).ToListAsync(ct))
            .Where(e => reached.Contains(e.Id)).Select(e => e.DepartmentId).Distinct().ToList();
        var matching = WebhookStore.Matching(endpoints.Select(e => (e.Id, e.DepartmentId)), departments, await resolver.TreeAsync(ct), reached.Count > 0);
        foreach (var id in matching)
        {
            await jobs.EnqueueAsync(DeliverJob, new WebhookDelivery(id, post.Id, published.Sequence),
                idempotencyKey: string.Create(CultureInfo.InvariantCulture, $"{DeliverJob}:{id}:{post.Id}:{published.Sequence}"), ct: ct);
        }
    }
}

/// <summary>Delivers one post to one webhook; a refusal or a non-2xx answer throws, so the job retries with backoff.</summary>
public sealed class WebhookDeliveryJob(InwardDbContext db, WebhookSender sender, EmailLinks links, IStringLocalizer<Strings> t) : IJobHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var delivery = job.PayloadAs<WebhookDelivery>();
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == delivery.EndpointId, ct);
        var post = await db.Set<Post>().AsNoTracking().Where(p => p.Id == delivery.PostId && p.Status == PostStatus.Published)
            .Select(p => new { p.Id, p.Title, p.Body, p.MustRead }).SingleOrDefaultAsync(ct);
        if (endpoint is null || post is null)
        {
            return;
        }
        var title = post.MustRead ? t["Must-read: {0}", post.Title].Value : post.Title;
        await sender.SendAsync(endpoint.Kind, endpoint.Url, new WebhookMessage(title, PostViews.Excerpt(post.Body), links.Post(post.Id), t["Open in Inward"]), ct);
    }
}
