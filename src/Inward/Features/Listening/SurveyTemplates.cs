namespace Inward.Features.Listening;

/// <summary>A section of a template with its questions.</summary>
public sealed record TemplateSection(string Title, string TitleAr, string TitlePl, IReadOnlyList<QuestionInput> Questions);

/// <summary>A built-in survey: the items are written for Inward; the description cites the research it follows.</summary>
public sealed record SurveyTemplate(string Key, string Title, string Description, IReadOnlyList<TemplateSection> Sections)
{
    public int QuestionCount => Sections.Sum(s => s.Questions.Count);
}

/// <summary>
/// The built-in templates. Every item is our own wording (MEASUREMENT.md): proprietary or research-only instruments
/// (Gallup Q12, UWES, Spector's JSS) are deliberately not here.
/// </summary>
public static class SurveyTemplates
{
    public const string NetPromoterNotice =
        "Net Promoter®, NPS® and Net Promoter Score® are registered trademarks of Bain & Company, Inc., NICE Systems, Inc. and Fred Reichheld.";

    private static QuestionInput L5(string dimension, string en, string ar, string pl, bool reverse = false) =>
        new(QuestionKind.Likert5, en, ar, pl, dimension, reverse);

    private static QuestionInput L7(string dimension, string en, string ar, string pl) =>
        new(QuestionKind.Likert7, en, ar, pl, dimension);

    private static QuestionInput Why(string en, string ar, string pl) => new(QuestionKind.FreeText, en, ar, pl, Required: false);

    private static TemplateSection Section(string en, string ar, string pl, params QuestionInput[] questions) => new(en, ar, pl, questions);

    public static IReadOnlyList<SurveyTemplate> All { get; } =
    [
        new("internal-marketing", "Internal Marketing Practices",
            "How employees experience the company's internal marketing: a shared vision, development, rewards and internal communication. "
            + "Items written for Inward after the dimensions of Foreman, S. K. & Money, A. H. (1995), \"Internal marketing: concepts, measurement "
            + "and application\", Journal of Marketing Management 11(8), 755–768. 5-point agreement; dimension mean, % favourable and Cronbach's α.",
            [
                Section("Vision", "الرؤية", "Wizja",
                    L5("Vision", "I understand where the company is heading over the next few years.",
                        "أفهم إلى أين تتجه الشركة خلال السنوات القليلة القادمة.", "Rozumiem, dokąd zmierza firma w ciągu najbliższych kilku lat."),
                    L5("Vision", "Management explains how my work contributes to the company's goals.",
                        "توضح الإدارة كيف يسهم عملي في تحقيق أهداف الشركة.", "Kierownictwo wyjaśnia, jak moja praca przyczynia się do celów firmy."),
                    L5("Vision", "I often feel unsure what the company is trying to achieve.",
                        "كثيرًا ما أشعر بعدم اليقين بشأن ما تسعى الشركة إلى تحقيقه.", "Często nie mam pewności, co firma chce osiągnąć.", reverse: true)),
                Section("Development", "التطوير", "Rozwój",
                    L5("Development", "I get the training I need to serve our customers well.",
                        "أحصل على التدريب الذي أحتاجه لخدمة عملائنا جيدًا.", "Dostaję szkolenia potrzebne, by dobrze obsługiwać naszych klientów."),
                    L5("Development", "My skills and knowledge are developed as part of my job.",
                        "تُطوَّر مهاراتي ومعارفي كجزء من عملي.", "Moje umiejętności i wiedza rozwijają się w ramach mojej pracy."),
                    L5("Development", "The company invests in helping people grow into new roles.",
                        "تستثمر الشركة في مساعدة الموظفين على التطور إلى أدوار جديدة.", "Firma inwestuje w to, by ludzie mogli dorastać do nowych ról.")),
                Section("Rewards", "المكافآت", "Nagrody",
                    L5("Rewards", "Good work is recognised here.",
                        "يُقدَّر العمل الجيد هنا.", "Dobra praca jest tu doceniana."),
                    L5("Rewards", "Pay and benefits reflect the effort people put in.",
                        "تعكس الرواتب والمزايا الجهد الذي يبذله الموظفون.", "Wynagrodzenie i świadczenia odzwierciedlają włożony wysiłek."),
                    L5("Rewards", "Performance is taken into account when rewards are decided.",
                        "يؤخذ الأداء في الاعتبار عند تحديد المكافآت.", "Przy przyznawaniu nagród brane są pod uwagę wyniki.")),
                Section("Internal communication", "التواصل الداخلي", "Komunikacja wewnętrzna",
                    L5("Internal communication", "I hear about changes that affect my work before they happen.",
                        "أعلم بالتغييرات التي تؤثر على عملي قبل حدوثها.", "Dowiaduję się o zmianach dotyczących mojej pracy, zanim nastąpią."),
                    L5("Internal communication", "Information flows well between departments.",
                        "تنتقل المعلومات بشكل جيد بين الأقسام.", "Informacje dobrze przepływają między działami."),
                    L5("Internal communication", "My views are asked for before decisions about my work are made.",
                        "يُطلب رأيي قبل اتخاذ القرارات المتعلقة بعملي.", "Pyta się mnie o zdanie, zanim zapadną decyzje dotyczące mojej pracy.")),
            ]),
        new("market-orientation-pulse", "Internal market orientation pulse",
            "Whether the company listens to its employees as internal customers and acts on it. Items written for Inward after the dimensions "
            + "of Lings, I. N. & Greenley, G. E. (2005), \"Measuring internal market orientation\", Journal of Service Research 7(3), 290–305: "
            + "formal written and face-to-face information generation, informal generation, dissemination and responsiveness. 5-point mean.",
            [
                Section("Listening", "الاستماع", "Słuchanie",
                    L5("Formal written generation", "The company asks employees in writing (surveys, forms) about their working conditions.",
                        "تسأل الشركة الموظفين كتابيًا (استبيانات، نماذج) عن ظروف عملهم.", "Firma pyta pracowników na piśmie (ankiety, formularze) o warunki pracy."),
                    L5("Formal written generation", "Written feedback from employees is collected at least once a year.",
                        "تُجمع الملاحظات المكتوبة من الموظفين مرة واحدة على الأقل سنويًا.", "Pisemne opinie pracowników są zbierane co najmniej raz w roku."),
                    L5("Face-to-face generation", "My manager meets with me regularly to discuss my needs at work.",
                        "يلتقي بي مديري بانتظام لمناقشة احتياجاتي في العمل.", "Mój przełożony regularnie spotyka się ze mną, by omówić moje potrzeby w pracy."),
                    L5("Face-to-face generation", "Managers hold meetings to hear what employees think.",
                        "يعقد المديرون اجتماعات للاستماع إلى آراء الموظفين.", "Kierownicy organizują spotkania, by usłyszeć, co myślą pracownicy."),
                    L5("Informal generation", "Managers take time for informal conversations with staff.",
                        "يخصص المديرون وقتًا للمحادثات غير الرسمية مع الموظفين.", "Kierownicy znajdują czas na nieformalne rozmowy z pracownikami."),
                    L5("Informal generation", "Managers notice problems at work before they are raised formally.",
                        "يلاحظ المديرون مشكلات العمل قبل طرحها رسميًا.", "Kierownicy dostrzegają problemy w pracy, zanim zostaną formalnie zgłoszone.")),
                Section("Acting on it", "الاستجابة", "Działanie",
                    L5("Dissemination", "Managers share what they learn about employees' needs with each other.",
                        "يتبادل المديرون فيما بينهم ما يعرفونه عن احتياجات الموظفين.", "Kierownicy dzielą się między sobą wiedzą o potrzebach pracowników."),
                    L5("Dissemination", "The results of employee feedback are shared with us.",
                        "تُشارَك معنا نتائج ملاحظات الموظفين.", "Wyniki opinii pracowników są nam przekazywane."),
                    L5("Responsiveness", "The company acts on what employees say.",
                        "تتصرف الشركة بناءً على ما يقوله الموظفون.", "Firma działa na podstawie tego, co mówią pracownicy."),
                    L5("Responsiveness", "When employees' needs change, policies are adjusted.",
                        "عندما تتغير احتياجات الموظفين، تُعدَّل السياسات.", "Gdy zmieniają się potrzeby pracowników, zasady są dostosowywane.")),
            ]),
        new("enps", "Employee Net Promoter Score (eNPS)",
            "How likely employees are to recommend the company as a place to work, on a 0–10 scale, and why. eNPS = % of 9–10 minus % of 0–6 "
            + "(−100 to +100), shown with its margin of error; after Reichheld's Net Promoter Score. " + NetPromoterNotice,
            [
                Section("Recommendation", "التوصية", "Polecenie",
                    new QuestionInput(QuestionKind.Scale0To10, "How likely are you to recommend our company as a place to work to a friend?",
                        "ما مدى احتمال أن توصي صديقًا بشركتنا كمكان للعمل؟", "Jak bardzo prawdopodobne jest, że polecisz naszą firmę znajomemu jako miejsce pracy?",
                        "eNPS"),
                    Why("What is the main reason for your score?", "ما السبب الرئيسي لتقييمك؟", "Jaki jest główny powód Twojej oceny?")),
            ]),
        ServiceQualityTemplate.Template,
        new("job-satisfaction", "Job satisfaction (short)",
            "A short global measure of job satisfaction: three items written for Inward, 7-point agreement, reported as a mean.",
            [
                Section("Job satisfaction", "الرضا الوظيفي", "Zadowolenie z pracy",
                    L7("Job satisfaction", "All things considered, I am satisfied with my job.",
                        "بالنظر إلى كل شيء، أنا راضٍ عن وظيفتي.", "Biorąc wszystko pod uwagę, jestem zadowolony(-a) ze swojej pracy."),
                    L7("Job satisfaction", "I enjoy the work I do on most days.",
                        "أستمتع بالعمل الذي أقوم به في معظم الأيام.", "W większość dni lubię pracę, którą wykonuję."),
                    L7("Job satisfaction", "If I had the choice again, I would take this job.",
                        "لو أُتيح لي الاختيار مرة أخرى، لاخترت هذه الوظيفة.", "Gdybym mógł (mogła) wybierać ponownie, wybrał(a)bym tę pracę.")),
            ]),
        new("intent-to-stay", "Loyalty and intent to stay",
            "Whether people see their future here: four items written for Inward (one reverse-scored), 5-point agreement.",
            [
                Section("Intent to stay", "نية البقاء", "Zamiar pozostania",
                    L5("Intent to stay", "I see myself still working here in two years.",
                        "أرى نفسي ما زلت أعمل هنا بعد عامين.", "Widzę siebie w tej firmie za dwa lata."),
                    L5("Intent to stay", "I rarely think about looking for a job elsewhere.",
                        "نادرًا ما أفكر في البحث عن عمل في مكان آخر.", "Rzadko myślę o szukaniu pracy gdzie indziej."),
                    L5("Intent to stay", "I would turn down a similar offer from another employer.",
                        "سأرفض عرضًا مماثلًا من صاحب عمل آخر.", "Odrzucił(a)bym podobną ofertę od innego pracodawcy."),
                    L5("Intent to stay", "I am actively looking for another job.",
                        "أبحث بنشاط عن وظيفة أخرى.", "Aktywnie szukam innej pracy.", reverse: true)),
            ]),
        new("company-policies", "Company policies",
            "Whether company policies are known, fair and workable: four items written for Inward (one reverse-scored) and an open question.",
            [
                Section("Policies", "السياسات", "Zasady",
                    L5("Policies", "Company policies are easy to find.",
                        "من السهل العثور على سياسات الشركة.", "Zasady firmy łatwo znaleźć."),
                    L5("Policies", "Company policies are applied fairly to everyone.",
                        "تُطبَّق سياسات الشركة بإنصاف على الجميع.", "Zasady firmy są stosowane sprawiedliwie wobec wszystkich."),
                    L5("Policies", "I understand the policies that affect my daily work.",
                        "أفهم السياسات التي تؤثر على عملي اليومي.", "Rozumiem zasady, które dotyczą mojej codziennej pracy."),
                    L5("Policies", "Policies get in the way of doing my job well.",
                        "تعيق السياسات قيامي بعملي على نحو جيد.", "Zasady przeszkadzają mi dobrze wykonywać pracę.", reverse: true),
                    Why("Which policy would you change first, and why?", "ما السياسة التي ستغيرها أولًا، ولماذا؟", "Którą zasadę zmienił(a)byś najpierw i dlaczego?")),
            ]),
        new("onboarding", "Onboarding check-in (30/60/90 days)",
            "How a newcomer's first months go, asked at 30, 60 and 90 days. Items written for Inward after Bauer's four Cs of onboarding "
            + "(compliance, clarification, culture, connection): Bauer, T. N. (2010), Onboarding New Employees: Maximizing Success, SHRM Foundation.",
            [
                Section("Compliance and clarification", "الامتثال والوضوح", "Zasady i jasność roli",
                    L5("Compliance", "I know the rules and procedures that apply to my role.",
                        "أعرف القواعد والإجراءات التي تنطبق على دوري.", "Znam reguły i procedury dotyczące mojej roli."),
                    L5("Compliance", "I received the equipment and access I needed on time.",
                        "حصلت على المعدات والصلاحيات التي احتجتها في الوقت المناسب.", "Otrzymałem(-am) potrzebny sprzęt i dostępy na czas."),
                    L5("Clarification", "I understand what is expected of me in my role.",
                        "أفهم ما هو متوقع مني في دوري.", "Rozumiem, czego się ode mnie oczekuje w mojej roli."),
                    L5("Clarification", "I know how my performance will be judged.",
                        "أعرف كيف سيُقيَّم أدائي.", "Wiem, jak będą oceniane moje wyniki.")),
                Section("Culture and connection", "الثقافة والتواصل", "Kultura i relacje",
                    L5("Culture", "I understand how things are done here, beyond the written rules.",
                        "أفهم كيف تُدار الأمور هنا، بما يتجاوز القواعد المكتوبة.", "Rozumiem, jak się tu działa, poza spisanymi zasadami."),
                    L5("Culture", "I know the company's values and how they show in daily work.",
                        "أعرف قيم الشركة وكيف تظهر في العمل اليومي.", "Znam wartości firmy i wiem, jak widać je w codziennej pracy."),
                    L5("Connection", "I have someone I can ask for help.",
                        "لدي شخص يمكنني طلب المساعدة منه.", "Mam kogoś, kogo mogę poprosić o pomoc."),
                    L5("Connection", "I feel welcome in my team.",
                        "أشعر بالترحيب في فريقي.", "Czuję się mile widziany(-a) w swoim zespole.")),
            ]),
        new("reward-preferences", "Reward preferences",
            "Which rewards people value most, as a ranking; results show the share placing each reward in their top three. The list follows the "
            + "reward types studied by the Incentive Research Foundation (where a paid day off ranks first, ahead of cash).",
            [
                Section("Rewards", "المكافآت", "Nagrody",
                    new QuestionInput(QuestionKind.Ranking, "Rank these rewards from the one you would value most to the one you would value least.",
                        "رتّب هذه المكافآت من الأكثر قيمة بالنسبة لك إلى الأقل قيمة.", "Uszereguj te nagrody od najbardziej do najmniej cenionej przez Ciebie.",
                        Options: ["Paid day off", "Bonus", "Flexible hours", "Family benefits", "Recognition", "Gifts"],
                        OptionsAr: ["يوم إجازة مدفوع الأجر", "مكافأة مالية", "ساعات عمل مرنة", "مزايا عائلية", "التقدير", "هدايا"],
                        OptionsPl: ["Płatny dzień wolny", "Premia", "Elastyczne godziny pracy", "Świadczenia rodzinne", "Uznanie", "Upominki"]),
                    Why("Is there a reward we should offer that is not on the list?", "هل هناك مكافأة ينبغي أن نقدمها وليست في القائمة؟",
                        "Czy jest nagroda, którą powinniśmy oferować, a której nie ma na liście?")),
            ]),
    ];

    public static SurveyTemplate? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
}
