using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Listening.Pulses;

/// <summary>What the recurrence card shows: the survey, its series if any, and the form's values; <see cref="From"/> "trends" when shown there.</summary>
public sealed record RecurrenceSectionModel(int SurveyId, SurveyStatus Status, PulseInfo? Info, string Cadence, int OpenDays, string? From = null);

/// <summary>
/// /surveys/{id}/recurrence (ManageSurveys): make a draft a recurring pulse (or a one-off again), change the cadence and
/// days open of a running series for its cycles to come, and stop a series. The edit and trends pages show the same card
/// (<see cref="RecurrenceSection"/>); this page answers its forms and shows their errors.
/// </summary>
[RequireCapability(Capability.ManageSurveys)]
public sealed class RecurrenceModel(PulseCycles pulses, SurveyResponding responding, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public string? Cadence { get; set; }
    [BindProperty] public int? OpenDays { get; set; }
    /// <summary>"trends": the form was on the trends page, so a saved change goes back there.</summary>
    [BindProperty] public string? From { get; set; }
    public string Title { get; private set; } = "";
    public RecurrenceSectionModel Section { get; private set; } = null!;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await responding.FormAsync(id, ct) is not { } form)
        {
            return false;
        }
        Title = form.Survey.Title;
        var info = await pulses.ForSurveyAsync(id, ct);
        Section = new RecurrenceSectionModel(id, form.Survey.Status, info, Cadence ?? info?.Cadence.ToString() ?? "none",
            OpenDays ?? info?.OpenDays ?? RecurrenceSection.DefaultOpenDays, From == RecurrenceSection.FromTrends ? From : null);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var errors = PulseCycles.Check(Cadence, OpenDays, out var cadence);
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
        }
        if (errors.Count > 0)
        {
            return Page();
        }
        return await pulses.SetRecurrenceAsync(id, cadence, OpenDays ?? 0, User, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Refuse(t["Recurrence is set while the survey is a draft; a launched series can only be stopped."]),
            _ => Saved(id, cadence is null ? t["This survey is a one-off."] : t["Recurrence saved: the next cycles open on their own once the survey is launched."]),
        };
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var (change, errors) = await pulses.ChangeAsync(id, Cadence, OpenDays, ct);
        switch (change)
        {
            case SurveyChange.NotFound:
                return NotFound();
            case SurveyChange.NotDraft or SurveyChange.Invalid:
                foreach (var e in errors)
                {
                    ModelState.AddModelError(e.Field, t[e.Message, e.Arguments]);
                }
                return Page();
        }
        TempData["Saved"] = t["The series is changed: the open cycle keeps its dates, and the next cycles follow the new schedule."].Value;
        return Redirect(From == RecurrenceSection.FromTrends ? $"/surveys/{id}/trends" : $"/surveys/{id}/edit");
    }

    public async Task<IActionResult> OnPostStopAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return await pulses.StopAsync(id, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Refuse(t["This survey is not part of a running series."]),
            _ => Saved(id, t["The series is stopped: no further cycle will open."]),
        };
    }

    private PageResult Refuse(string message)
    {
        ModelState.Clear();
        ModelState.AddModelError("", message);
        return Page();
    }

    private RedirectResult Saved(int id, string message)
    {
        TempData["Saved"] = message;
        return Redirect($"/surveys/{id}/edit");
    }
}

/// <summary>The recurrence card on a survey's edit page.</summary>
public sealed class RecurrenceSection(PulseCycles pulses) : ViewComponent
{
    public const int DefaultOpenDays = 7;
    public const string FromTrends = "trends";

    /// <summary>The card; on the trends page (<paramref name="from"/> "trends") only for a series, as a one-off has nothing to change there.</summary>
    public async Task<IViewComponentResult> InvokeAsync(int surveyId, SurveyStatus status, string? from = null)
    {
        var info = await pulses.ForSurveyAsync(surveyId, HttpContext.RequestAborted);
        if (info is null && from is not null)
        {
            return Content("");
        }
        return View("/Features/Listening/Pulses/_Recurrence.cshtml",
            new RecurrenceSectionModel(surveyId, status, info, info?.Cadence.ToString() ?? "none", info?.OpenDays ?? DefaultOpenDays, from));
    }
}
