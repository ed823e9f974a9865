using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Feedback;

/// <summary>A demo account that writes or answers cards.</summary>
internal sealed record DemoAccount(string Email, string Id, int? EmployeeId, string DisplayName);

/// <summary>A handful of cards in different states, some anonymous, two of them on the board (after the plan, order 80).</summary>
internal sealed class FeedbackDemoContent(FeedbackInboxKeys keys, TimeProvider clock) : IDemoContent
{
    public string Name => "feedback";
    public int Order => 80;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<FeedbackCard>().AnyAsync(ct))
        {
            return false;
        }
        var accounts = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.EndsWith("@" + DemoCompany.Domain) && u.EmployeeId != null)
            .Select(u => new DemoAccount(u.Email!, u.Id, u.EmployeeId, u.DisplayName)).ToListAsync(ct);
        var hr = accounts.FirstOrDefault(a => a.Email == $"hr@{DemoCompany.Domain}");
        var manager = accounts.FirstOrDefault(a => a.Email == $"manager@{DemoCompany.Domain}");
        var comms = accounts.FirstOrDefault(a => a.Email == $"comms@{DemoCompany.Domain}");
        var employee = accounts.FirstOrDefault(a => a.Email == $"employee@{DemoCompany.Domain}");
        var logistics = accounts.FirstOrDefault(a => a.Email == $"logistics@{DemoCompany.Domain}");
        var customerService = await db.Set<Department>().Where(d => d.Name == "Customer Service").Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (hr is null || manager is null || comms is null || employee is null || logistics is null || customerService is null)
        {
            return false;
        }
        await keys.EnsureAllAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var rota = await AnonymousAsync(employee.Id, FeedbackCategory.MyJob, FeedbackRecipient.HR, null,
            "The weekend rota is published on Thursday evening, which leaves no time to arrange childcare. Could it come out a week ahead?", 20);
        rota.Status = FeedbackStatus.Planned;
        rota.FirstAnsweredOn = today.AddDays(-17);
        var headsets = Named(employee, FeedbackCategory.Customers, FeedbackRecipient.Department, customerService,
            "Customers on the phone line often hear us badly: **two headsets** in the team crackle. Could we replace them?", 3);
        var intranet = await AnonymousAsync(logistics.Id, FeedbackCategory.InternalMarketing, FeedbackRecipient.PlanOwner, null,
            "Warehouse staff rarely read the intranet on a PC. A printed weekly summary in the break room would reach us.", 40);
        intranet.Status = FeedbackStatus.Done;
        intranet.FirstAnsweredOn = today.AddDays(-36);
        intranet.ClosedOn = today.AddDays(-25);
        intranet.OnBoard = true;
        var parking = Named(comms, FeedbackCategory.CompanyPolicies, FeedbackRecipient.HR, null,
            "Could visitors' parking at the Lyon office be opened to staff after 18:00?", 30);
        parking.Status = FeedbackStatus.Declined;
        parking.FirstAnsweredOn = today.AddDays(-26);
        parking.ClosedOn = today.AddDays(-26);
        parking.OnBoard = true;
        var expenses = await AnonymousAsync(manager.Id, FeedbackCategory.CompanyPolicies, FeedbackRecipient.HR, null,
            "Travel expenses take two months to be reimbursed. That is a lot for junior staff.", 6);
        expenses.Status = FeedbackStatus.UnderReview;
        db.AddRange(rota, headsets, intranet, parking, expenses);
        await db.SaveChangesAsync(ct);

        db.AddRange(
            Reply(rota, "Thank you: we agree. From next month the rota will be published two weeks ahead.", 17, FeedbackStatus.Planned),
            new FeedbackMessage { CardId = rota.Id, FromAuthor = true, Text = "Great news, thank you! Will swaps still be possible?", SentOn = today.AddDays(-15) },
            Reply(rota, "Yes, swaps between colleagues stay possible until the Wednesday before.", 14, null),
            Reply(intranet, "We printed the first weekly summary this week; it now goes up every Monday in the Lyon and Gdańsk break rooms.", 25,
                FeedbackStatus.Done),
            Reply(parking, "The visitors' spaces are leased for visitors only, so we cannot open them; the bike shelter is being doubled instead.", 26,
                FeedbackStatus.Declined),
            Reply(expenses, "We are looking at the approval steps with Finance and will come back to you.", 2, FeedbackStatus.UnderReview));
        await db.SaveChangesAsync(ct);
        return true;

        async Task<FeedbackCard> AnonymousAsync(string userId, FeedbackCategory category, FeedbackRecipient recipient, int? departmentId, string text,
            int daysAgo)
        {
            var salt = FeedbackInboxKeys.NewSalt();
            return new FeedbackCard
            {
                Category = category, Recipient = recipient, DepartmentId = departmentId, Text = text, IsAnonymous = true, AuthorSalt = salt,
                AuthorTag = FeedbackInboxKeys.Tag(await keys.SecretOfAsync(userId, ct), salt), ReceivedOn = today.AddDays(-daysAgo),
            };
        }

        FeedbackCard Named(DemoAccount author, FeedbackCategory category, FeedbackRecipient recipient, int? departmentId, string text, int daysAgo) => new()
        {
            Category = category, Recipient = recipient, DepartmentId = departmentId, Text = text, AuthorUserId = author.Id, AuthorEmployeeId = author.EmployeeId,
            AuthorName = author.DisplayName, ReceivedOn = today.AddDays(-daysAgo),
        };

        FeedbackMessage Reply(FeedbackCard card, string text, int daysAgo, FeedbackStatus? status) => new()
        {
            CardId = card.Id, ResponderUserId = hr.Id, ResponderName = hr.DisplayName, Text = text, SentOn = today.AddDays(-daysAgo), NewStatus = status,
        };
    }
}
