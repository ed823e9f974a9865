using System.Net;
using Inward.Features.Learning;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Learning.LearningFixtures;

namespace Inward.Tests.Learning;

/// <summary>
/// Completion in an app with a registered <see cref="ICourseCompletedHandler"/>: the handler's own row is saved with the
/// completion, and a person can take the course again (a new round and a new completion row).
/// </summary>
public sealed class CourseCompletionTests(Apps apps) : IntegrationTest(apps)
{
    /// <summary>Adds a group named after the completion, to prove that what a handler adds is saved with it.</summary>
    private sealed class GroupPerCompletion : ICourseCompletedHandler
    {
        public Task OnCompletedAsync(InwardDbContext db, CourseCompletion completion, Course course, CancellationToken ct)
        {
            db.Groups.Add(new Group { Name = $"done {course.Id} {completion.ScorePercent}", Description = completion.UserId });
            return Task.CompletedTask;
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Finishing_lessons_and_passing_the_quiz_completes_once_calls_the_handlers_and_a_retake_adds_a_completion(DatabaseProvider provider)
    {
        await using var app = new InwardApp(provider, services: s => s.AddScoped<ICourseCompletedHandler, GroupPerCompletion>());
        await app.InitialiseAsync();
        var department = await DepartmentAsync(app);
        var (email, userId, employeeId) = await EmployeeAsync(app, department);
        var learner = await app.SignedInAsync(email, TestAccounts.Password);
        var course = await CourseAsync(app, Department(department), lessons: 2, passMark: 50, maxAttempts: null);
        Task<int> Completions() => TestAccounts.WithDbAsync(app, db => db.Set<CourseCompletion>().CountAsync(c => c.CourseId == course.Id && c.UserId == userId));
        Task<int> HandlerRows() => TestAccounts.WithDbAsync(app, db => db.Groups.CountAsync(g => g.Name.StartsWith($"done {course.Id} ") && g.Description == userId));

        // The quiz passed first: not complete until every lesson is done.
        var attempt = await StartAsync(learner, course.Id);
        var passed = await JsonAsync(await SubmitAsync(learner, course.Id, attempt, Choice(course.SingleId, course.RightOption)));
        Assert.True(passed.GetProperty("passed").GetBoolean());
        Assert.False(passed.GetProperty("courseCompleted").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await learner.PostAsync($"/api/v1/courses/{course.Id}/quiz/attempts", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsync($"/api/v1/courses/{course.Id}/lessons/1/progress", null)).StatusCode);
        Assert.Equal(0, await Completions());

        var last = await InwardApp.PostFormAsync(learner, $"/learning/courses/{course.Id}/lessons/2", []);
        Assert.Equal($"/learning/courses/{course.Id}", last.Headers.Location!.OriginalString);
        var completion = await TestAccounts.WithDbAsync(app, db => db.Set<CourseCompletion>().SingleAsync(c => c.CourseId == course.Id && c.UserId == userId));
        Assert.Equal(employeeId, completion.EmployeeId);
        Assert.Equal(50, completion.ScorePercent);
        Assert.Equal(1, await HandlerRows());
        Assert.Contains("Well done: you have completed this course.", await learner.GetStringAsync($"/learning/courses/{course.Id}"), StringComparison.Ordinal);

        // Marking a lesson again starts the next round; the earlier completion stays.
        var again = await JsonAsync(await learner.PostAsync($"/api/v1/courses/{course.Id}/lessons/1/progress", null));
        Assert.Equal(1, again.GetProperty("progress").GetProperty("round").GetInt32());
        Assert.Equal(1, again.GetProperty("progress").GetProperty("lessonsDone").GetInt32());
        Assert.Contains("In progress: 1 of 2 lessons", await learner.GetStringAsync("/learning"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsync($"/api/v1/courses/{course.Id}/lessons/2/progress", null)).StatusCode);
        Assert.Equal(1, await Completions());
        attempt = await StartAsync(learner, course.Id);
        var retake = await JsonAsync(await SubmitAsync(learner, course.Id, attempt, Choice(course.SingleId, course.RightOption), Typed(course.ShortId, "SECRET-four")));
        Assert.Equal(100, retake.GetProperty("scorePercent").GetInt32());
        Assert.True(retake.GetProperty("courseCompleted").GetBoolean());
        Assert.Equal(2, await Completions());
        Assert.Equal(2, await HandlerRows());
        Assert.Contains("Completed on", await learner.GetStringAsync("/learning"), StringComparison.Ordinal);
    }
}
