using System.Text.Json;

namespace Inward.Features.Brand;

/// <summary>One "do this, not that" example of the brand's voice or behaviour.</summary>
public sealed record DoDontPair(string Do, string Dont);

/// <summary>An optional extra chapter of the brand book (Markdown body).</summary>
public sealed record BrandSection(string Title, string Body);

/// <summary>What a brand book version says; the snapshot of a published version is this record as JSON.</summary>
public sealed record BrandContent(
    string Promise, string? Mission, string? Vision, string? ToneOfVoice,
    IReadOnlyList<DoDontPair> Examples, IReadOnlyList<BrandSection> Sections)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly BrandContent Empty = new("", null, null, null, [], []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BrandContent FromJson(string json) => JsonSerializer.Deserialize<BrandContent>(json, Json) ?? Empty;

    public static BrandContent FromDraft(BrandBookDraft d) => new(d.Promise, d.Mission, d.Vision, d.ToneOfVoice,
        JsonSerializer.Deserialize<List<DoDontPair>>(d.ExamplesJson, Json) ?? [],
        JsonSerializer.Deserialize<List<BrandSection>>(d.SectionsJson, Json) ?? []);

    public void CopyTo(BrandBookDraft d)
    {
        d.Promise = Promise;
        d.Mission = Mission;
        d.Vision = Vision;
        d.ToneOfVoice = ToneOfVoice;
        d.ExamplesJson = JsonSerializer.Serialize(Examples, Json);
        d.SectionsJson = JsonSerializer.Serialize(Sections, Json);
    }
}

/// <summary>The edit form: a row per do/don't pair and per section; blank rows are ignored.</summary>
public sealed class BrandBookForm
{
    public string? Promise { get; set; }
    public string? Mission { get; set; }
    public string? Vision { get; set; }
    public string? ToneOfVoice { get; set; }
    public List<ExampleRow> Examples { get; set; } = [];
    public List<SectionRow> Sections { get; set; } = [];
    public string? ChangeNote { get; set; }

    public sealed class ExampleRow
    {
        /// <summary>Where the pair goes; rows are ordered by it, then as they came.</summary>
        public int? Position { get; set; }
        public string? Do { get; set; }
        public string? Dont { get; set; }
    }

    public sealed class SectionRow
    {
        public int? Position { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
    }

    public static BrandBookForm From(BrandContent c) => new()
    {
        Promise = c.Promise,
        Mission = c.Mission,
        Vision = c.Vision,
        ToneOfVoice = c.ToneOfVoice,
        Examples = [.. c.Examples.Select((e, i) => new ExampleRow { Position = i + 1, Do = e.Do, Dont = e.Dont })],
        Sections = [.. c.Sections.Select((s, i) => new SectionRow { Position = i + 1, Title = s.Title, Body = s.Body })],
    };
}

/// <summary>A problem with the form: the field (relative to the form), an English message key and its arguments.</summary>
public sealed record BrandProblem(string Field, string Message, params object[] Args);

/// <summary>Length limits and checks of the brand book: pure, so the page and the tests share them.</summary>
public static class BrandRules
{
    public const int PromiseMax = 300;
    public const int StatementMax = 4000;
    public const int ToneMax = 10_000;
    public const int ExampleMax = 500;
    public const int MaxExamples = 20;
    public const int SectionTitleMax = 200;
    public const int SectionBodyMax = 10_000;
    public const int MaxSections = 12;
    public const int ChangeNoteMax = 1000;

    /// <summary>The content the form describes: texts trimmed, blank rows dropped, rows in position order.</summary>
    public static BrandContent Normalise(BrandBookForm form) => new(
        Clean(form.Promise) ?? "",
        Clean(form.Mission),
        Clean(form.Vision),
        Clean(form.ToneOfVoice),
        [.. form.Examples.Select((r, i) => (r, i))
            .Where(x => Clean(x.r.Do) is not null || Clean(x.r.Dont) is not null)
            .OrderBy(x => x.r.Position ?? int.MaxValue).ThenBy(x => x.i)
            .Select(x => new DoDontPair(Clean(x.r.Do) ?? "", Clean(x.r.Dont) ?? ""))],
        [.. form.Sections.Select((r, i) => (r, i))
            .Where(x => Clean(x.r.Title) is not null || Clean(x.r.Body) is not null)
            .OrderBy(x => x.r.Position ?? int.MaxValue).ThenBy(x => x.i)
            .Select(x => new BrandSection(Clean(x.r.Title) ?? "", Clean(x.r.Body) ?? ""))]);

    /// <summary>What is wrong with the content; empty when it may be saved and published.</summary>
    public static List<BrandProblem> Validate(BrandContent c)
    {
        var problems = new List<BrandProblem>();
        if (c.Promise.Length == 0)
        {
            problems.Add(new(nameof(BrandBookForm.Promise), "Enter the brand promise."));
        }
        Max(nameof(BrandBookForm.Promise), c.Promise, PromiseMax, "The brand promise can have at most {0} characters.");
        Max(nameof(BrandBookForm.Mission), c.Mission, StatementMax, "The mission can have at most {0} characters.");
        Max(nameof(BrandBookForm.Vision), c.Vision, StatementMax, "The vision can have at most {0} characters.");
        Max(nameof(BrandBookForm.ToneOfVoice), c.ToneOfVoice, ToneMax, "The tone of voice can have at most {0} characters.");
        if (c.Examples.Count > MaxExamples)
        {
            problems.Add(new(nameof(BrandBookForm.Examples), "A brand book can have at most {0} do/don't examples.", MaxExamples));
        }
        for (var i = 0; i < c.Examples.Count; i++)
        {
            var e = c.Examples[i];
            if (e.Do.Length == 0 || e.Dont.Length == 0)
            {
                problems.Add(new($"{nameof(BrandBookForm.Examples)}[{i}]", "Example {0} needs both a Do text and a Don't text.", i + 1));
            }
            if (e.Do.Length > ExampleMax || e.Dont.Length > ExampleMax)
            {
                problems.Add(new($"{nameof(BrandBookForm.Examples)}[{i}]", "Each text of example {0} can have at most {1} characters.", i + 1, ExampleMax));
            }
        }
        if (c.Sections.Count > MaxSections)
        {
            problems.Add(new(nameof(BrandBookForm.Sections), "A brand book can have at most {0} extra sections.", MaxSections));
        }
        for (var i = 0; i < c.Sections.Count; i++)
        {
            var s = c.Sections[i];
            if (s.Title.Length == 0 || s.Body.Length == 0)
            {
                problems.Add(new($"{nameof(BrandBookForm.Sections)}[{i}]", "Section {0} needs both a title and a text.", i + 1));
            }
            if (s.Title.Length > SectionTitleMax)
            {
                problems.Add(new($"{nameof(BrandBookForm.Sections)}[{i}]", "The title of section {0} can have at most {1} characters.", i + 1, SectionTitleMax));
            }
            if (s.Body.Length > SectionBodyMax)
            {
                problems.Add(new($"{nameof(BrandBookForm.Sections)}[{i}]", "The text of section {0} can have at most {1} characters.", i + 1, SectionBodyMax));
            }
        }
        return problems;

        void Max(string field, string? text, int max, string message)
        {
            if (text?.Length > max)
            {
                problems.Add(new(field, message, max));
            }
        }
    }

    /// <summary>The change note publishing needs, trimmed; problems when it is missing or too long.</summary>
    public static List<BrandProblem> ValidateChangeNote(string? note)
    {
        var clean = Clean(note);
        return clean is null ? [new(nameof(BrandBookForm.ChangeNote), "Say what changed in this version.")]
            : clean.Length > ChangeNoteMax ? [new(nameof(BrandBookForm.ChangeNote), "The change note can have at most {0} characters.", ChangeNoteMax)]
            : [];
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
