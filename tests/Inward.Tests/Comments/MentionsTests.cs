using Inward.Features.Comments;

namespace Inward.Tests.Comments;

/// <summary>The pure mention parser and matcher.</summary>
public sealed class MentionsTests
{
    private static readonly MentionablePerson Anna = new(1, "Anna Kowalska", "anna.kowalska@firm.example");
    private static readonly MentionablePerson Jan = new(2, "Jan Nowak", "jan@firm.example");
    private static readonly MentionablePerson AnnaMaria = new(3, "Anna Kowalska Nowak", "akn@firm.example");
    private static readonly MentionablePerson OtherJan = new(4, "Jan Nowak", "jan.nowak2@firm.example");
    private static readonly MentionablePerson Lukasz = new(5, "Łukasz Żółw", "lukasz@firm.example");

    [Fact]
    public void Text_without_an_at_sign_has_no_mentions()
    {
        Assert.Empty(Mentions.Parse("Great news, thanks everyone!"));
        Assert.Empty(Mentions.Parse(""));
        Assert.Empty(Mentions.Parse(null));
    }

    [Fact]
    public void A_name_mention_offers_the_longest_name_first_up_to_four_words()
    {
        var mention = Assert.Single(Mentions.Parse("Thanks @Anna Kowalska for the help"));
        Assert.Null(mention.Email);
        Assert.Equal(["Anna Kowalska for the", "Anna Kowalska for", "Anna Kowalska", "Anna"], mention.Names);
    }

    [Fact]
    public void Punctuation_ends_a_name()
    {
        var mention = Assert.Single(Mentions.Parse("@Anna Kowalska, thanks!"));
        Assert.Equal(["Anna Kowalska", "Anna"], mention.Names);
    }

    [Fact]
    public void An_e_mail_mention_is_read_whole_and_a_trailing_full_stop_is_not_part_of_it()
    {
        var mention = Assert.Single(Mentions.Parse("Ask @anna.kowalska@firm.example."));
        Assert.Equal("anna.kowalska@firm.example", mention.Email);
        Assert.Empty(mention.Names);
    }

    [Fact]
    public void A_bracketed_mention_is_one_exact_name()
    {
        var mention = Assert.Single(Mentions.Parse("cc @[Anna  Kowalska Nowak] please"));
        Assert.Equal(["Anna Kowalska Nowak"], mention.Names);
    }

    [Fact]
    public void An_unclosed_bracket_is_not_a_bracketed_mention()
    {
        Assert.Empty(Mentions.Parse("@[Anna"));
    }

    [Fact]
    public void An_at_sign_inside_a_word_or_address_is_not_a_mention()
    {
        Assert.Empty(Mentions.Parse("write to anna@firm.example or x@y"));
    }

    [Fact]
    public void An_at_sign_followed_by_a_digit_or_space_is_not_a_mention()
    {
        Assert.Empty(Mentions.Parse("meet @ 5 or @5pm"));
    }

    [Fact]
    public void Letters_beyond_ASCII_are_part_of_names()
    {
        var mention = Assert.Single(Mentions.Parse("Brawo @Łukasz Żółw!"));
        Assert.Equal(["Łukasz Żółw", "Łukasz"], mention.Names);
        Assert.Equal([5], Mentions.Match([mention], [Anna, Lukasz]));
    }

    [Fact]
    public void Several_mentions_are_found_in_order_and_repeats_are_kept_once()
    {
        var mentions = Mentions.Parse("@Jan Nowak, @jan@firm.example, @Jan Nowak.");
        Assert.Equal(2, mentions.Count);
        Assert.Equal(["Jan Nowak", "Jan"], mentions[0].Names);
        Assert.Equal("jan@firm.example", mentions[1].Email);
    }

    [Fact]
    public void At_most_twenty_mentions_are_read()
    {
        var text = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"@p{i}@firm.example"));
        Assert.Equal(Mentions.MaxMentions, Mentions.Parse(text).Count);
    }

    [Fact]
    public void The_longest_name_that_matches_wins()
    {
        Assert.Equal([3], Mentions.Match(Mentions.Parse("@Anna Kowalska Nowak, welcome"), [Anna, AnnaMaria]));
        Assert.Equal([1], Mentions.Match(Mentions.Parse("@Anna Kowalska thanks"), [Anna, AnnaMaria]));
    }

    [Fact]
    public void Matching_ignores_case_for_names_and_e_mails()
    {
        Assert.Equal([1], Mentions.Match(Mentions.Parse("@anna kowalska"), [Anna]));
        Assert.Equal([1], Mentions.Match(Mentions.Parse("@ANNA.KOWALSKA@FIRM.EXAMPLE"), [Anna]));
    }

    [Fact]
    public void A_first_name_alone_does_not_match_a_full_name()
    {
        Assert.Empty(Mentions.Match(Mentions.Parse("@Anna"), [Anna]));
    }

    [Fact]
    public void A_name_shared_by_several_people_names_them_all_and_an_e_mail_only_one()
    {
        Assert.Equal([2, 4], Mentions.Match(Mentions.Parse("@Jan Nowak"), [Jan, OtherJan]).Order());
        Assert.Equal([4], Mentions.Match(Mentions.Parse("@jan.nowak2@firm.example"), [Jan, OtherJan]));
    }

    [Fact]
    public void People_outside_the_list_never_change_whom_a_mention_names()
    {
        // Anna Kowalska Nowak is not in the list (not a reader): the mention still names Anna Kowalska among the readers.
        Assert.Equal([1], Mentions.Match(Mentions.Parse("@Anna Kowalska Nowak"), [Anna]));
    }

    [Fact]
    public void Could_name_finds_every_person_a_mention_might_mean()
    {
        var mentions = Mentions.Parse("@Anna Kowalska Nowak");
        Assert.True(Mentions.CouldName(mentions, Anna));
        Assert.True(Mentions.CouldName(mentions, AnnaMaria));
        Assert.False(Mentions.CouldName(mentions, Jan));
    }

    [Fact]
    public void Reaction_kinds_are_a_fixed_set()
    {
        Assert.True(ReactionKinds.IsKnown("like"));
        Assert.True(ReactionKinds.IsKnown("celebrate"));
        Assert.False(ReactionKinds.IsKnown("LIKE"));
        Assert.False(ReactionKinds.IsKnown("angry"));
        Assert.False(ReactionKinds.IsKnown(null));
    }
}
