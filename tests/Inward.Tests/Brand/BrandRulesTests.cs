using Inward.Features.Brand;

namespace Inward.Tests.Brand;

public sealed class BrandRulesTests
{
    private static BrandBookForm Form(string? promise = "We care.") => new() { Promise = promise };

    [Fact]
    public void Blank_rows_are_dropped_and_rows_follow_their_numbers_then_their_place()
    {
        var form = Form();
        form.Examples =
        [
            new() { Position = 3, Do = "third", Dont = "not third" },
            new() { Position = null, Do = "  ", Dont = "" },
            new() { Position = 1, Do = " first ", Dont = "not first" },
            new() { Position = null, Do = "last", Dont = "not last" },
            new() { Position = 1, Do = "second", Dont = "not second" },
        ];
        form.Sections = [new() { Title = " ", Body = null }, new() { Position = 2, Title = "B", Body = "b" }, new() { Position = 1, Title = "A", Body = "a" }];

        var content = BrandRules.Normalise(form);

        Assert.Equal(["first", "second", "third", "last"], content.Examples.Select(e => e.Do));
        Assert.Equal(["A", "B"], content.Sections.Select(s => s.Title));
        Assert.Empty(BrandRules.Validate(content));
    }

    [Fact]
    public void Texts_are_trimmed_and_empty_statements_become_null()
    {
        var content = BrandRules.Normalise(new BrandBookForm { Promise = "  Ride on.  ", Mission = "   ", Vision = "\r\nSee far\r\n", ToneOfVoice = "a\r\nb" });

        Assert.Equal("Ride on.", content.Promise);
        Assert.Null(content.Mission);
        Assert.Equal("See far", content.Vision);
        Assert.Equal("a\nb", content.ToneOfVoice);
    }

    [Fact]
    public void A_missing_or_too_long_promise_is_refused()
    {
        Assert.Contains(BrandRules.Validate(BrandRules.Normalise(Form(" "))), p => p.Field == "Promise" && p.Message == "Enter the brand promise.");
        Assert.Contains(BrandRules.Validate(BrandRules.Normalise(Form(new string('p', BrandRules.PromiseMax + 1)))), p => p.Field == "Promise");
        Assert.Empty(BrandRules.Validate(BrandRules.Normalise(Form(new string('p', BrandRules.PromiseMax)))));
    }

    [Theory]
    [InlineData("do", "", "Example {0} needs both a Do text and a Don't text.")]
    [InlineData("", "dont", "Example {0} needs both a Do text and a Don't text.")]
    [InlineData("x", "too long", "Each text of example {0} can have at most {1} characters.")]
    public void An_example_needs_both_halves_within_the_limit(string doText, string dontText, string message)
    {
        var form = Form();
        form.Examples = [new() { Do = doText, Dont = dontText == "too long" ? new string('d', BrandRules.ExampleMax + 1) : dontText }];

        var problems = BrandRules.Validate(BrandRules.Normalise(form));

        var problem = Assert.Single(problems);
        Assert.Equal("Examples[0]", problem.Field);
        Assert.Equal(message, problem.Message);
        Assert.Equal(1, problem.Args[0]);
    }

    [Fact]
    public void Too_many_examples_or_sections_and_incomplete_sections_are_refused()
    {
        var form = Form();
        form.Examples = [.. Enumerable.Range(0, BrandRules.MaxExamples + 1).Select(i => new BrandBookForm.ExampleRow { Do = $"d{i}", Dont = $"n{i}" })];
        form.Sections = [.. Enumerable.Range(0, BrandRules.MaxSections + 1).Select(i => new BrandBookForm.SectionRow { Title = $"t{i}", Body = i == 0 ? null : "b" })];

        var messages = BrandRules.Validate(BrandRules.Normalise(form)).Select(p => p.Message).ToList();

        Assert.Contains("A brand book can have at most {0} do/don't examples.", messages);
        Assert.Contains("A brand book can have at most {0} extra sections.", messages);
        Assert.Contains("Section {0} needs both a title and a text.", messages);
    }

    [Theory]
    [InlineData(null, "Say what changed in this version.")]
    [InlineData("   ", "Say what changed in this version.")]
    [InlineData("long", "The change note can have at most {0} characters.")]
    [InlineData("Fixed a typo.", null)]
    public void Publishing_needs_a_short_change_note(string? note, string? message)
    {
        var problems = BrandRules.ValidateChangeNote(note == "long" ? new string('n', BrandRules.ChangeNoteMax + 1) : note);

        Assert.Equal(message, problems.SingleOrDefault()?.Message);
    }

    [Fact]
    public void Content_survives_the_json_snapshot_and_the_draft_columns()
    {
        var content = new BrandContent("P", "M", null, "T", [new("do", "don't")], [new("S", "**b**")]);
        var draft = new BrandBookDraft();
        content.CopyTo(draft);

        Assert.Equivalent(content, BrandContent.FromJson(content.ToJson()));
        Assert.Equivalent(content, BrandContent.FromDraft(draft));
        Assert.Equivalent(content, BrandRules.Normalise(BrandBookForm.From(content)));
    }
}
