using System.Net;
using System.Net.Http.Json;
using Inward.Features.Learning;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Learning.LearningFixtures;

namespace Inward.Tests.Learning;

/// <summary>Courses through HTTP: who sees what, progress and resume, quiz attempts, authoring errors and the demo courses.</summary>
public sealed class LearningTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_course_reaches_its_audience_at_read_time_including_after_a_department_change(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (ours, theirs) = (await DepartmentAsync(app), await DepartmentAsync(app));
        var (email, _, employeeId) = await EmployeeAsync(app, ours);
        var learner = await app.SignedInAsync(email, TestAccounts.Password);
        var course = await CourseAsync(app, Department(ours));
        var draft = await CourseAsync(app, Department(ours), status: CourseStatus.Draft);
        var elsewhere = await CourseAsync(app, Department(theirs));
        var title = await TestAccounts.WithDbAsync(app, db => db.Set<Course>().Where(c => c.Id == course.Id).Select(c => c.Title).SingleAsync());

        var page = await learner.GetStringAsync("/learning");
        Assert.Contains($"data-course=\"{course.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-course=\"{draft.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-course=\"{elsewhere.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains(title, await learner.GetStringAsync("/api/v1/courses"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/learning/courses/{course.Id}")).StatusCode);
        foreach (var hidden in new[] { draft.Id, elsewhere.Id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/learning/courses/{hidden}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/learning/courses/{hidden}/lessons/1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/api/v1/courses/{hidden}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/courses/{hidden}/lessons/1/progress", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/courses/{hidden}/quiz/attempts", null)).StatusCode);
        }

        await MoveAsync(app, employeeId, theirs);

        page = await learner.GetStringAsync("/learning");
        Assert.DoesNotContain($"data-course=\"{course.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-course=\"{elsewhere.Id}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/learning/courses/{course.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/api/v1/courses/{course.Id}")).StatusCode);

        // Authors preview any course, drafts included.
        var comms = await app.SignedInAsync("comms@demo.example");
        Assert.Contains("Preview", await comms.GetStringAsync($"/learning/courses/{draft.Id}"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_partner_sees_only_courses_naming_their_organisation(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (mine, other) = (await PartnerOrganisationAsync(app), await PartnerOrganisationAsync(app));
        var (email, _, _) = await TestAccounts.CreateAsync(app, [Roles.Partner], withEmployee: false, partnerId: mine);
        var partner = await app.SignedInAsync(email, TestAccounts.Password);
        var shared = await CourseAsync(app, Partner(mine));
        var theirs = await CourseAsync(app, Partner(other));
        var everyone = await CourseAsync(app, Inward.Features.Audiences.AudienceRule.EveryoneInternal());

        var page = await partner.GetStringAsync("/learning");
        Assert.Contains($"data-course=\"{shared.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-course=\"{theirs.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-course=\"{everyone.Id}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/learning/courses/{everyone.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/learning/courses/{theirs.Id}/lessons/1")).StatusCode);

        // The partner learns like an employee; the completion has no employee record.
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/v1/courses/{shared.Id}/lessons/1/progress", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/v1/courses/{shared.Id}/lessons/2/progress", null)).StatusCode);
        var attempt = await StartAsync(partner, shared.Id);
        var result = await SubmitAsync(partner, shared.Id, attempt, Choice(shared.SingleId, shared.RightOption), Typed(shared.ShortId, "secret-four"));
        Assert.True((await JsonAsync(result)).GetProperty("courseCompleted").GetBoolean());
        var completion = await TestAccounts.WithDbAsync(app, db => db.Set<CourseCompletion>().SingleAsync(c => c.CourseId == shared.Id));
        Assert.Null(completion.EmployeeId);
        Assert.Equal(100, completion.ScorePercent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Progress_resumes_at_the_first_lesson_not_done_and_marking_twice_keeps_one_row(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (email, userId, _) = await EmployeeAsync(app, department);
        var learner = await app.SignedInAsync(email, TestAccounts.Password);
        var course = await CourseAsync(app, Department(department), lessons: 3, quiz: false);

        Assert.Contains("Not started", await learner.GetStringAsync("/learning"), StringComparison.Ordinal);
        var response = await InwardApp.PostFormAsync(learner, $"/learning/courses/{course.Id}/lessons/2", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/learning/courses/{course.Id}/lessons/3", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsync($"/api/v1/courses/{course.Id}/lessons/2/progress", null)).StatusCode);

        var catalogue = await learner.GetStringAsync("/learning");
        Assert.Contains("In progress: 1 of 3 lessons", catalogue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/learning/courses/{course.Id}/lessons/1\"", catalogue, StringComparison.Ordinal);
        var json = await JsonAsync(await learner.GetAsync($"/api/v1/courses/{course.Id}"));
        Assert.Equal(1, json.GetProperty("progress").GetProperty("nextLesson").GetInt32());
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<LessonProgress>().CountAsync(p => p.UserId == userId)));

        // The last lesson done with an earlier one open goes back to it; lesson numbers past the end are 404.
        response = await InwardApp.PostFormAsync(learner, $"/learning/courses/{course.Id}/lessons/3", []);
        Assert.Equal($"/learning/courses/{course.Id}/lessons/1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/learning/courses/{course.Id}/lessons/4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/courses/{course.Id}/lessons/0/progress", null)).StatusCode);

        response = await InwardApp.PostFormAsync(learner, $"/learning/courses/{course.Id}/lessons/1", []);
        Assert.Equal($"/learning/courses/{course.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<CourseCompletion>().CountAsync(c => c.UserId == userId && c.CourseId == course.Id)));
        Assert.Contains("Completed on", await learner.GetStringAsync("/learning"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Quiz_attempts_hide_the_answers_refuse_tampering_and_double_submission_and_stop_at_the_limit(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (email, userId, _) = await EmployeeAsync(app, department);
        var learner = await app.SignedInAsync(email, TestAccounts.Password);
        var course = await CourseAsync(app, Department(department), passMark: 100, maxAttempts: 2);
        var other = await CourseAsync(app, Department(department));

        var start = await learner.PostAsync($"/api/v1/courses/{course.Id}/quiz/attempts", null);
        var body = await start.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.DoesNotContain("SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("correct", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Pick the right one", body, StringComparison.Ordinal);
        var attempt = (await JsonAsync(start)).GetProperty("attemptId").GetInt32();
        Assert.Equal(attempt, await StartAsync(learner, course.Id));
        var quizPage = await learner.GetStringAsync($"/learning/courses/{course.Id}/quiz");
        Assert.DoesNotContain("SECRET", quizPage, StringComparison.Ordinal);

        // Answers to a question of another course's quiz, or an option of another question: 400 and nothing stored.
        var tampered = await SubmitAsync(learner, course.Id, attempt, Choice(other.SingleId, other.RightOption));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        tampered = await SubmitAsync(learner, course.Id, attempt, Choice(course.SingleId, other.RightOption));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        tampered = await SubmitAsync(learner, course.Id, attempt, Choice(course.SingleId, course.RightOption, course.WrongOption));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Null(await TestAccounts.WithDbAsync(app, db => db.Set<QuizAttempt>().Where(a => a.Id == attempt).Select(a => a.SubmittedUtc).SingleAsync()));

        var first = await SubmitAsync(learner, course.Id, attempt, Choice(course.SingleId, course.WrongOption), Typed(course.ShortId, " Secret-FOUR "));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await JsonAsync(first);
        Assert.Equal(50, result.GetProperty("scorePercent").GetInt32());
        Assert.False(result.GetProperty("passed").GetBoolean());
        Assert.Equal(1, result.GetProperty("attemptsLeft").GetInt32());
        Assert.Contains("SECRET-wrong-feedback", result.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await SubmitAsync(learner, course.Id, attempt, Choice(course.SingleId, course.RightOption))).StatusCode);

        // Someone else's attempt is 404 like an unknown one.
        var (otherEmail, _, _) = await EmployeeAsync(app, department);
        var stranger = await app.SignedInAsync(otherEmail, TestAccounts.Password);
        var theirs = await StartAsync(stranger, course.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(learner, course.Id, theirs, Choice(course.SingleId, course.RightOption))).StatusCode);

        // The page form: the second (last) attempt fails too; then no attempts are left.
        var started = await InwardApp.PostFormAsync(learner, $"/learning/courses/{course.Id}/quiz", [], $"/learning/courses/{course.Id}/quiz?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var form = await learner.GetStringAsync($"/learning/courses/{course.Id}/quiz");
        var second = await TestAccounts.WithDbAsync(app, db => db.Set<QuizAttempt>().Where(a => a.UserId == userId && a.SubmittedUtc == null).Select(a => a.Id).SingleAsync());
        var submitted = await learner.PostAsync($"/learning/courses/{course.Id}/quiz?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = InwardApp.AntiforgeryToken(form), ["attemptId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"q{course.SingleId}"] = course.RightOption.ToString(System.Globalization.CultureInfo.InvariantCulture), [$"t{course.ShortId}"] = "five",
        }));
        var resultPage = await submitted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("data-score>50 %", resultPage, StringComparison.Ordinal);
        Assert.Contains("Not passed", resultPage, StringComparison.Ordinal);
        Assert.Contains("SECRET-right-feedback", resultPage, StringComparison.Ordinal);

        var refused = await learner.PostAsync($"/api/v1/courses/{course.Id}/quiz/attempts", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var page = await InwardApp.PostFormAsync(learner, $"/learning/courses/{course.Id}/quiz", [], $"/learning/courses/{course.Id}/quiz?handler=Start");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("You have used every attempt at this quiz.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == userId)));
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<CourseCompletion>().CountAsync(c => c.UserId == userId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Authoring_refuses_bad_courses_lessons_quizzes_and_questions_with_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync("comms@demo.example");
        var employee = await app.SignedInAsync("employee@demo.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/v1/courses", new { title = "Nope" })).StatusCode);

        var created = await comms.PostAsJsonAsync("/api/v1/courses", new { title = "Authoring test course", estimatedMinutes = 5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();

        async Task AssertInvalidAsync(HttpResponseMessage response, string field)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await JsonAsync(response);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        }

        await AssertInvalidAsync(await comms.PutAsJsonAsync($"/api/v1/courses/{id}", new { title = "T", status = "Published" }), "status");
        await AssertInvalidAsync(await comms.PutAsJsonAsync($"/api/v1/courses/{id}", new { title = "", recertifyMonths = 0 }), "title");
        await AssertInvalidAsync(await comms.PutAsJsonAsync($"/api/v1/courses/{id}", new { title = "T", languages = "xx" }), "languages");
        await AssertInvalidAsync(await comms.PostAsJsonAsync($"/api/v1/courses/{id}/lessons", new { title = "L", linkPath = "https://evil.example/" }), "linkPath");
        await AssertInvalidAsync(await comms.PostAsJsonAsync($"/api/v1/courses/{id}/lessons", new { title = "L", mediaUrl = "http://video.example/" }), "mediaUrl");
        Assert.Equal(HttpStatusCode.Created, (await comms.PostAsJsonAsync($"/api/v1/courses/{id}/lessons", new { title = "L", linkPath = "/brand" })).StatusCode);

        await AssertInvalidAsync(await comms.PutAsJsonAsync($"/api/v1/courses/{id}/quiz", new { passMarkPercent = 120 }), "passMarkPercent");
        await AssertInvalidAsync(await comms.PutAsJsonAsync($"/api/v1/courses/{id}/quiz", new { passMarkPercent = 80, drawCount = 1 }), "drawCount");
        Assert.Equal(HttpStatusCode.OK, (await comms.PutAsJsonAsync($"/api/v1/courses/{id}/quiz", new { passMarkPercent = 80, maxAttempts = 3 })).StatusCode);
        // A quiz without questions cannot be published.
        await AssertInvalidAsync(await comms.PutAsJsonAsync($"/api/v1/courses/{id}", new { title = "T", status = "Published" }), "status");

        await AssertInvalidAsync(await comms.PostAsJsonAsync($"/api/v1/courses/{id}/quiz/questions", new
        {
            kind = "SingleChoice", text = "No right answer", options = new[] { new { text = "A", correct = false }, new { text = "B", correct = false } },
        }), "options");
        await AssertInvalidAsync(await comms.PostAsJsonAsync($"/api/v1/courses/{id}/quiz/questions", new
        {
            kind = "MultipleChoice", text = "One option", options = new[] { new { text = "A", correct = true } },
        }), "options");
        await AssertInvalidAsync(await comms.PostAsJsonAsync($"/api/v1/courses/{id}/quiz/questions", new { kind = "Essay", text = "?" }), "kind");
        var question = await comms.PostAsJsonAsync($"/api/v1/courses/{id}/quiz/questions", new
        {
            kind = "ShortAnswer", text = "How many wheels?", options = new[] { new { text = "two", correct = false, feedback = "Yes." } },
        });
        Assert.Equal(HttpStatusCode.Created, question.StatusCode);
        var questionId = (await JsonAsync(question)).GetProperty("id").GetInt32();
        var tf = await comms.PostAsJsonAsync($"/api/v1/courses/{id}/quiz/questions", new { kind = "TrueFalse", text = "Bikes have wheels.", isTrue = true });
        Assert.Equal(HttpStatusCode.Created, tf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await comms.PutAsJsonAsync($"/api/v1/courses/{id}/quiz", new { passMarkPercent = 80, drawCount = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await comms.PutAsJsonAsync($"/api/v1/courses/{id}", new { title = "Authoring test course", status = "Published" })).StatusCode);

        var quiz = await JsonAsync(await comms.GetAsync($"/api/v1/courses/{id}/quiz"));
        Assert.Equal(2, quiz.GetProperty("questions").GetArrayLength());
        Assert.True(quiz.GetProperty("questions")[0].GetProperty("options")[0].GetProperty("correct").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/courses/{id}/quiz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await comms.PutAsJsonAsync($"/api/v1/courses/{id + 100000}/quiz/questions/{questionId}", new { kind = "TrueFalse", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await comms.DeleteAsync($"/api/v1/courses/{id}/quiz/questions/{questionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await comms.DeleteAsync($"/api/v1/courses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync($"/api/v1/courses/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Disguised_or_oversized_media_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync("comms@demo.example");
        var course = await CourseAsync(app, Department(await DepartmentAsync(app)), quiz: false);
        var before = await TestAccounts.WithDbAsync(app, db => db.Set<Lesson>().CountAsync(l => l.CourseId == course.Id));
        var files = await TestAccounts.WithDbAsync(app, db => db.Set<Inward.Platform.Files.StoredFile>().CountAsync());

        async Task<string> PostLessonAsync(string fileName, string type, byte[] bytes)
        {
            var page = $"/learning/manage/courses/{course.Id}/lessons/new";
            using var form = new MultipartFormDataContent
            {
                { new StringContent(InwardApp.AntiforgeryToken(await comms.GetStringAsync(page))), "__RequestVerificationToken" },
                { new StringContent("Media lesson"), "Input.Title" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
            form.Add(file, "Media", fileName);
            var response = await comms.PostAsync(page, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var html = await PostLessonAsync("photo.png", "image/png", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Contains("not accepted here", html, StringComparison.Ordinal);
        var big = new byte[6 * 1024 * 1024];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(big, 0);
        html = await PostLessonAsync("huge.png", "image/png", big);
        Assert.Contains("too large", html, StringComparison.Ordinal);

        Assert.Equal(before, await TestAccounts.WithDbAsync(app, db => db.Set<Lesson>().CountAsync(l => l.CourseId == course.Id)));
        Assert.Equal(files, await TestAccounts.WithDbAsync(app, db => db.Set<Inward.Platform.Files.StoredFile>().CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_uploaded_mp4_video_plays_on_the_lesson_page_and_an_oversized_one_is_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (email, _, _) = await EmployeeAsync(app, department);
        var learner = await app.SignedInAsync(email, TestAccounts.Password);
        var comms = await app.SignedInAsync("comms@demo.example");
        var course = await CourseAsync(app, Department(department), lessons: 1, quiz: false);
        var page = $"/learning/manage/courses/{course.Id}/lessons/new";

        async Task<HttpResponseMessage> PostLessonAsync(string title, byte[] bytes)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(InwardApp.AntiforgeryToken(await comms.GetStringAsync(page))), "__RequestVerificationToken" },
                { new StringContent(title), "Input.Title" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("video/mp4");
            form.Add(file, "Media", "welcome.mp4");
            return await comms.PostAsync(page, form);
        }

        Assert.Contains("accept=\"image/*,audio/*,video/mp4,video/webm\"", await comms.GetStringAsync(page), StringComparison.Ordinal);
        var video = Inward.Tests.Files.VideoSniffingTests.Mp4("isom", "vide", "soun");
        var saved = await PostLessonAsync("Welcome video", video);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var fileId = await TestAccounts.WithDbAsync(app, db => db.Set<Lesson>().Where(l => l.CourseId == course.Id && l.Title == "Welcome video")
            .Select(l => l.MediaFileId).SingleAsync());
        Assert.NotNull(fileId);

        var lessonPage = await learner.GetStringAsync($"/learning/courses/{course.Id}/lessons/2");
        Assert.Contains($"<video controls preload=\"metadata\" src=\"/files/{fileId}\" class=\"lesson-media\"></video>", lessonPage, StringComparison.Ordinal);
        using var served = await learner.GetAsync($"/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("video/mp4", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(video, await served.Content.ReadAsByteArrayAsync());
        // Seeking in the player asks for ranges.
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/files/{fileId}");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var partial = await learner.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(video[..10], await partial.Content.ReadAsByteArrayAsync());

        // The tests' video limit is 2 MB (InwardApp); a larger video is refused with the limit and nothing is saved.
        var files = await TestAccounts.WithDbAsync(app, db => db.Set<Inward.Platform.Files.StoredFile>().CountAsync());
        var big = new byte[3 * 1024 * 1024];
        video.CopyTo(big, 0);
        var refused = await PostLessonAsync("Huge video", big);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The file is too large: at most 2 MB.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Lesson>().AnyAsync(l => l.CourseId == course.Id && l.Title == "Huge video")));
        Assert.Equal(files, await TestAccounts.WithDbAsync(app, db => db.Set<Inward.Platform.Files.StoredFile>().CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_company_ships_the_brand_course_for_everyone_and_the_internal_customer_course_for_leads(DatabaseProvider provider)
    {
        var app = await App(provider);
        var courses = await TestAccounts.WithDbAsync(app, db => db.Set<Course>().AsNoTracking()
            .Where(c => c.Title == LearningDemoContent.BrandCourse || c.Title == LearningDemoContent.InternalCourse).ToListAsync());
        Assert.Equal(2, courses.Count);
        Assert.All(courses, c => Assert.Equal(12, c.RecertifyMonths));
        var brand = courses.Single(c => c.Title == LearningDemoContent.BrandCourse);
        var quiz = await TestAccounts.WithDbAsync(app, db => db.Set<Quiz>().SingleAsync(q => q.CourseId == brand.Id));
        Assert.Equal((80, 3), (quiz.PassMarkPercent, quiz.MaxAttempts!.Value));
        Assert.Equal(6, await TestAccounts.WithDbAsync(app, db => db.Set<QuizQuestion>().CountAsync(q => q.QuizId == quiz.Id)));

        var employee = await app.SignedInAsync("employee@demo.example");
        var manager = await app.SignedInAsync("manager@demo.example");
        var internalId = courses.Single(c => c.Title == LearningDemoContent.InternalCourse).Id;
        Assert.Contains(LearningDemoContent.BrandCourse, await employee.GetStringAsync("/learning"), StringComparison.Ordinal);
        Assert.DoesNotContain(LearningDemoContent.InternalCourse, await employee.GetStringAsync("/learning"), StringComparison.Ordinal);
        Assert.Contains(LearningDemoContent.InternalCourse, await manager.GetStringAsync("/learning"), StringComparison.Ordinal);
        Assert.Contains("href=\"/brand\" class=\"button secondary\"", await employee.GetStringAsync($"/learning/courses/{brand.Id}/lessons/1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/learning/courses/{internalId}")).StatusCode);
    }
    [Theory, MemberData(nameof(Providers))]
    public async Task Authors_build_a_course_through_the_pages_and_a_role_card_links_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync("comms@demo.example");
        var department = await DepartmentAsync(app);
        var title = $"Page course {Guid.NewGuid():N}";
        var d = department.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Publishing without lessons is a page error, and nothing is saved.
        var refused = await InwardApp.PostFormAsync(comms, "/learning/manage/courses/new", new()
        {
            ["Input.Title"] = title, ["Input.Languages"] = "en", ["Input.Status"] = "Published", ["Input.EstimatedMinutes"] = "5",
            ["Audience.Include[0].Departments"] = d,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Add at least one lesson before publishing the course.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Course>().AnyAsync(c => c.Title == title)));

        var created = await InwardApp.PostFormAsync(comms, "/learning/manage/courses/new", new()
        {
            ["Input.Title"] = title, ["Input.Languages"] = "en", ["Input.Status"] = "Draft", ["Input.RecertifyMonths"] = "12",
            ["Audience.Include[0].Departments"] = d,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await TestAccounts.WithDbAsync(app, db => db.Set<Course>().Where(c => c.Title == title).Select(c => c.Id).SingleAsync());
        Assert.Equal(12, await TestAccounts.WithDbAsync(app, db => db.Set<Course>().Where(c => c.Id == id).Select(c => c.RecertifyMonths).SingleAsync()));

        var lesson = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}/lessons/new", new()
        {
            ["Input.Title"] = "Our promise", ["Input.Body"] = "Read **this**.", ["Input.LinkPath"] = "//evil.example/brand",
        });
        Assert.Contains("Link to a page of the brand book", await lesson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        lesson = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}/lessons/new", new()
        {
            ["Input.Title"] = "Our promise", ["Input.Body"] = "Read **this**.", ["Input.LinkPath"] = "/brand", ["Input.LinkLabel"] = "The brand book",
        });
        Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);

        var quiz = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}/quiz", new()
        {
            ["Input.PassMarkPercent"] = "80", ["Input.MaxAttempts"] = "3", ["Input.DrawCount"] = "2",
        });
        Assert.Contains("The quiz cannot draw 2 questions: the question bank has 0.", await quiz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        quiz = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}/quiz", new() { ["Input.PassMarkPercent"] = "80", ["Input.MaxAttempts"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, quiz.StatusCode);
        var question = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}/quiz/questions/new", new()
        {
            ["Input.Kind"] = "SingleChoice", ["Input.Text"] = "Which?", ["Input.Options[0].Text"] = "A", ["Input.Options[1].Text"] = "B",
        });
        Assert.Contains("Mark at least one option as correct.", await question.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        question = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}/quiz/questions/new", new()
        {
            ["Input.Kind"] = "SingleChoice", ["Input.Text"] = "Which?", ["Input.Options[0].Text"] = "A", ["Input.Options[0].Correct"] = "true",
            ["Input.Options[0].Feedback"] = "Yes", ["Input.Options[1].Text"] = "B",
        });
        Assert.Equal(HttpStatusCode.Redirect, question.StatusCode);
        var published = await InwardApp.PostFormAsync(comms, $"/learning/manage/courses/{id}", new()
        {
            ["Input.Title"] = title, ["Input.Languages"] = "en", ["Input.Status"] = "Published", ["Audience.Include[0].Departments"] = d,
            ["Input.OwnerUserId"] = await TestAccounts.WithDbAsync(app, db => db.Users.Where(u => u.Email == "comms@demo.example").Select(u => u.Id).SingleAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains(title, await comms.GetStringAsync("/learning/manage"), StringComparison.Ordinal);

        var (email, _, _) = await EmployeeAsync(app, department);
        var learner = await app.SignedInAsync(email, TestAccounts.Password);
        var lessonPage = await learner.GetStringAsync($"/learning/courses/{id}/lessons/1");
        Assert.Contains("<strong>this</strong>", lessonPage, StringComparison.Ordinal);
        Assert.Contains("The brand book", lessonPage, StringComparison.Ordinal);

        // A role card's training row links the published course; an unknown course is refused.
        var role = await Touchpoints.TouchpointTestData.CreateJobRoleAsync(app);
        var bad = await InwardApp.PostFormAsync(comms, $"/role-cards/{role}", new()
        {
            ["Input.BrandPromise"] = "Promise", ["Input.Training[0].Title"] = "Brand course", ["Input.Training[0].CourseId"] = "999999999",
        });
        Assert.Contains("Choose a published course.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await InwardApp.PostFormAsync(comms, $"/role-cards/{role}", new()
        {
            ["Input.BrandPromise"] = "Promise", ["Input.Training[0].Title"] = "Brand course", ["Input.Training[0].CourseId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(id, await TestAccounts.WithDbAsync(app, db => db.Set<Inward.Features.Touchpoints.RoleCard>().Where(c => c.JobRoleId == role)
            .SelectMany(c => c.Training).Select(t => t.CourseId).SingleAsync()));
    }
}
