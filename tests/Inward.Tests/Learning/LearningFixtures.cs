using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Audiences;
using Inward.Features.Learning;
using Inward.Features.People;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Learning;

/// <summary>Courses, people and quiz answers for the learning tests, written straight to the database where the test is not about authoring.</summary>
internal static class LearningFixtures
{
    public static Task<int> DepartmentAsync(InwardApp app) => TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Learn {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    public static Task<int> PartnerOrganisationAsync(InwardApp app) => TestAccounts.WithDbAsync(app, async db =>
    {
        var organisation = new PartnerOrganisation { Name = $"Partner {Guid.NewGuid():N}"[..30] };
        db.PartnerOrganisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    /// <summary>An employee account in a department: (e-mail, user id, employee id).</summary>
    public static async Task<(string Email, string UserId, int EmployeeId)> EmployeeAsync(InwardApp app, int departmentId)
    {
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        await MoveAsync(app, employeeId!.Value, departmentId);
        return (email, userId, employeeId.Value);
    }

    public static Task MoveAsync(InwardApp app, int employeeId, int departmentId) => TestAccounts.WithDbAsync(app, async db =>
    {
        var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
        e.DepartmentId = departmentId;
        return await db.SaveChangesAsync();
    });

    public static AudienceRule Department(int id) => new() { Include = [new AudienceClause { Departments = [new DepartmentChoice { Id = id }] }] };

    public static AudienceRule Partner(int id) => new() { Include = [new AudienceClause { PartnerOrganisations = [id] }] };

    public sealed record SeededCourse(int Id, int QuizId, int SingleId, int RightOption, int WrongOption, int ShortId, IReadOnlyList<int> Lessons);

    /// <summary>
    /// A course with <paramref name="lessons"/> lessons and, unless <paramref name="quiz"/> is false, a quiz of two questions:
    /// a single choice (right/wrong option) and a short answer accepting "four".
    /// </summary>
    public static Task<SeededCourse> CourseAsync(InwardApp app, AudienceRule audience, string? title = null, int lessons = 2, bool quiz = true,
        int passMark = 100, int? maxAttempts = 2, CourseStatus status = CourseStatus.Published) => TestAccounts.WithDbAsync(app, async db =>
    {
        var owner = await db.Users.Select(u => u.Id).FirstAsync();
        var course = new Course
        {
            Title = title ?? $"Course {Guid.NewGuid():N}", Description = "About **this**.", OwnerUserId = owner, AudienceJson = audience.ToJson(),
            Status = status, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, EstimatedMinutes = 10,
        };
        db.Add(course);
        await db.SaveChangesAsync();
        var lessonRows = Enumerable.Range(1, lessons).Select(i => new Lesson
        {
            CourseId = course.Id, SortOrder = i, Title = $"Lesson {i.ToString(CultureInfo.InvariantCulture)} of {course.Title}", Body = $"Text {i}",
        }).ToList();
        db.AddRange(lessonRows);
        await db.SaveChangesAsync();
        if (!quiz)
        {
            return new SeededCourse(course.Id, 0, 0, 0, 0, 0, [.. lessonRows.Select(l => l.Id)]);
        }
        var q = new Quiz { CourseId = course.Id, PassMarkPercent = passMark, MaxAttempts = maxAttempts };
        db.Add(q);
        await db.SaveChangesAsync();
        var single = new QuizQuestion
        {
            QuizId = q.Id, SortOrder = 1, Kind = QuestionKind.SingleChoice, Text = "Pick the right one", IncorrectFeedback = "SECRET-wrong-feedback",
            Options = [new QuizOption { SortOrder = 1, Text = "Right", IsCorrect = true, Feedback = "SECRET-right-feedback" },
                new QuizOption { SortOrder = 2, Text = "Wrong", IsCorrect = false }],
        };
        var shortAnswer = new QuizQuestion
        {
            QuizId = q.Id, SortOrder = 2, Kind = QuestionKind.ShortAnswer, Text = "How many?",
            Options = [new QuizOption { SortOrder = 1, Text = "SECRET-four", IsCorrect = true }],
        };
        db.AddRange(single, shortAnswer);
        await db.SaveChangesAsync();
        return new SeededCourse(course.Id, q.Id, single.Id, single.Options[0].Id, single.Options[1].Id, shortAnswer.Id, [.. lessonRows.Select(l => l.Id)]);
    });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Starts (or resumes) an attempt through the API and returns its id.</summary>
    public static async Task<int> StartAsync(HttpClient client, int courseId)
    {
        var response = await client.PostAsync($"/api/v1/courses/{courseId}/quiz/attempts", null);
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("attemptId").GetInt32();
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int courseId, int attemptId, params object[] answers) =>
        client.PostAsJsonAsync($"/api/v1/courses/{courseId}/quiz/attempts/{attemptId}/submit", new { answers });

    public static object Choice(int questionId, params int[] options) => new { questionId, optionIds = options };

    public static object Typed(int questionId, string text) => new { questionId, text };
}
