using System.Globalization;
using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Playbook;

/// <summary>
/// The playbook wizard: one form with the company's defaults; posting it shows the proposal (nothing is saved), and
/// "Create draft plan" posts the same answers again to save the proposal as a draft plan.
/// </summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class PlaybookPageModel(PlaybookService playbook, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public PlaybookAnswers Input { get; set; } = new();
    public PlaybookCompany Company { get; private set; } = new("", "", 0, 0, []);
    public PlaybookView? Proposal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Company = await playbook.CompanyAsync(ct);
        Input = playbook.Defaults(Company);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Company = await playbook.CompanyAsync(ct);
        if (await ProfileAsync(ct) is { } profile)
        {
            Proposal = PlaybookView.Of(PlaybookService.Propose(profile), t);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await ProfileAsync(ct) is not { } profile)
        {
            Company = await playbook.CompanyAsync(ct);
            return Page();
        }
        var plan = await playbook.CreateDraftPlanAsync(PlaybookService.Propose(profile), PeopleQueries.EmployeeIdOf(User), ct);
        return Redirect($"/plans/{plan.Id}");
    }

    /// <summary>The validated profile, or null with the errors in ModelState (the form's, not the binder's).</summary>
    private async Task<PlaybookProfile?> ProfileAsync(CancellationToken ct)
    {
        // Numbers and dates come from type=number and type=date inputs, which always send the invariant format
        // (12.5, 2025-03-17), whatever the page's language; the binder would read them in the UI culture.
        ModelState.Clear();
        Input.BudgetPerEmployee = decimal.TryParse(Field(nameof(PlaybookAnswers.BudgetPerEmployee)), NumberStyles.Number,
            CultureInfo.InvariantCulture, out var budget) ? budget : null;
        Input.StartsOn = DateOnly.TryParseExact(Field(nameof(PlaybookAnswers.StartsOn)), "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null;
        var (profile, errors) = await playbook.ValidateAsync(Input, ct);
        foreach (var e in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{e.Field}", e.Message.Render(t));
        }
        return profile;
    }

    private string Field(string name) => Request.Form[$"{nameof(Input)}.{name}"].ToString().Trim();

    public static string Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
