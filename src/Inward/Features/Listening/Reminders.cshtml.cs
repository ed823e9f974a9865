using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Inward.Features.Listening;

/// <summary>
/// /surveys/{id}/reminders (ManageSurveys): the automatic reminder policy, the rounds so far (day and a count that passes
/// the anonymity rule) and "Remind non-respondents now", once a day. Never a list of people.
/// </summary>
[RequireCapability(Capability.ManageSurveys)]
public sealed class RemindersModel(InwardDbContext db, SurveyReminders reminders, IOptions<SurveyReminderOptions> options, TimeProvider clock,
    IStringLocalizer<Strings> t) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<ReminderRoundView> Rounds { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public bool RemindedToday { get; private set; }
    public int DaysBefore => options.Value.ReminderDaysBefore;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (outcome, round) = await reminders.RemindNowAsync(id, ct);
        switch (outcome)
        {
            case RemindOutcome.NotFound:
                return NotFound();
            case RemindOutcome.NotOpen:
                ModelState.AddModelError("", t["This survey does not take answers now, so nobody is reminded."]);
                break;
            case RemindOutcome.AlreadyToday:
                ModelState.AddModelError("", t["Non-respondents of this survey were already reminded today. Please try again tomorrow."]);
                break;
            default:
                TempData["Saved"] = round!.Reminded is { } n
                    ? t["Reminders sent to {0} people who have not answered yet.", n].Value
                    : t["Reminders sent. The number is hidden: it is too small to show without narrowing a group below the anonymity threshold."].Value;
                return Redirect($"/surveys/{id}/reminders");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } survey)
        {
            return false;
        }
        Survey = survey;
        Rounds = await reminders.RoundsAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        IsOpen = SurveyRules.Window(survey.Status, survey.OpensUtc, survey.ClosesUtc, now) == SurveyWindow.Open;
        var today = SurveyReminderRules.ManualRound(DateOnly.FromDateTime(now));
        RemindedToday = Rounds.Any(r => r.Round == today);
        return true;
    }
}
