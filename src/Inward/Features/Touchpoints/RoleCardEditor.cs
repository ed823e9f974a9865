using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

public sealed class KpiRow
{
    public string? Text { get; set; }
    public string? MetricKey { get; set; }
}

public sealed class TrainingRow
{
    public string? Title { get; set; }
    public string? Url { get; set; }
    /// <summary>A published course of Learning; 0 removes the link, null keeps the row's current one (API clients that do not know courses).</summary>
    public int? CourseId { get; set; }
}

/// <summary>A role card as typed into the editor. Blank KPI and training rows are ignored.</summary>
public sealed class RoleCardForm
{
    public string? BrandPromise { get; set; }
    /// <summary>Expected behaviours, one per line.</summary>
    public string? Behaviours { get; set; }
    public List<KpiRow> Kpis { get; set; } = [];
    public List<TrainingRow> Training { get; set; } = [];

    public static RoleCardForm From(RoleCardContent c) => new()
    {
        BrandPromise = c.BrandPromise,
        Behaviours = TouchpointLines.Join(c.Behaviours),
        Kpis = [.. c.Kpis.Select(k => new KpiRow { Text = k.Text, MetricKey = k.MetricKey })],
        Training = [.. c.Training.Select(t => new TrainingRow { Title = t.Title, Url = t.Url, CourseId = t.CourseId ?? 0 })],
    };

    /// <summary>Adds blank rows so the page (which needs no script) always offers a few more KPIs and trainings.</summary>
    public RoleCardForm WithBlankRows(int blanks = 3)
    {
        Kpis = [.. Kpis.Where(k => !IsBlank(k)), .. Enumerable.Range(0, blanks).Select(_ => new KpiRow())];
        Training = [.. Training.Where(t => !IsBlank(t)), .. Enumerable.Range(0, blanks).Select(_ => new TrainingRow())];
        return this;
    }

    internal static bool IsBlank(KpiRow k) => string.IsNullOrWhiteSpace(k.Text) && string.IsNullOrWhiteSpace(k.MetricKey);

    internal static bool IsBlank(TrainingRow t) => string.IsNullOrWhiteSpace(t.Title) && string.IsNullOrWhiteSpace(t.Url) && t.CourseId is null or 0;
}

public enum PublishOutcome
{
    Published,
    /// <summary>The card says exactly what its latest version says; publishing would ask everyone again for nothing.</summary>
    Unchanged,
    /// <summary>Someone else published the same card at the same moment.</summary>
    Conflict,
}

/// <summary>Validates, saves and publishes role expectation cards.</summary>
public sealed class RoleCardEditor(InwardDbContext db, MetricRegistry metrics, TimeProvider clock, CurrentActor actor)
{
    public const int MaxKpis = 10;
    public const int MaxTraining = 10;

    /// <summary>Problems with the form; <paramref name="publishing"/> adds what a published card must have.</summary>
    public List<FieldProblem> Validate(RoleCardForm form, bool publishing)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string message, params object[] args) => problems.Add(new(field, message, args));

        var promise = form.BrandPromise?.Trim() ?? "";
        if (promise.Length == 0)
        {
            Add(nameof(form.BrandPromise), "Enter the brand promise for this role.");
        }
        else if (promise.Length > TouchpointRules.MaxMarkdown)
        {
            Add(nameof(form.BrandPromise), "This text can have at most {0} characters.", TouchpointRules.MaxMarkdown);
        }
        var behaviours = TouchpointLines.Split(form.Behaviours);
        if (TouchpointLines.Problem(behaviours) is { } lines)
        {
            Add(nameof(form.Behaviours), lines.Message, lines.Arguments);
        }
        else if (publishing && behaviours.Count == 0)
        {
            Add(nameof(form.Behaviours), "Enter at least one expected behaviour before publishing.");
        }

        var kpis = form.Kpis.Where(k => !RoleCardForm.IsBlank(k)).ToList();
        if (kpis.Count > MaxKpis)
        {
            Add(nameof(form.Kpis), "Enter at most {0} KPIs.", MaxKpis);
        }
        foreach (var k in kpis)
        {
            var text = k.Text?.Trim() ?? "";
            if (text.Length == 0)
            {
                Add(nameof(form.Kpis), "Describe each KPI in a few words.");
            }
            else if (text.Length > RoleCardRules.MaxItem)
            {
                Add(nameof(form.Kpis), "A KPI can have at most {0} characters.", RoleCardRules.MaxItem);
            }
            if (!string.IsNullOrWhiteSpace(k.MetricKey) && metrics.Find(k.MetricKey.Trim()) is null)
            {
                Add(nameof(form.Kpis), "There is no metric {0}.", k.MetricKey.Trim());
            }
        }

        var training = form.Training.Where(t => !RoleCardForm.IsBlank(t)).ToList();
        if (training.Count > MaxTraining)
        {
            Add(nameof(form.Training), "Enter at most {0} trainings.", MaxTraining);
        }
        foreach (var t in training)
        {
            var title = t.Title?.Trim() ?? "";
            if (title.Length == 0)
            {
                Add(nameof(form.Training), "Give each training a title.");
            }
            else if (title.Length > RoleCardRules.MaxItem)
            {
                Add(nameof(form.Training), "A training title can have at most {0} characters.", RoleCardRules.MaxItem);
            }
            if (!string.IsNullOrWhiteSpace(t.Url) && !RoleCardRules.IsWebLink(t.Url.Trim()))
            {
                Add(nameof(form.Training), "A training link must be a full http:// or https:// address.");
            }
        }
        return problems;
    }

    /// <summary>The card of a job role with its rows, tracked; null when the role has none yet.</summary>
    public Task<RoleCard?> FindTrackedAsync(int jobRoleId) =>
        db.Set<RoleCard>().Include(c => c.Kpis).Include(c => c.Training).SingleOrDefaultAsync(c => c.JobRoleId == jobRoleId);

    /// <summary>Saves a valid form as the card's working copy, creating the card on first save.</summary>
    public async Task<RoleCard> SaveDraftAsync(int jobRoleId, RoleCardForm form)
    {
        var card = await FindTrackedAsync(jobRoleId);
        if (card is null)
        {
            card = new RoleCard { JobRoleId = jobRoleId };
            db.Set<RoleCard>().Add(card);
        }
        card.BrandPromise = form.BrandPromise!.Trim();
        card.Behaviours = TouchpointLines.Join(TouchpointLines.Split(form.Behaviours));

        var kpis = form.Kpis.Where(k => !RoleCardForm.IsBlank(k)).ToList();
        db.RemoveRange(card.Kpis);
        card.Kpis = [.. kpis.Select((k, i) => new RoleCardKpi
        {
            SortOrder = i,
            Text = k.Text!.Trim(),
            MetricKey = string.IsNullOrWhiteSpace(k.MetricKey) ? null : k.MetricKey.Trim(),
        })];

        // A row without a CourseId (an API client that does not know courses) keeps the course of the row with its title.
        var courses = card.Training.Where(t => t.CourseId is not null)
            .GroupBy(t => t.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().CourseId, StringComparer.Ordinal);
        var training = form.Training.Where(t => !RoleCardForm.IsBlank(t)).ToList();
        db.RemoveRange(card.Training);
        card.Training = [.. training.Select((t, i) => new RequiredTraining
        {
            SortOrder = i,
            Title = t.Title!.Trim(),
            Url = string.IsNullOrWhiteSpace(t.Url) ? null : t.Url.Trim(),
            CourseId = t.CourseId is { } chosen ? (chosen > 0 ? chosen : null) : courses.GetValueOrDefault(t.Title!.Trim()),
        })];
        card.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return card;
    }

    /// <summary>Saves the form and publishes it as the next version, all or nothing.</summary>
    public async Task<(PublishOutcome Outcome, int Version)> SaveAndPublishAsync(int jobRoleId, RoleCardForm form)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var card = await SaveDraftAsync(jobRoleId, form);
        var json = RoleCardContent.Of(card).ToJson();
        var latest = await db.Set<RoleCardVersion>().AsNoTracking().Where(v => v.RoleCardId == card.Id)
            .OrderByDescending(v => v.Number).Select(v => v.SnapshotJson).FirstOrDefaultAsync();
        if (latest == json)
        {
            await tx.CommitAsync();
            return (PublishOutcome.Unchanged, card.PublishedVersion);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        card.PublishedVersion++;
        card.PublishedUtc = now;
        db.Set<RoleCardVersion>().Add(new RoleCardVersion
        {
            RoleCardId = card.Id, Number = card.PublishedVersion, PublishedUtc = now, PublishedByUserId = actor.UserId, SnapshotJson = json,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            return (PublishOutcome.Conflict, 0);
        }
        await tx.CommitAsync();
        return (PublishOutcome.Published, card.PublishedVersion);
    }
}

/// <summary>Limits of role cards.</summary>
public static class RoleCardRules
{
    public const int MaxItem = 300;
    public const int MaxUrl = 1000;

    public static bool IsWebLink(string url) =>
        url.Length <= MaxUrl && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
