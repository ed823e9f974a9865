using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>
/// Brightwheel Cycles' two courses, their facts taken from the demo brand book, company values, touchpoints, plan and
/// internal-customer map so they agree. The titles are stable: the learning-path demo looks the courses up by them.
/// </summary>
internal sealed class LearningDemoContent(TimeProvider clock) : IDemoContent
{
    public const string BrandCourse = "Our brand and how we serve customers";
    public const string InternalCourse = "Serving our internal customers";
    public const string LeadsGroup = "Department leads and managers";

    public string Name => "learning";
    public int Order => 80;

    private sealed record DemoLesson(string Title, string Body, string? Link, string? LinkLabel);

    private sealed record DemoQuestion(QuestionKind Kind, string Text, (string Text, bool Correct, string? Feedback)[] Options, string? Wrong);

    private static readonly DemoLesson[] BrandLessons =
    [
        new("Our brand promise", """
            **Every ride starts with someone who cares.**

            That is what we promise every rider. We build bicycles that last and look after the people who ride them: from the
            first weld in Gdańsk to the last adjustment at a rider's door, every one of us is part of the ride.

            Our vision: by 2030, the bike brand riders recommend first *because of the people behind it* — the easiest to buy
            from, the quickest to fix and the most honest to deal with.
            """, "/brand", "Read the brand book"),
        new("Our values and our voice", """
            Four values guide what we do:

            1. **Ride with the customer**
            2. **Built to last**
            3. **One team from frame to doorstep**
            4. **Say it straight**

            We talk like a good mechanic: clear, warm and straight. Give the rider a time ("the technician will be with you on
            Thursday between 9 and 11"), never "as soon as possible". Say sorry once, plainly, and say what you will do about it.
            """, "/brand", "Tone of voice and do's and don'ts"),
        new("Where customers meet us", """
            A touchpoint is any moment a rider or dealer meets Brightwheel. Each has its own promise:

            - **Phone support line** — we pick up, we own it, we call back.
            - **Delivery at the door** — the bike arrives when we said, ready to ride, and the box leaves with us.
            - **Field repair visit** — we fix it right the first time and leave the place cleaner than we found it.
            - **Invoices and payment reminders** — clear, correct and never a surprise.
            - **Social media replies** — in public, like we would face to face: quickly, kindly and with our name.
            """, "/touchpoints", "All our touchpoints"),
        new("The plan's goals", """
            Our internal-marketing plan for 2027 has four goals:

            1. Every employee can state our brand promise.
            2. Faster handover from Logistics to Customer Service.
            3. Recognise good service weekly.
            4. Frontline staff hear news first.

            This course is part of the first goal: after it, you can state the promise and what it means in your job.
            """, "/plan", "Read the plan"),
    ];

    private static readonly DemoQuestion[] BrandQuiz =
    [
        new(QuestionKind.SingleChoice, "What is our brand promise?",
        [
            ("Every ride starts with someone who cares.", true, "Yes — and it holds at every touchpoint."),
            ("The cheapest bike on the market.", false, "We compete on care and quality, not on price."),
            ("Fast bikes for fast people.", false, null),
        ], "Our promise is: every ride starts with someone who cares."),
        new(QuestionKind.MultipleChoice, "Which of these are company values? Choose all that apply.",
        [
            ("Ride with the customer", true, null),
            ("Built to last", true, null),
            ("Sell the most expensive bike", false, "No: a test ride ends with the rider on the right bike, not the most expensive one."),
            ("Say it straight", true, null),
        ], "Our values: ride with the customer, built to last, one team from frame to doorstep, say it straight."),
        new(QuestionKind.TrueFalse, "When we deliver a bike at the door, we take the packaging away.",
            [("True", true, null), ("False", false, null)], "The box leaves with us: it is part of the delivery promise."),
        new(QuestionKind.SingleChoice, "A rider asks when their repaired wheel will ship. What do you say?",
        [
            ("\"Your wheel ships tomorrow.\"", true, "Right: give the rider a time."),
            ("\"As soon as possible.\"", false, "Promising \"as soon as possible\" leaves the rider guessing."),
            ("\"That's not my department.\"", false, "Pass the question on and tell the rider who will call back."),
        ], null),
        new(QuestionKind.ShortAnswer, "How many goals does our internal-marketing plan for 2027 have? (a number)",
            [("4", true, "Yes: the promise, the handover, recognition and frontline news."), ("four", true, null)],
            "The plan has four goals."),
        new(QuestionKind.TrueFalse, "Another team can wait: they are only internal.",
            [("True", false, null), ("False", true, "Right: the colleague who needs something from you is your customer.")],
            "Treat the colleague who needs something from you as your customer."),
    ];

    private static readonly DemoLesson[] InternalLessons =
    [
        new("Who serves whom", """
            Every department is a customer of another. Our chain to the rider runs
            **Logistics → Customer Service → Field Service**, and **R&D → Production → Logistics** before it.

            - Logistics gives Customer Service stock levels, dispatch dates and tracking numbers; Customer Service needs to know
              before the customer does when an order will be late.
            - Customer Service gives Field Service complete repair requests with a booked visit window; Field Service needs the
              right part on the van and no double bookings.
            """, "/internal-customers", "The internal-customer map"),
        new("Serving in both directions", """
            Service flows both ways. Field Service sends visit reports back to Customer Service by the end of the visit day, and
            Customer Service passes address changes to Logistics within one working hour.

            As a lead, agree these expectations with the other team's lead, check them monthly and thank the people who keep
            them.
            """, "/internal-customers", "See every service edge"),
    ];

    private static readonly DemoQuestion[] InternalQuiz =
    [
        new(QuestionKind.SingleChoice, "Which department is Customer Service's supplier of tracking numbers?",
        [
            ("Logistics", true, null),
            ("R&D", false, null),
            ("Field Service", false, null),
        ], "Logistics delivers stock levels, dispatch dates and tracking numbers to Customer Service."),
        new(QuestionKind.TrueFalse, "Internal service only flows one way, from a supplier department to its customer department.",
            [("True", false, null), ("False", true, "Right: Field Service also reports back to Customer Service.")],
            "Service flows in both directions."),
        new(QuestionKind.ShortAnswer, "Within how many working hours are address changes passed to Logistics? (a number)",
            [("1", true, null), ("one", true, null)], "Address changes are passed on within 1 working hour."),
    ];

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<Course>().AnyAsync(c => c.Title == BrandCourse || c.Title == InternalCourse, ct))
        {
            return false;
        }
        var email = $"comms@{DemoCompany.Domain}".ToUpperInvariant();
        var owner = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return false;
        }
        var leads = await LeadsGroupAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await AddCourseAsync(db, owner, now, BrandCourse,
            "Brightwheel's promise, values and tone of voice, the moments where customers meet us, and the goals of our plan. "
            + "About 20 minutes, on your phone or at a desk.", 20, AudienceRule.EveryoneInternal(), BrandLessons, BrandQuiz, maxAttempts: 3, ct);
        await AddCourseAsync(db, owner, now, InternalCourse,
            "For department leads and managers: who serves whom inside Brightwheel, what each team needs from the other, and how to "
            + "keep the promises between teams.", 15, new AudienceRule { Include = [new AudienceClause { Groups = [leads] }] }, InternalLessons,
            InternalQuiz, maxAttempts: 3, ct);
        return true;
    }

    /// <summary>A group of everyone who manages someone: the audience of the internal-customer course.</summary>
    private static async Task<int> LeadsGroupAsync(InwardDbContext db, CancellationToken ct)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Name == LeadsGroup, ct);
        if (group is not null)
        {
            return group.Id;
        }
        group = new Group { Name = LeadsGroup, Description = "Everyone with direct reports." };
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        var managers = await db.Employees.Where(e => e.IsActive && e.ManagerId != null).Select(e => e.ManagerId!.Value).Distinct().ToListAsync(ct);
        db.GroupMembers.AddRange(managers.Select(m => new GroupMember { GroupId = group.Id, EmployeeId = m }));
        await db.SaveChangesAsync(ct);
        return group.Id;
    }

    private static async Task AddCourseAsync(InwardDbContext db, string owner, DateTime now, string title, string description, int minutes,
        AudienceRule audience, DemoLesson[] lessons, DemoQuestion[] questions, int maxAttempts, CancellationToken ct)
    {
        var course = new Course
        {
            Title = title, Description = description, OwnerUserId = owner, EstimatedMinutes = minutes, Languages = "en",
            AudienceJson = audience.ToJson(), Status = CourseStatus.Published, RecertifyMonths = 12, CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(course);
        await db.SaveChangesAsync(ct);
        db.AddRange(lessons.Select((l, i) => new Lesson
        {
            CourseId = course.Id, SortOrder = i + 1, Title = l.Title, Body = l.Body, LinkPath = l.Link, LinkLabel = l.LinkLabel,
            CreatedUtc = now, UpdatedUtc = now,
        }));
        var quiz = new Quiz { CourseId = course.Id, PassMarkPercent = 80, MaxAttempts = maxAttempts, UpdatedUtc = now };
        db.Add(quiz);
        await db.SaveChangesAsync(ct);
        db.AddRange(questions.Select((q, i) => new QuizQuestion
        {
            QuizId = quiz.Id, SortOrder = i + 1, Kind = q.Kind, Text = q.Text, IncorrectFeedback = q.Wrong,
            Options = [.. q.Options.Select((o, j) => new QuizOption { SortOrder = j + 1, Text = o.Text, IsCorrect = o.Correct, Feedback = o.Feedback })],
        }));
        await db.SaveChangesAsync(ct);
    }
}
