using System.Globalization;
using Inward.Features.People;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Wins;

/// <summary>Log a win (/wins/new, anyone internal) or edit one's own (/wins/{id}/edit; others get 403). Nothing is saved on error.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class WinEditorModel(WinLog wins, PeopleQueries people, IStringLocalizer<Strings> t) : PageModel
{
    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Kind { get; set; } = nameof(WinKind.ContractSigned);
        public string Description { get; set; } = "";
        public string WonOn { get; set; } = "";
        public string People { get; set; } = "";
        public List<int> Departments { get; set; } = [];
        public string Evidence { get; set; } = "";
        public string EvidenceUrl { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyList<DepartmentNode> AllDepartments { get; private set; } = [];

    private int? RouteId() =>
        int.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Id = RouteId();
        if (Id is { } id)
        {
            if (await wins.GetAsync(id, ct) is not { } win)
            {
                return NotFound();
            }
            if (!WinLog.IsAuthor(User, win))
            {
                return Forbid();
            }
            Input = new InputModel
            {
                Title = win.Title, Kind = win.Kind.ToString(), Description = win.Description,
                WonOn = win.WonOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), People = string.Join(", ", win.People.Select(p => p.Name)),
                Departments = [.. win.Departments.Select(d => d.Id)], Evidence = win.Evidence ?? "", EvidenceUrl = win.EvidenceUrl ?? "",
            };
        }
        else
        {
            Input.WonOn = wins.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        AllDepartments = await people.DepartmentsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Id = RouteId();
        if (Id is { } id)
        {
            if (await wins.GetAsync(id, ct) is not { } existing)
            {
                return NotFound();
            }
            if (!WinLog.IsAuthor(User, existing))
            {
                return Forbid();
            }
        }
        ModelState.Clear();
        var (personIds, personErrors) = WinRules.ResolvePeople(Input.People, await wins.DirectoryAsync(ct));
        var input = new WinInput(Input.Title, Input.Kind, Input.Description, Input.WonOn, Input.Evidence, Input.EvidenceUrl);
        var (change, errors) = await wins.CheckAsync(input, personIds, Input.Departments, ct);
        foreach (var error in personErrors.Concat(errors))
        {
            ModelState.AddModelError($"Input.{error.Field}", t[error.Message, error.Arguments]);
        }
        if (change is null || !ModelState.IsValid)
        {
            AllDepartments = await people.DepartmentsAsync();
            return Page();
        }
        int winId;
        if (Id is { } editId)
        {
            await wins.UpdateAsync(editId, change, ct);
            winId = editId;
        }
        else
        {
            winId = await wins.CreateAsync(User, change, ct);
        }
        TempData["Saved"] = Id is null ? t["Win logged. Thank you!"].Value : t["Saved."].Value;
        return Redirect($"/wins/{winId.ToString(CultureInfo.InvariantCulture)}");
    }
}
