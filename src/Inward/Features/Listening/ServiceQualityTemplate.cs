using Inward.Features.InternalCustomers;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// The Internal Service Quality template: one block of items repeated for every serving department of the
/// internal-customer map. Its texts name the department through <see cref="Placeholder"/>, replaced when the survey is
/// created; each generated question carries the department it rates (<see cref="SurveyQuestion.AboutDepartmentId"/>).
/// </summary>
public static class ServiceQualityTemplate
{
    public const string Key = "internal-service-quality";
    public const string Placeholder = "{department}";

    public const string Tangibles = "Tangibles";
    public const string Reliability = "Reliability";
    public const string Responsiveness = "Responsiveness";
    public const string Assurance = "Assurance";
    public const string Empathy = "Empathy";

    public static IReadOnlyList<string> Dimensions { get; } = [Tangibles, Reliability, Responsiveness, Assurance, Empathy];

    private static QuestionInput P(string dimension, string en, string ar, string pl) =>
        new(QuestionKind.Likert7, en, ar, pl, dimension);

    // Expectation items are optional: the gap is shown where enough people gave them, the perception score regardless.
    private static QuestionInput E(string dimension, string en, string ar, string pl) =>
        new(QuestionKind.Likert7, en, ar, pl, dimension, Required: false, IsExpectation: true);

    public static SurveyTemplate Template { get; } = new(Key, "Internal Service Quality",
        "How the departments that serve your department do their job for you: ten perception items on tangibles, reliability, responsiveness, "
        + "assurance and empathy, and five optional expectation items, asked once for every department that serves yours on the internal-customer map. "
        + "Items written for Inward after the INTSERVQUAL dimensions of Frost, F. A. & Kumar, M. (2000), \"INTSERVQUAL – an internal adaptation of the "
        + "GAP model in a large service organisation\", Journal of Services Marketing 14(5), 358–377, which adapts SERVQUAL (Parasuraman, A., "
        + "Zeithaml, V. A. & Berry, L. L. (1988), Journal of Retailing 64(1), 12–40). 7-point agreement; results as a serving × served matrix "
        + "with the mean perception, % favourable and the perception − expectation gap.",
        [
            new("Service from {department}", "الخدمة من قسم {department}", "Obsługa przez dział {department}",
            [
                P(Tangibles, "The tools, systems and documents {department} gives us are easy to use.",
                    "الأدوات والأنظمة والمستندات التي يقدمها لنا قسم {department} سهلة الاستخدام.",
                    "Narzędzia, systemy i dokumenty, które dostajemy od działu {department}, są łatwe w użyciu."),
                P(Tangibles, "What {department} hands over to us is clear and well presented.",
                    "ما يسلّمه لنا قسم {department} واضح ومنظّم جيدًا.",
                    "To, co przekazuje nam dział {department}, jest jasne i dobrze przygotowane."),
                P(Reliability, "{department} delivers what it promised, when it promised.",
                    "يسلّم قسم {department} ما وعد به في الوقت الذي وعد به.",
                    "Dział {department} dostarcza to, co obiecał, wtedy, kiedy obiecał."),
                P(Reliability, "{department} gets things right the first time.",
                    "ينجز قسم {department} الأمور بشكل صحيح من المرة الأولى.",
                    "Dział {department} robi rzeczy dobrze za pierwszym razem."),
                P(Responsiveness, "{department} responds quickly when we need something.",
                    "يستجيب قسم {department} بسرعة عندما نحتاج إلى شيء.",
                    "Dział {department} szybko reaguje, gdy czegoś potrzebujemy."),
                P(Responsiveness, "{department} tells us exactly when things will be done.",
                    "يخبرنا قسم {department} بدقة متى ستُنجز الأمور.",
                    "Dział {department} mówi nam dokładnie, kiedy sprawy zostaną załatwione."),
                P(Assurance, "People in {department} know their job well enough to answer our questions.",
                    "يعرف العاملون في قسم {department} عملهم جيدًا بما يكفي للإجابة عن أسئلتنا.",
                    "Osoby z działu {department} znają swoją pracę na tyle, by odpowiadać na nasze pytania."),
                P(Assurance, "We can rely on the advice {department} gives us.",
                    "يمكننا الاعتماد على النصائح التي يقدمها لنا قسم {department}.",
                    "Możemy polegać na radach, których udziela nam dział {department}."),
                P(Empathy, "{department} understands what our team needs.",
                    "يفهم قسم {department} ما يحتاجه فريقنا.",
                    "Dział {department} rozumie, czego potrzebuje nasz zespół."),
                P(Empathy, "{department} treats our requests as if they were its own priorities.",
                    "يتعامل قسم {department} مع طلباتنا كما لو كانت من أولوياته.",
                    "Dział {department} traktuje nasze prośby jak własne priorytety."),
                E(Tangibles, "Expectation: {department} should give us tools, systems and documents that are easy to use.",
                    "التوقع: ينبغي أن يقدّم لنا قسم {department} أدوات وأنظمة ومستندات سهلة الاستخدام.",
                    "Oczekiwanie: dział {department} powinien dawać nam łatwe w użyciu narzędzia, systemy i dokumenty."),
                E(Reliability, "Expectation: {department} should deliver what it promised, on time and right the first time.",
                    "التوقع: ينبغي أن يسلّم قسم {department} ما وعد به في موعده وبشكل صحيح من المرة الأولى.",
                    "Oczekiwanie: dział {department} powinien dostarczać to, co obiecał, na czas i dobrze za pierwszym razem."),
                E(Responsiveness, "Expectation: {department} should respond quickly and tell us when things will be done.",
                    "التوقع: ينبغي أن يستجيب قسم {department} بسرعة ويخبرنا متى ستُنجز الأمور.",
                    "Oczekiwanie: dział {department} powinien szybko reagować i mówić, kiedy sprawy zostaną załatwione."),
                E(Assurance, "Expectation: people in {department} should know their job and give advice we can rely on.",
                    "التوقع: ينبغي أن يعرف العاملون في قسم {department} عملهم ويقدموا نصائح يمكن الاعتماد عليها.",
                    "Oczekiwanie: osoby z działu {department} powinny znać swoją pracę i udzielać rad, na których można polegać."),
                E(Empathy, "Expectation: {department} should understand our needs and treat them as priorities.",
                    "التوقع: ينبغي أن يفهم قسم {department} احتياجاتنا ويعاملها كأولويات.",
                    "Oczekiwanie: dział {department} powinien rozumieć nasze potrzeby i traktować je priorytetowo."),
            ]),
        ]);

    /// <summary>
    /// Pure: the block repeated for each serving department (in the order given), the department's name put into every
    /// text and its id into every question. Department names are proper names, the same in every language.
    /// </summary>
    public static IReadOnlyList<SectionInput> Blocks(IReadOnlyList<SectionInput> block, IReadOnlyList<(int Id, string Name)> serving) =>
    [
        .. serving.SelectMany(d => block.Select(s => new SectionInput(Name(s.Title, d.Name) ?? "", Name(s.TitleAr, d.Name), Name(s.TitlePl, d.Name),
            [.. s.Questions.Select(q => q with
            {
                Text = Name(q.Text, d.Name)!, TextAr = Name(q.TextAr, d.Name), TextPl = Name(q.TextPl, d.Name), AboutDepartmentId = d.Id,
            })]))),
    ];

    /// <summary>
    /// The template's block for every department that serves another on the map now (by name). The map holds every
    /// serving department, not only those serving the audience, so changing the audience of the draft later needs no
    /// regeneration: respondents only ever see the departments that serve their own.
    /// </summary>
    public static async Task<(IReadOnlyList<SectionInput> Sections, IReadOnlyList<SurveyError> Errors)> SectionsAsync(InwardDbContext db, CancellationToken ct)
    {
        var serving = await db.Set<ServiceEdge>().AsNoTracking().Select(e => new { e.FromDepartmentId, e.FromDepartment!.Name }).Distinct().ToListAsync(ct);
        if (serving.Count == 0)
        {
            return ([], [new("template", "The internal-customer map has no service links yet: add them before creating an internal service quality survey.")]);
        }
        return (Blocks(SurveyAuthoring.SectionsOf(Template), [.. serving.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.FromDepartmentId, s.Name))]), []);
    }

    private static string? Name(string? text, string department) => text?.Replace(Placeholder, department, StringComparison.Ordinal);
}
