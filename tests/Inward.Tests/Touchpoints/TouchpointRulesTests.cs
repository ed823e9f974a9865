using Inward.Features.Touchpoints;

namespace Inward.Tests.Touchpoints;

public sealed class TouchpointRulesTests
{
    [Fact]
    public void Behaviour_lines_are_trimmed_and_blank_lines_dropped_in_order()
    {
        Assert.Equal(["Smile", "Listen", "Call back"], TouchpointLines.Split("  Smile \r\n\n Listen\n\t\nCall back\n"));
        Assert.Empty(TouchpointLines.Split(null));
        Assert.Equal("a\nb", TouchpointLines.Join(TouchpointLines.Split("a\r\n\r\nb")));
    }

    [Fact]
    public void Too_many_or_too_long_behaviours_are_a_problem()
    {
        Assert.Null(TouchpointLines.Problem([.. Enumerable.Repeat(new string('x', TouchpointLines.MaxLineLength), TouchpointLines.MaxLines)]));
        Assert.Equal("Enter at most {0} expected behaviours.", TouchpointLines.Problem([.. Enumerable.Repeat("x", TouchpointLines.MaxLines + 1)])?.Message);
        Assert.Equal("Each expected behaviour can have at most {0} characters.",
            TouchpointLines.Problem([new string('x', TouchpointLines.MaxLineLength + 1)])?.Message);
    }

    [Theory]
    [InlineData("Phone", TouchpointChannel.Phone)]
    [InlineData("socialmedia", TouchpointChannel.SocialMedia)]
    [InlineData(" OnSite ", TouchpointChannel.OnSite)]
    public void Channels_are_read_by_name_whatever_the_case(string name, TouchpointChannel expected) =>
        Assert.Equal(expected, TouchpointRules.ParseChannel(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("Phone, Email")]
    [InlineData("Fax")]
    public void Numbers_combinations_and_unknown_names_are_not_channels(string? name) =>
        Assert.Null(TouchpointRules.ParseChannel(name));

    [Theory]
    [InlineData("https://learning.example/course", true)]
    [InlineData("http://intranet.example/a?b=c", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("/relative/path", false)]
    [InlineData("ftp://files.example/x", false)]
    public void Only_full_web_addresses_are_training_links(string url, bool expected) =>
        Assert.Equal(expected, RoleCardRules.IsWebLink(url));

    [Fact]
    public void Blank_rows_are_ignored_and_the_editor_always_offers_three_more()
    {
        var form = new RoleCardForm
        {
            Kpis = [new() { Text = "Calls" }, new() { Text = " " }],
            Training = [new() { Url = "https://x.example" }],
        }.WithBlankRows();

        Assert.Equal(4, form.Kpis.Count);
        Assert.Equal("Calls", form.Kpis[0].Text);
        Assert.Equal(4, form.Training.Count);
    }

    [Fact]
    public void A_card_snapshot_round_trips_through_json()
    {
        var content = new RoleCardContent("**Promise**", ["Smile"], [new("Calls", "touchpoints.count")], [new("Basics", null, 7)]);

        var copy = RoleCardContent.FromJson(content.ToJson());

        Assert.Equal(content.ToJson(), copy.ToJson());
        Assert.Equal(7, copy.Training[0].CourseId);
    }
}
