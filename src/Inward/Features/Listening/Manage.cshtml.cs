using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Listening;

/// <summary>/surveys/manage (ManageSurveys): every survey, and a new one, blank or from a template (a draft to edit before launch).</summary>
[RequireCapability(Capability.ManageSurveys)]
public sealed class ManageSurveysModel(InwardDbContext db, SurveyAuthoring authoring, SurveyResults results, IStringLocalizer<Strings> t) : PageModel
{
    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Template { get; set; } = "";
        /// <summary>"anonymous" or "named".</summary>
        public string Privacy { get; set; } = "anonymous";
        /// <summary>True: the advisory panel's survey (its members are asked at launch).</summary>
        public bool Panel { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Survey> Surveys { get; private set; } = [];
    /// <summary>How many have answered each survey; a count from 1 to k − 1 is not shown (see <see cref="Shown"/>).</summary>
    public Dictionary<int, int> Responses { get; private set; } = [];
    public int Threshold { get; private set; } = AnonymityGuard.DefaultThreshold;

    /// <summary>
    /// The answer count of a survey as the list shows it: small counts are hidden like every other figure under k, so
    /// watching this list while one person submits tells nothing about a handful of respondents.
    /// </summary>
    public int? Shown(int surveyId) => Responses.GetValueOrDefault(surveyId) is var n && (n == 0 || AnonymityGuard.MayShow(n, Threshold)) ? n : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var template = SurveyTemplates.Find(Input.Template);
        if (!string.IsNullOrEmpty(Input.Template) && template is null)
        {
            ModelState.AddModelError("Input.Template", t["There is no template “{0}”.", Input.Template]);
        }
        if (Input.Privacy is not ("anonymous" or "named"))
        {
            ModelState.AddModelError("Input.Privacy", t["Choose whether the survey is anonymous or named."]);
        }
        var title = string.IsNullOrWhiteSpace(Input.Title) ? template?.Title ?? "" : Input.Title;
        var definition = new SurveyDefinition(title, template?.Description ?? "", Input.Privacy != "named", AudienceRule.EveryoneInternal(), null, null,
            template is null ? [] : SurveyAuthoring.SectionsOf(template));
        var (expanded, templateErrors) = await authoring.ExpandTemplateAsync(definition, template?.Key, ct);
        definition = expanded;
        foreach (var e in templateErrors)
        {
            ModelState.AddModelError("Input.Template", t[e.Message, e.Arguments]);
        }
        foreach (var e in await authoring.CheckAsync(definition, ct))
        {
            ModelState.AddModelError(e.Field == "title" ? "Input.Title" : "", t[e.Message, e.Arguments]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var id = await authoring.CreateAsync(User, definition, template?.Key, ct, Input.Panel);
        return Redirect($"/surveys/{id}/edit");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Surveys = await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(ct);
        Threshold = await results.ThresholdAsync(ct);
        Responses = await db.Set<SurveyParticipation>().AsNoTracking().GroupBy(p => p.SurveyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
