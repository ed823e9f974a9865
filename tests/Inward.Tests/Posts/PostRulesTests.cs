using Inward.Features.Posts;

namespace Inward.Tests.Posts;

public sealed class PostRulesTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_complete_post_has_no_errors_and_parses_its_dates()
    {
        var f = PostRules.Check("Title", "SuccessStory", "Body", true, "2026-05-10", "2026-06-01T08:30", Now, Now);
        Assert.Empty(f.Errors);
        Assert.Equal(PostType.SuccessStory, f.Type);
        Assert.Equal(new DateOnly(2026, 5, 10), f.Due);
        Assert.Equal(new DateTime(2026, 6, 1, 8, 30, 0, DateTimeKind.Utc), f.Expires);
    }

    [Theory]
    [InlineData("", "News", "Body", null, "Title")]
    [InlineData("T", "Nope", "Body", null, "Type")]
    [InlineData("T", "3", "Body", null, "Type")]
    [InlineData("T", "News", " ", null, "Body")]
    [InlineData("T", "News", "Body", "2026-04-30T12:00", "ExpiresUtc")]
    [InlineData("T", "News", "Body", "not a date", "ExpiresUtc")]
    public void Invalid_fields_are_reported_on_the_field(string title, string type, string body, string? expires, string field)
    {
        var f = PostRules.Check(title, type, body, false, null, expires, null, Now);
        Assert.Contains(f.Errors, e => e.Field == field);
    }

    [Fact]
    public void Expiry_before_the_publication_is_refused()
    {
        var f = PostRules.Check("T", "News", "B", false, null, "2026-05-03T00:00", new DateTime(2026, 5, 4, 0, 0, 0, DateTimeKind.Utc), Now);
        Assert.Contains(f.Errors, e => e.Field == "ExpiresUtc" && e.Message == "The expiry must be after the publication.");
    }

    [Fact]
    public void A_due_date_is_ignored_unless_the_post_is_a_must_read_and_must_be_a_date()
    {
        Assert.Null(PostRules.Check("T", "News", "B", false, "2026-05-10", null, null, Now).Due);
        Assert.Contains(PostRules.Check("T", "News", "B", true, "10/05/2026", null, null, Now).Errors, e => e.Field == "MustReadDue");
    }
}

/// <summary>Scheduling, review and variant rules of authoring.</summary>
public sealed class PostAuthoringRulesTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("2026-05-01T12:00:01", null)]
    [InlineData("2026-05-02T09:00", null)]
    [InlineData("2026-05-01T12:00", "The publication time must be in the future.")]
    [InlineData("2026-04-30T09:00", "The publication time must be in the future.")]
    [InlineData("tomorrow", "Enter the publication time as a date and time.")]
    public void A_publication_time_must_be_a_time_in_the_future(string? text, string? error)
    {
        var (at, errors) = PostRules.CheckPublishAt(text, Now);
        Assert.Equal(error, errors.Select(e => e.Message).SingleOrDefault());
        Assert.All(errors, e => Assert.Equal("PublishAtUtc", e.Field));
        if (error is null && !string.IsNullOrEmpty(text))
        {
            Assert.Equal(DateTimeKind.Utc, at!.Value.Kind);
            Assert.True(at > Now);
        }
    }

    [Fact]
    public void The_schedule_needs_a_future_publication_and_an_expiry_after_it()
    {
        Assert.Empty(PostRules.CheckSchedule(null, null, Now));
        Assert.Empty(PostRules.CheckSchedule(Now.AddHours(1), Now.AddHours(2), Now));
        Assert.Equal([("PublishAtUtc", "The publication time must be in the future.")], PostRules.CheckSchedule(Now.AddHours(-1), null, Now));
        Assert.Equal([("ExpiresUtc", "The expiry must be after the publication.")], PostRules.CheckSchedule(Now.AddHours(2), Now.AddHours(1), Now));
        Assert.Equal([("ExpiresUtc", "The expiry must be after the publication.")], PostRules.CheckSchedule(Now.AddHours(2), Now.AddHours(2), Now));
        Assert.Equal([("ExpiresUtc", "The expiry must be in the future.")], PostRules.CheckSchedule(null, Now.AddMinutes(-1), Now));
    }

    [Fact]
    public void The_expiry_of_a_scheduled_post_must_follow_its_publication_time()
    {
        var f = PostRules.Check("T", "News", "Body", false, null, "2026-05-03T09:00", new DateTime(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc), Now);
        Assert.Contains(f.Errors, e => e == ("ExpiresUtc", "The expiry must be after the publication."));
    }

    [Theory]
    [InlineData(null, "Say what needs to change.")]
    [InlineData("  ", "Say what needs to change.")]
    [InlineData("Please add the pick-up window.", null)]
    public void A_rejection_needs_a_comment(string? comment, string? error) => Assert.Equal(error, PostRules.CheckRejection(comment));

    [Fact]
    public void A_too_long_rejection_comment_is_refused() =>
        Assert.Equal("The comment is too long.", PostRules.CheckRejection(new string('x', PostRules.CommentMax + 1)));

    [Theory]
    [InlineData("Communicator", true)]
    [InlineData("HR", true)]
    [InlineData("Admin", true)]
    [InlineData("Employee", false)]
    [InlineData("Partner", false)]
    [InlineData("admin", false)]
    [InlineData(null, false)]
    public void Only_authoring_roles_can_be_chosen_as_approvers(string? role, bool ok) =>
        Assert.Equal(ok, PostRules.CheckApproverRole(role) is null);

    private static readonly HashSet<int> Departments = [1, 2];

    [Fact]
    public void Valid_variants_and_translations_have_no_errors()
    {
        Assert.Empty(PostRules.CheckTexts([new(1, null, "T", "B"), new(1, "pl", "T", "B"), new(null, "AR", "T", "B"), new(2, "en", "T", "B")], Departments));
    }

    [Theory]
    [InlineData(null, null, "T", "B", "Texts[0].DepartmentId", "Choose a department or a language for each variant.")]
    [InlineData(9, null, "T", "B", "Texts[0].DepartmentId", "Unknown department.")]
    [InlineData(1, "de", "T", "B", "Texts[0].Language", "Choose English, Arabic or Polish.")]
    [InlineData(1, null, " ", "B", "Texts[0].Title", "Enter a title.")]
    [InlineData(1, null, "T", "", "Texts[0].Body", "Write the message.")]
    public void A_wrong_variant_is_reported_on_its_field(int? department, string? language, string title, string body, string field, string message) =>
        Assert.Contains((field, message), PostRules.CheckTexts([new(department, language, title, body)], Departments));

    [Fact]
    public void Two_variants_for_the_same_department_and_language_are_refused()
    {
        var errors = PostRules.CheckTexts([new(1, "pl", "A", "B"), new(1, "PL", "C", "D")], Departments);
        Assert.Equal([("Texts[1].DepartmentId", "Two variants have the same department and language.")], errors);
    }

    [Fact]
    public void Too_long_texts_and_too_many_variants_are_refused()
    {
        Assert.Contains(("Texts[0].Title", "The title is too long."), PostRules.CheckTexts([new(1, null, new string('t', Post.TitleMax + 1), "B")], Departments));
        Assert.Contains(("Texts[0].Body", "The message is too long."), PostRules.CheckTexts([new(1, null, "T", new string('b', Post.BodyMax + 1))], Departments));
        var many = Enumerable.Range(0, PostRules.MaxTexts + 1).Select(i => new PostTextInput(1, null, "T", "B")).ToList();
        Assert.Contains(PostRules.CheckTexts(many, Departments), e => e.Field == "Texts");
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData(" PL ", "pl")]
    [InlineData("ar", "ar")]
    [InlineData("de", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Languages_are_normalised_to_the_supported_codes(string? input, string? expected) =>
        Assert.Equal(expected, PostRules.NormaliseLanguage(input));
}
