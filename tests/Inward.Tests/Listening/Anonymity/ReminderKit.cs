using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Inward.Features.Listening;
using Inward.Features.People;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>A person a test owns: their e-mail (also their sign-in), employee and user ids.</summary>
internal sealed record Respondent(string Email, int EmployeeId, string UserId, string Name);

/// <summary>Set-up shared by the reminder, panel and attack tests: departments, people, surveys, answers and reminder runs.</summary>
internal static class ReminderKit
{
    public const string Hr = "hr@demo.example";

    public static async Task<int> DepartmentAsync(InwardApp app, int? parent = null) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Rem {Guid.NewGuid():N}"[..28], ParentId = parent };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    public static async Task<List<Respondent>> PeopleAsync(InwardApp app, int department, int count, string language = "en", string[]? roles = null)
    {
        var people = new List<Respondent>();
        for (var i = 0; i < count; i++)
        {
            var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
            var name = await TestAccounts.WithDbAsync(app, async db =>
            {
                var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
                e.DepartmentId = department;
                e.Language = language;
                await db.SaveChangesAsync();
                return e.Name;
            });
            people.Add(new(email, employeeId!.Value, userId, name));
        }
        return people;
    }

    public static object Audience(int department) =>
        new { include = new[] { new { departments = new[] { new { id = department, includeSubDepartments = true } } } } };

    public static readonly object[] Sections =
    [
        new
        {
            title = "Mood",
            questions = new object[]
            {
                new { kind = "Likert5", text = "I like working here.", dimension = "Mood" },
                new { kind = "FreeText", text = "Anything else?", required = false },
            },
        },
    ];

    /// <summary>Creates (HR, through the API) and launches an anonymous survey; returns its id.</summary>
    public static async Task<int> LaunchAsync(HttpClient hr, object body)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/surveys", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).StatusCode);
        return id;
    }

    public static Task<int> LaunchForAsync(HttpClient hr, int department, string title, DateTimeOffset? closesAt = null) =>
        LaunchAsync(hr, new { title, audience = Audience(department), sections = Sections, closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(400) });

    /// <summary>Answers as the page would, through the service.</summary>
    public static async Task SubmitAsync(InwardApp app, int survey, Respondent person, int value = 4, string? comment = null)
    {
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == survey).OrderBy(q => q.Order).ToListAsync());
        List<AnswerInput> answers = [new(questions[0].Id, value, null, null)];
        if (comment is not null)
        {
            answers.Add(new(questions[1].Id, null, null, comment));
        }
        await using var scope = app.Services.CreateAsyncScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.UserId)], "test"));
        var (outcome, errors) = await scope.ServiceProvider.GetRequiredService<SurveyResponding>().SubmitAsync(survey, user, person.EmployeeId, answers, default);
        Assert.True(outcome == SubmitOutcome.Submitted, string.Join("; ", errors.Select(e => e.Format())));
    }

    /// <summary>Runs the automatic reminder job as an instance would, at the clock's time.</summary>
    public static async Task RunJobAsync(InwardApp app, TimeProvider clock, int daysBefore = 3)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reminders = ActivatorUtilities.CreateInstance<SurveyReminders>(scope.ServiceProvider, clock);
        await reminders.RunAutomaticAsync(daysBefore, default);
    }

    public static Task<int> SetThresholdAsync(InwardApp app, int k) => TestAccounts.WithDbAsync(app, async db =>
    {
        (await db.CompanySettings.SingleAsync()).AnonymityThreshold = k;
        return await db.SaveChangesAsync();
    });

    public static Task<List<SurveyReminder>> LogAsync(InwardApp app, int survey) =>
        TestAccounts.WithDbAsync(app, db => db.Set<SurveyReminder>().AsNoTracking().Where(r => r.SurveyId == survey).ToListAsync());
}
