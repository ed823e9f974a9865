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
