using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Inward.BrowserTests;

/// <summary>
/// Issue 6's journey: HR adds a new hire (hired today, Customer Service, reporting to the demo manager) and invites them
/// → the new hire chooses a password from the e-mailed link and finds the brand course among their training → on a
/// 360 px phone they complete every lesson and pass the quiz → the certificate page and its public verification page
/// show it valid → the manager's team view counts the completion. The quiz is answered with what its author sees in the
/// authoring API, not by weakening it.
/// </summary>
public sealed partial class LearningJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string BrandCourse = "Our brand and how we serve customers";

    [Fact]
    public async Task A_new_hire_completes_the_brand_course_on_a_phone_and_the_manager_sees_it()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var name = $"Nadia Newhire {stamp}";
        var email = $"nadia.{stamp}@brightwheel.example";
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // HR adds the person and invites them.
        var hr = await NewPageAsync();
        await SignInAsync(hr, "hr@demo.example");
        await hr.GotoAsync("/people/new");
        await hr.Locator("#Input_Name").FillAsync(name);
        await hr.Locator("#Input_Email").FillAsync(email);
        await hr.Locator("#Input_DepartmentId").SelectOptionAsync(new SelectOptionValue { Label = "Customer Service" });
        await hr.Locator("#Input_ManagerEmail").FillAsync("manager@demo.example");
        await hr.Locator("#Input_HireDate").FillAsync(today);
        await hr.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await hr.WaitForURLAsync(ProfileUrl());
        var employeeId = ProfileUrl().Match(hr.Url).Groups[1].Value;
        await hr.GotoAsync($"/people/{employeeId}/invite");
        await hr.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(hr.Locator("p.success[role=status]")).ToContainTextAsync(email);

        // The new hire opens the link on their phone, chooses a password and is signed in.
        var link = await InvitationLinkAsync(email);
        var phone = await NewPageAsync(360, 740, touch: true);
        await phone.GotoAsync(link);
        await phone.Locator("#Input_Password").FillAsync("new-hire-password-1");
        await phone.Locator("#Input_ConfirmPassword").FillAsync("new-hire-password-1");
        await phone.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Saving the person queued the assignment rules; the job worker (1 s poll) assigns the brand course.
        var card = phone.Locator("section.card", new() { Has = phone.GetByRole(AriaRole.Heading, new() { Name = "Your training" }) });
        await WaitUntilAsync(phone, "/", card.GetByRole(AriaRole.Link, new() { Name = BrandCourse }), TimeSpan.FromSeconds(40));
        await ScreenshotAsync(phone, "learning-home-new-hire-phone-en");
        // Hired without a job role or location: the "You" card shows the department alone, no dangling separators.
        var you = phone.Locator("section.card", new() { Has = phone.GetByRole(AriaRole.Heading, new() { Name = "You", Exact = true }) });
        await Assertions.Expect(you.Locator("p.muted")).ToHaveTextAsync("Customer Service");
        await phone.GotoAsync("/learning/assigned");
        var assigned = phone.Locator("main").GetByRole(AriaRole.Link, new() { Name = BrandCourse }).First;
        await Assertions.Expect(assigned).ToBeVisibleAsync();
        await ScreenshotAsync(phone, "learning-assigned-phone-en");
        await AssertFitsAsync(phone, "/learning/assigned");

        // The manager sees the new hire's open brand course before they finish.
        var manager = await NewPageAsync();
        await SignInAsync(manager, "manager@demo.example");
        await manager.GotoAsync("/learning/team");
        var stillToDo = manager.Locator("main tr", new() { HasTextString = name }).Filter(new() { HasTextString = BrandCourse });
        await Assertions.Expect(stillToDo).ToHaveCountAsync(1);
        var completedBefore = await CompletedCountAsync(manager);

        // The course: every lesson, then the quiz.
        await assigned.ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(BrandCourse);
        var courseId = CourseUrl().Match(phone.Url).Groups[1].Value;
        await AssertFitsAsync(phone, "the course page");
        await ScreenshotAsync(phone, "learning-course-phone-en");
        await phone.Locator("main a.button[href*='/lessons/']").ClickAsync();
        var lessons = 0;
        while (LessonUrl().IsMatch(phone.Url))
        {
            Assert.True(++lessons <= 20, "the lessons never ended");
            await AssertFitsAsync(phone, $"lesson {lessons}");
            if (lessons == 1)
            {
                await ScreenshotAsync(phone, "learning-lesson-phone-en");
            }
            var before = phone.Url;
            await phone.Locator("main form[method=post] button[type=submit]").ClickAsync();
            await phone.WaitForURLAsync(url => url != before);
        }
        Assert.True(lessons >= 2, $"the brand course had {lessons} lesson(s)");

        var quiz = await QuizKeyAsync(courseId);
        await phone.GotoAsync($"/learning/courses/{courseId}/quiz");
        await phone.Locator("form[action*='handler=Start'] button[type=submit]").ClickAsync();
        var questions = phone.Locator("fieldset[data-question]");
        await Assertions.Expect(questions.First).ToBeVisibleAsync();
        await AssertFitsAsync(phone, "the quiz");
        await ScreenshotAsync(phone, "learning-quiz-phone-en");
        foreach (var fieldset in await questions.AllAsync())
        {
            var id = int.Parse((await fieldset.GetAttributeAsync("data-question"))!, CultureInfo.InvariantCulture);
            var question = quiz[id];
            if (question.Kind == "ShortAnswer")
            {
                await fieldset.Locator($"input[name='t{id}']").FillAsync(question.Correct[0].Text);
                continue;
            }
            foreach (var option in question.Correct)
            {
                await fieldset.Locator($"input[value='{option.Id}']").CheckAsync();
            }
        }
        await phone.Locator("form[action*='handler=Submit'] button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-result] h2")).ToHaveTextAsync("Passed");
        await Assertions.Expect(phone.Locator("[data-result] [data-score]")).ToHaveTextAsync("100 %");
        await Assertions.Expect(phone.Locator("[data-result] .success[role=status]")).ToBeVisibleAsync();
        await AssertFitsAsync(phone, "the quiz result");
        await ScreenshotAsync(phone, "learning-quiz-passed-phone-en");

        // The certificate, and its public verification page for anyone with the link.
        await phone.GotoAsync("/learning/certificates");
        await phone.Locator("main h2 a", new() { HasTextString = BrandCourse }).First.ClickAsync();
        await phone.WaitForURLAsync(CertificateUrl());
        var publicId = CertificateUrl().Match(phone.Url).Groups[1].Value;
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(name);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(BrandCourse);
        await AssertFitsAsync(phone, "the certificate");
        await ScreenshotAsync(phone, "learning-certificate-phone-en");
        var anonymous = await NewPageAsync(360, 740, touch: true);
        var verify = await anonymous.GotoAsync($"/verify/{publicId}");
        Assert.Equal(200, verify!.Status);
        await Assertions.Expect(anonymous.Locator("main .badge.ok")).ToHaveTextAsync("Valid");
        await Assertions.Expect(anonymous.Locator("main")).ToContainTextAsync(name);
        await Assertions.Expect(anonymous.Locator("main")).ToContainTextAsync(BrandCourse);
        await ScreenshotAsync(anonymous, "learning-verify-phone-en");

        // The certificate and its verification in Arabic, right to left, still fit the phone.
        await ChooseLanguageAsync(phone, "ar");
        foreach (var (path, shot) in new[] { ($"/learning/certificates/{publicId}", "certificate"), ($"/verify/{publicId}", "verify") })
        {
            await phone.GotoAsync(path);
            await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await ScreenshotAsync(phone, $"phone-ar-learning-{shot}");
            await AssertFitsAsync(phone, $"{path} in Arabic");
        }

        // The manager's team view counts it and no longer lists it as to do.
        await manager.GotoAsync("/learning/team");
        await Assertions.Expect(stillToDo).ToHaveCountAsync(0);
        Assert.Equal(completedBefore + 1, await CompletedCountAsync(manager));
        await ScreenshotAsync(manager, "learning-team-manager-en");
    }

    /// <summary>The "Completed" cell of the brand course in the team view's progress table.</summary>
    private static async Task<int> CompletedCountAsync(IPage manager)
    {
        var row = manager.Locator("main table tbody tr", new() { Has = manager.Locator("td:first-child", new() { HasTextString = BrandCourse }) })
            .Filter(new() { HasNot = manager.Locator("a") });
        return int.Parse((await row.Locator("td").Nth(2).InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
    }

    private sealed record KeyOption(int Id, string Text);

    private sealed record KeyQuestion(string Kind, IReadOnlyList<KeyOption> Correct);

    /// <summary>The quiz's right answers as its author, the demo communicator, sees them (GET /api/v1/courses/{id}/quiz).</summary>
    private async Task<Dictionary<int, KeyQuestion>> QuizKeyAsync(string courseId)
    {
        var comms = await NewPageAsync();
        await SignInAsync(comms, "comms@demo.example");
        var response = await comms.Context.APIRequest.GetAsync($"/api/v1/courses/{courseId}/quiz");
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("questions").EnumerateArray().ToDictionary(
            q => q.GetProperty("id").GetInt32(),
            q => new KeyQuestion(q.GetProperty("kind").GetString()!, [.. q.GetProperty("options").EnumerateArray()
                .Where(o => o.GetProperty("correct").GetBoolean())
                .Select(o => new KeyOption(o.GetProperty("id").GetInt32(), o.GetProperty("text").GetString()!))]));
    }

    /// <summary>The set-password link of the newest invitation to <paramref name="email"/> in the app's mail pickup folder.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var folder = Path.Combine(Fixture.App.DataDirectory, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").OrderDescending() : Enumerable.Empty<string>())
            {
                using var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))
                    && SetPasswordLink().Match(message.TextBody ?? "") is { Success: true } link)
                {
                    return new Uri(link.Value).PathAndQuery;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"No invitation to {email} in {folder}.");
            await Task.Delay(250);
        }
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{what} is {overflow} px wider than a 360 px screen");
    }

    /// <summary>Reloads <paramref name="url"/> until <paramref name="locator"/> shows (the job worker polls every second).</summary>
    private static async Task WaitUntilAsync(IPage page, string url, ILocator locator, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            await page.GotoAsync(url);
            if (await locator.CountAsync() > 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{url} did not show the assigned course within {limit.TotalSeconds} s");
            await page.WaitForTimeoutAsync(500);
        }
    }

    [GeneratedRegex(@"/people/(\d+)$")]
    private static partial Regex ProfileUrl();

    [GeneratedRegex(@"/learning/courses/(\d+)$")]
    private static partial Regex CourseUrl();

    [GeneratedRegex(@"/learning/courses/\d+/lessons/\d+")]
    private static partial Regex LessonUrl();

    [GeneratedRegex(@"/learning/certificates/([A-Za-z0-9_-]+)$")]
    private static partial Regex CertificateUrl();

    [GeneratedRegex(@"https?://\S+/account/set-password\S+")]
    private static partial Regex SetPasswordLink();
}
