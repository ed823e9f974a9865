using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Panel;

/// <summary>
/// /panel: members and HR see the members, threads and input record; the invited see their invitation; everyone else gets 403.
/// HR nominates, removes, records input and its outcome; members and HR start threads.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class PanelIndexModel(PanelDesk panel, PanelSurveys surveys, IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>The viewer's own panel surveys (members).</summary>
    public IReadOnlyList<Listening.MySurvey> MySurveys { get; private set; } = [];
    /// <summary>Every panel survey, for those who manage surveys.</summary>
    public IReadOnlyList<PanelSurveyView> AllSurveys { get; private set; } = [];
    public bool ManagesSurveys => User.Has(Capability.ManageSurveys);

    public PanelViewer Viewer { get; private set; } = null!;
    public PanelOverview? Overview { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Employees { get; private set; } = [];
    [BindProperty] public int EmployeeId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostNominateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Viewer.IsHr)
        {
            return Forbid();
        }
        var error = await panel.NominateAsync(Viewer, EmployeeId, Reason, ct);
        return await AfterAsync(error is null ? [] : [error], "Invitation sent.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int member, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Viewer.IsHr)
        {
            return Forbid();
        }
        return await panel.RemoveAsync(member, ct) ? await AfterAsync([], "Saved.", ct) : NotFound();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => await RespondAsync(true, ct);

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => await RespondAsync(false, ct);

    public async Task<IActionResult> OnPostTopicAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Viewer.CanRead)
        {
            return Forbid();
        }
        var (id, errors) = await panel.CreateTopicAsync(Viewer, Title, Text, ct);
        return id is { } topicId ? Redirect($"/panel/topics/{topicId.ToString(System.Globalization.CultureInfo.InvariantCulture)}") : await AfterAsync(errors, "", ct);
    }

    public async Task<IActionResult> OnPostInputAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Viewer.IsHr)
        {
            return Forbid();
        }
        var (_, errors) = await panel.RecordInputAsync(Title, Text, ct);
        return await AfterAsync(errors, "Saved.", ct);
    }

    public async Task<IActionResult> OnPostUpdateInputAsync(int input, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Viewer.IsHr)
        {
            return Forbid();
        }
        var (found, error) = await panel.UpdateInputAsync(input, Status, Outcome, ct);
        return found ? await AfterAsync(error is null ? [] : [error], "Saved.", ct) : NotFound();
    }

    private async Task<IActionResult> RespondAsync(bool accept, CancellationToken ct)
    {
        Viewer = await panel.ViewerAsync(User, ct);
        return await panel.RespondAsync(Viewer, accept, ct) ? await AfterAsync([], accept ? "Welcome to the panel!" : "Saved.", ct) : NotFound();
    }

    /// <summary>Errors: the page again with them; success: back to the page with a note.</summary>
    private async Task<IActionResult> AfterAsync(List<PanelError> errors, string saved, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Saved"] = t[saved].Value;
            return Redirect("/panel");
        }
        ModelState.Clear();
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, t[error.Message, error.Arguments]);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>False when the viewer may not see the page at all (neither HR, nor a member, nor invited).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Viewer = await panel.ViewerAsync(User, ct);
        if (Viewer.CanRead)
        {
            Overview = await panel.OverviewAsync(ct);
        }
        if (Viewer.IsHr)
        {
            Employees = await panel.EmployeesAsync(ct);
        }
        if (Viewer.Membership == PanelMembership.Member && Viewer.EmployeeId is { } me)
        {
            MySurveys = await surveys.ForMemberAsync(me, ct);
        }
        if (Viewer.CanRead && ManagesSurveys)
        {
            AllSurveys = await surveys.AllAsync(ct);
        }
        return Viewer.CanRead || Viewer.Membership == PanelMembership.Invited;
    }
}
