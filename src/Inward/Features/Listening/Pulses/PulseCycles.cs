using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening.Pulses;

/// <summary>A survey's series as the edit page and the API show it.</summary>
public sealed record PulseInfo(int SeriesId, PulseCadence Cadence, int OpenDays, DateTime? StoppedUtc, int Number, IReadOnlyList<CycleState> Cycles,
    DateTime? NextOpensUtc);

/// <summary>
/// Recurring pulses: HR makes a draft survey recurring (it becomes cycle 1) and can stop the series; the background job
/// (<see cref="PulseCycleJob"/>) closes cycles whose time is up and launches the next cycle as a copy of the latest one —
/// same questions, sections, translations, audience rule and anonymity — with the audience frozen again at its launch.
/// </summary>
public sealed class PulseCycles(InwardDbContext db, AudienceResolver audiences, TimeProvider clock, ILogger<PulseCycles> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PulseInfo?> ForSurveyAsync(int surveyId, CancellationToken ct)
    {
        var cycle = await db.Set<SurveyCycle>().AsNoTracking().SingleOrDefaultAsync(c => c.SurveyId == surveyId, ct);
        if (cycle is null)
        {
            return null;
        }
        var series = await db.Set<SurveySeries>().AsNoTracking().SingleAsync(s => s.Id == cycle.SeriesId, ct);
        var cycles = await CyclesAsync(series.Id, ct);
        return new(series.Id, series.Cadence, series.OpenDays, series.StoppedUtc, cycle.Number, cycles,
            PulseSchedule.NextOpening(series.Cadence, series.StoppedUtc is not null, cycles, series.LatestChange()));
    }

    /// <summary>The cycles of a series, in order.</summary>
    public async Task<IReadOnlyList<CycleState>> CyclesAsync(int seriesId, CancellationToken ct) =>
        await (from c in db.Set<SurveyCycle>().AsNoTracking()
               join s in db.Set<Survey>().AsNoTracking() on c.SurveyId equals s.Id
               where c.SeriesId == seriesId
               orderby c.Number
               select new CycleState(s.Id, c.Number, s.Status, s.OpensUtc, s.ClosesUtc)).ToListAsync(ct);

    /// <summary>Checks a recurrence: a known cadence and 1 to the shortest period's days open.</summary>
    public static IReadOnlyList<SurveyError> Check(string? cadence, int? openDays, out PulseCadence? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(cadence) || cadence.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        if (!Enum.TryParse<PulseCadence>(cadence, ignoreCase: true, out var c) || !Enum.IsDefined(c) || int.TryParse(cadence, out _))
        {
            return [new("cadence", "The cadence must be weekly, monthly or quarterly.")];
        }
        parsed = c;
        var max = PulseSchedule.MaxOpenDays(c);
        return openDays is { } d && d >= PulseSchedule.MinOpenDays && d <= max
            ? []
            : [new("openDays", "Each cycle stays open from {0} to {1} days.", PulseSchedule.MinOpenDays, max)];
    }

    /// <summary>
    /// Makes a draft recurring (cycle 1 of a new series), changes its cadence, or with a null cadence makes it a one-off
    /// again. Only while the survey is a draft: once launched, a series can only be stopped.
    /// </summary>
    public async Task<SurveyChange> SetRecurrenceAsync(int surveyId, PulseCadence? cadence, int openDays, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().Where(s => s.Id == surveyId).Select(s => new { s.Status }).SingleOrDefaultAsync(ct);
        if (survey is null)
        {
            return SurveyChange.NotFound;
        }
        if (survey.Status != SurveyStatus.Draft)
        {
            return SurveyChange.NotDraft;
        }
        var cycle = await db.Set<SurveyCycle>().SingleOrDefaultAsync(c => c.SurveyId == surveyId, ct);
        var series = cycle is null ? null : await db.Set<SurveySeries>().SingleAsync(s => s.Id == cycle.SeriesId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (cadence is not { } c)
        {
            if (series is not null)
            {
                db.Remove(cycle!);
                db.Remove(series);
            }
        }
        else if (series is null)
        {
            series = new SurveySeries
            {
                Cadence = c, OpenDays = openDays, CreatedUtc = Now,
                CreatedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id."),
            };
            db.Add(series);
            await db.SaveChangesAsync(ct);
            db.Add(new SurveyCycle { SurveyId = surveyId, SeriesId = series.Id, Number = 1 });
        }
        else
        {
            series.Cadence = c;
            series.OpenDays = openDays;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SurveyChange.Done;
    }

    /// <summary>
    /// Changes the cadence and/or days open of the series <paramref name="surveyId"/> belongs to, for the cycles still to
    /// come: the cycle open now keeps its closing date, and the next opens one new period after the latest cycle opened,
    /// never before the open one closes nor before now (<see cref="PulseSchedule.Change"/>). A value left null stays as
    /// it is. NotDraft: the survey is not in a series, or the series is stopped; Invalid: the errors say why.
    /// </summary>
    public async Task<(SurveyChange Change, IReadOnlyList<SurveyError> Errors)> ChangeAsync(int surveyId, string? cadence, int? openDays, CancellationToken ct)
    {
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == surveyId, ct))
        {
            return (SurveyChange.NotFound, []);
        }
        var series = await (from c in db.Set<SurveyCycle>()
                            join s in db.Set<SurveySeries>() on c.SeriesId equals s.Id
                            where c.SurveyId == surveyId
                            select s).SingleOrDefaultAsync(ct);
        if (series is null || series.StoppedUtc is not null)
        {
            return (SurveyChange.NotDraft, [new("series", "This survey is not part of a running series.")]);
        }
        if (cadence is null && openDays is null)
        {
            return (SurveyChange.Invalid, [new("cadence", "Give a new cadence, a new number of days open, or both.")]);
        }
        if (cadence is not null && cadence.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return (SurveyChange.Invalid, [new("cadence", "The cadence must be weekly, monthly or quarterly.")]);
        }
        var errors = Check(cadence ?? series.Cadence.ToString(), openDays ?? series.OpenDays, out var parsed);
        if (errors.Count > 0)
        {
            return (SurveyChange.Invalid, errors);
        }
        var (newCadence, newOpenDays) = (parsed!.Value, openDays ?? series.OpenDays);
        if (newCadence == series.Cadence && newOpenDays == series.OpenDays)
        {
            return (SurveyChange.Done, []);
        }
        var cycles = await CyclesAsync(series.Id, ct);
        if (PulseSchedule.Change(Now, series.OpenDays, cycles) is { } change)
        {
            // The open cycle keeps the closing it had: a cycle launched without its own closing time took the series' days.
            var latest = cycles.MaxBy(c => c.Number)!;
            if (latest is { Status: SurveyStatus.Open, ClosesUtc: null })
            {
                (await db.Set<Survey>().SingleAsync(s => s.Id == latest.SurveyId, ct)).ClosesUtc = PulseSchedule.ClosingOf(latest, series.OpenDays);
            }
            (series.AnchorUtc, series.NotBeforeUtc) = (change.AnchorUtc, change.NotBeforeUtc);
        }
        (series.Cadence, series.OpenDays) = (newCadence, newOpenDays);
        await db.SaveChangesAsync(ct);
        return (SurveyChange.Done, []);
    }

    /// <summary>Stops the series of a survey: no further cycle is launched. NotDraft: not recurring, or stopped already.</summary>
    public async Task<SurveyChange> StopAsync(int surveyId, CancellationToken ct)
    {
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == surveyId, ct))
        {
            return SurveyChange.NotFound;
        }
        var series = await (from c in db.Set<SurveyCycle>()
                            join s in db.Set<SurveySeries>() on c.SeriesId equals s.Id
                            where c.SurveyId == surveyId
                            select s).SingleOrDefaultAsync(ct);
        if (series is null || series.StoppedUtc is not null)
        {
            return SurveyChange.NotDraft;
        }
        series.StoppedUtc = Now;
        await db.SaveChangesAsync(ct);
        return SurveyChange.Done;
    }

    /// <summary>
    /// The job's work: for every series, close what is due and launch what is due. Changes are left unsaved, so the job
    /// runner saves them with the job's completion in one transaction (exactly once across instances, ADR 0007); the unique
    /// (series, number) index turns a launch raced by an overlapping run into a failed, retried job instead of a twin cycle.
    /// Returns the number of cycles launched. <paramref name="onlySeriesId"/> narrows the run to one series.
    /// </summary>
    public async Task<int> RunAsync(int? onlySeriesId, CancellationToken ct)
    {
        var now = Now;
        var allSeries = await db.Set<SurveySeries>().AsNoTracking().Where(s => onlySeriesId == null || s.Id == onlySeriesId).ToListAsync(ct);
        var states = (await (from c in db.Set<SurveyCycle>().AsNoTracking()
                             join s in db.Set<Survey>().AsNoTracking() on c.SurveyId equals s.Id
                             where onlySeriesId == null || c.SeriesId == onlySeriesId
                             select new { c.SeriesId, State = new CycleState(s.Id, c.Number, s.Status, s.OpensUtc, s.ClosesUtc) }).ToListAsync(ct))
            .ToLookup(x => x.SeriesId, x => x.State);
        var launched = 0;
        foreach (var series in allSeries)
        {
            var cycles = states[series.Id].OrderBy(c => c.Number).ToList();
            var plan = PulseSchedule.Plan(now, series.Cadence, series.OpenDays, series.StoppedUtc is not null, cycles, series.LatestChange());
            foreach (var closing in plan.Close)
            {
                var survey = await db.Set<Survey>().SingleAsync(s => s.Id == closing.SurveyId, ct);
                survey.Status = SurveyStatus.Closed;
                survey.ClosesUtc = closing.ClosesUtc;
                survey.ClosedUtc = now;
            }
            if (plan.Launch is { } launch && await LaunchAsync(series, cycles.MaxBy(c => c.Number)!.SurveyId, launch, now, ct))
            {
                launched++;
            }
        }
        return launched;
    }

    /// <summary>
    /// Adds the next cycle as a copy of <paramref name="fromSurveyId"/>, open at once, with its audience frozen now. The new
    /// rows refer to each other through EF's temporary keys and get their real ids when the job's changes are saved.
    /// </summary>
    private async Task<bool> LaunchAsync(SurveySeries series, int fromSurveyId, CycleLaunch launch, DateTime now, CancellationToken ct)
    {
        var source = await db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == fromSurveyId, ct);
        var members = await audiences.MemberEmployeeIdsAsync(AudienceRule.FromJson(source.AudienceJson) ?? new AudienceRule(), ct);
        if (members.Count == 0)
        {
            logger.LogWarning("Pulse series {SeriesId}: nobody is in the audience, so cycle {Number} was not launched.", series.Id, launch.Number);
            return false;
        }
        var survey = new Survey
        {
            Title = source.Title, Description = source.Description, IsAnonymous = source.IsAnonymous, AudienceJson = source.AudienceJson,
            TemplateKey = source.TemplateKey, CreatedByUserId = series.CreatedByUserId, CreatedUtc = now, Status = SurveyStatus.Open,
            OpensUtc = launch.OpensUtc, ClosesUtc = launch.ClosesUtc, LaunchedUtc = now,
        };
        db.Add(survey);
        var surveyId = (int)db.Entry(survey).Property(s => s.Id).CurrentValue;
        db.Add(new SurveyCycle { SurveyId = surveyId, SeriesId = series.Id, Number = launch.Number });
        var sections = await db.Set<SurveySection>().AsNoTracking().Where(s => s.SurveyId == fromSurveyId).ToListAsync(ct);
        var sectionIds = new Dictionary<int, int>();
        foreach (var s in sections)
        {
            var copy = new SurveySection { SurveyId = surveyId, Order = s.Order, Title = s.Title, TitleAr = s.TitleAr, TitlePl = s.TitlePl };
            db.Add(copy);
            sectionIds[s.Id] = db.Entry(copy).Property(x => x.Id).CurrentValue;
        }
        var questions = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == fromSurveyId).ToListAsync(ct);
        db.AddRange(questions.Select(q => new SurveyQuestion
        {
            SurveyId = surveyId, SectionId = q.SectionId is { } sid ? sectionIds[sid] : null, Order = q.Order, Kind = q.Kind, Text = q.Text,
            TextAr = q.TextAr, TextPl = q.TextPl, Options = q.Options, OptionsAr = q.OptionsAr, OptionsPl = q.OptionsPl, Dimension = q.Dimension,
            Reverse = q.Reverse, Required = q.Required, AboutDepartmentId = q.AboutDepartmentId, IsExpectation = q.IsExpectation,
        }));
        // Service quality items rate departments on the map as it is at this cycle's launch.
        await ServiceMapSnapshot.TakeAsync(db, surveyId, fromSurveyId, ct);
        var snapshot = await db.Employees.AsNoTracking().Where(e => members.Contains(e.Id))
            .Select(e => new { e.Id, e.DepartmentId, e.LocationId }).ToListAsync(ct);
        db.AddRange(snapshot.Select(e => new SurveyMember { SurveyId = surveyId, EmployeeId = e.Id, DepartmentId = e.DepartmentId, LocationId = e.LocationId }));
        return true;
    }
}

/// <summary>A run of the pulse job: every series (the recurring sweep), or only <paramref name="SeriesId"/>.</summary>
public sealed record PulseRun(int? SeriesId = null);

/// <summary>The recurring sweep (Surveys:Pulses, every 5 minutes by default) that closes and launches pulse cycles.</summary>
public sealed class PulseCycleJob(PulseCycles cycles) : IJobHandler
{
    public const string Kind = "listening.pulses";

    public Task HandleAsync(JobContext job, CancellationToken ct) => cycles.RunAsync(job.PayloadAs<PulseRun>().SeriesId, ct);
}
