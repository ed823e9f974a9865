using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Brand;

/// <summary>Brightwheel Cycles' published brand book (version 1), written as the communicator.</summary>
internal sealed class BrandDemoContent(BrandBooks books) : IDemoContent
{
    public string Name => "brand book";
    public int Order => 10;

    public static readonly BrandContent Book = new(
        "Every ride starts with someone who cares.",
        "We build bicycles that last and look after the people who ride them: from the first weld in Gdańsk to the last "
            + "adjustment at a rider's door, every one of us is part of the ride.",
        "By 2030, the bike brand riders recommend first **because of the people behind it**: the easiest to buy from, the "
            + "quickest to fix and the most honest to deal with.",
        """
        We talk like a good mechanic: **clear, warm and straight**.

        - Short sentences, plain words; explain a technical term the first time you use it.
        - Say what will happen next and when ("your wheel ships tomorrow"), never just "we are looking into it".
        - Own mistakes in the first sentence, then fix them.
        - Friendly, never cute: no jokes about a customer's problem.
        - The same voice on the phone, in an e-mail, on an invoice and in the workshop.
        """,
        [
            new("Give the rider a time: \"The technician will be with you on Thursday between 9 and 11.\"", "Promise \"as soon as possible\" and hope nobody asks again."),
            new("Say sorry once, plainly, and say what you will do about it.", "Blame the courier, the supplier or \"the system\"."),
            new("Explain in plain words: \"The chain is worn and will slip under load.\"", "Hide behind jargon: \"Drivetrain wear exceeds tolerance.\""),
            new("Pass a question to the right colleague and tell the customer who will call back.", "Say \"that's not my department\"."),
            new("Treat the colleague who needs something from you as your customer.", "Make another team wait because \"they are only internal\"."),
        ],
        [
            new("Our story in one minute", "Brightwheel Cycles started in a Gdańsk garage. Today we design, build, ship and repair bicycles "
                + "across Europe, and riders still call us by our first names. Keep it that way."),
        ]);

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<BrandBookVersion>().AnyAsync(ct))
        {
            return false;
        }
        var email = $"comms@{DemoCompany.Domain}".ToUpperInvariant();
        var comms = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email)
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        var (outcome, _) = await books.PublishAsync(Book, "First edition of our brand book.", comms?.Id, comms?.DisplayName, ct);
        return outcome == PublishOutcome.Published;
    }
}
