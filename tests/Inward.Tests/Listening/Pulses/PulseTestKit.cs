using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Inward.Features.Audiences;
using Inward.Features.Listening;
using Inward.Features.Listening.Pulses;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inward.Tests.Listening.Pulses;

/// <summary>
/// What pulse tests share: departments and people of their own, a weekly pulse whose first cycle opens at a moment in the
/// future (so the app's own job, on the real clock, never acts on it), answers and job runs on a hand-moved clock.
/// </summary>
public static class PulseTestKit
{
    public const string Hr = $"hr@{DemoCompany.Domain}";

    public sealed record Person(string Email, int EmployeeId, string UserId);

    /// <summary>One respondent's answers: the 0–10 question and the two Likert items of the "Clarity" dimension.</summary>
    public sealed record Answers(int Recommend, int Clear, int Recognised);

    public static async Task<int> DepartmentAsync(InwardApp app, int? parent = null) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Pulse {Guid.NewGuid():N}"[..30], ParentId = parent };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    public static async Task<List<Person>> PeopleAsync(InwardApp app, int department, int count, string[]? roles = null)
    {
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
            await MoveAsync(app, employeeId!.Value, department);
            people.Add(new(email, employeeId.Value, userId));
        }
        return people;
    }

    public static Task<int> MoveAsync(InwardApp app, int employeeId, int department) => TestAccounts.WithDbAsync(app, async db =>
    {
        (await db.Employees.SingleAsync(e => e.Id == employeeId)).DepartmentId = department;
        return await db.SaveChangesAsync();
    });

    public static object Audience(int department) =>
        new { include = new[] { new { departments = new[] { new { id = department, includeSubDepartments = true } } } } };

    /// <summary>Creates a three-question draft (0–10, two "Clarity" items), makes it a weekly pulse open 3 days, and launches it; returns its id.</summary>
    public static async Task<int> WeeklyPulseAsync(HttpClient hr, int department, DateTime firstOpensUtc, bool launch = true)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = $"Pulse {Guid.NewGuid():N}"[..20], audience = Audience(department), opensAt = new DateTimeOffset(firstOpensUtc, TimeSpan.Zero),
            sections = new[]
            {
                new
                {
                    title = "Pulse", titleAr = "نبض", titlePl = "Puls",
                    questions = new object[]
                    {
                        new { kind = "Scale0To10", text = "Recommend us?", textPl = "Polecisz nas?" },
                        new { kind = "Likert5", text = "I know what is expected of me.", textAr = "أعرف ما هو متوقع مني.", dimension = "Clarity" },
                        new { kind = "Likert5", text = "I have what I need.", dimension = "Clarity" },
                    },
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync($"/api/v1/surveys/{id}/recurrence", new { cadence = "weekly", openDays = 3 })).StatusCode);
        if (launch)
        {
            Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).StatusCode);
        }
        return id;
    }

    public static Task<int> SeriesOfAsync(InwardApp app, int surveyId) =>
        TestAccounts.WithDbAsync(app, db => db.Set<SurveyCycle>().Where(c => c.SurveyId == surveyId).Select(c => c.SeriesId).SingleAsync());

    public static async Task<(PulseCadence Cadence, int OpenDays)> RecurrenceOfAsync(InwardApp app, int seriesId)
    {
        var series = await TestAccounts.WithDbAsync(app, db => db.Set<SurveySeries>().AsNoTracking().SingleAsync(s => s.Id == seriesId));
        return (series.Cadence, series.OpenDays);
    }

    /// <summary>The survey id of each cycle of the series, in order.</summary>
    public static Task<List<int>> CyclesAsync(InwardApp app, int seriesId) =>
        TestAccounts.WithDbAsync(app, db => db.Set<SurveyCycle>().Where(c => c.SeriesId == seriesId).OrderBy(c => c.Number).Select(c => c.SurveyId).ToListAsync());

    /// <summary>A job runner (an instance) that runs the pulse job on <paramref name="clock"/> under a kind of its own, which the app's worker leaves alone.</summary>
    public static JobRunner Runner(InwardApp app, TimeProvider clock, string kind, string? owner = null) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            new JobOptions { MaxAttempts = 3, RetryBaseSeconds = 10, RetryMaxSeconds = 600, BatchSize = 5, KeepSucceededDays = 0 },
            [new JobHandlerRegistration(kind, sp => new PulseCycleJob(new PulseCycles(sp.GetRequiredService<InwardDbContext>(),
                sp.GetRequiredService<AudienceResolver>(), clock, NullLogger<PulseCycles>.Instance)))],
            [], NullLogger.Instance, owner);

    /// <summary>Queues one run of the pulse job for <paramref name="seriesId"/> now (by <paramref name="clock"/>) and runs it.</summary>
    public static async Task RunJobAsync(InwardApp app, ManualClock clock, int seriesId)
    {
        var kind = $"test.pulses.{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IJobScheduler>().EnqueueAsync(kind, new PulseRun(seriesId), clock.UtcNow);
        }
        Assert.Equal(1, await Runner(app, clock, kind).RunDueAsync());
        Assert.Equal(JobStatus.Succeeded, await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().Where(j => j.Kind == kind).Select(j => j.Status).SingleAsync()));
    }

    /// <summary>Answers a cycle as the person would, on the test's clock (the cycle is open in its time, not the real one).</summary>
    public static async Task AnswerAsync(InwardApp app, ManualClock clock, int surveyId, Person person, Answers answers)
    {
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == surveyId).OrderBy(q => q.Order).Select(q => q.Id).ToListAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var responding = new SurveyResponding(scope.ServiceProvider.GetRequiredService<InwardDbContext>(), clock);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.UserId)], "test"));
        var (outcome, errors) = await responding.SubmitAsync(surveyId, user, person.EmployeeId,
            [new(questions[0], Value: answers.Recommend), new(questions[1], Value: answers.Clear), new(questions[2], Value: answers.Recognised)], default);
        Assert.True(outcome == SubmitOutcome.Submitted, $"{outcome}: " + string.Join("; ", errors.Select(e => e.Format())));
    }

    public static async Task AnswerAllAsync(InwardApp app, ManualClock clock, int surveyId, IEnumerable<Person> people, IEnumerable<Answers> answers)
    {
        foreach (var (person, a) in people.Zip(answers))
        {
            await AnswerAsync(app, clock, surveyId, person, a);
        }
    }

    /// <summary>The same answers <paramref name="count"/> times.</summary>
    public static IEnumerable<Answers> Same(int count, int recommend = 8, int clear = 4, int recognised = 4) =>
        Enumerable.Repeat(new Answers(recommend, clear, recognised), count);

    public static async Task<JsonElement> TrendsAsync(HttpClient client, int surveyId, int? department = null)
    {
        var response = await client.GetAsync($"/api/v1/surveys/{surveyId}/trends{(department is { } d ? $"?department={d}" : "")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
