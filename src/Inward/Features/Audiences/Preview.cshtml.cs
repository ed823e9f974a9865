using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Audiences;

/// <summary>
/// Build an audience and see how many people it reaches and who the first of them are. Also the count endpoint of the
/// editor's script (?handler=Count): a Razor Page handler, so the antiforgery token of the host form is checked.
/// </summary>
[Authorize(Policy = AudiencesModule.AuthorPolicy)]
public sealed class AudiencePreviewModel(AudienceForms forms, AudienceResolver resolver, IStringLocalizer<Strings> t) : PageModel
{
    public const int NamesShown = 20;

    public AudienceEditorModel Editor { get; private set; } = new();
    public AudiencePreview? Preview { get; private set; }
    public string? RuleJson { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Editor = await forms.EditorAsync(AudienceForms.DefaultPrefix, null, ct: ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rule = await forms.BindAsync(Request.Form, AudienceForms.DefaultPrefix, ModelState, ct);
        if (ModelState.IsValid)
        {
            Preview = await resolver.PreviewAsync(rule, NamesShown, ct);
            RuleJson = rule.ToJson();
        }
        Editor = await forms.EditorAsync(AudienceForms.DefaultPrefix, rule, Preview?.Count, ct);
        return Page();
    }

    /// <summary>The live count: the editor's fields (under the posted prefix) → {count, text} or {errors}.</summary>
    public async Task<IActionResult> OnPostCountAsync(CancellationToken ct)
    {
        var prefix = Request.Form[AudienceForms.PrefixField].ToString();
        if (!AudienceForms.IsValidPrefix(prefix))
        {
            return BadRequest();
        }
        var rule = await forms.BindAsync(Request.Form, prefix, ModelState, ct);
        if (!ModelState.IsValid)
        {
            var errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
            return new JsonResult(new { count = (int?)null, text = string.Join(" ", errors), errors });
        }
        var count = await resolver.CountAsync(rule, ct);
        var text = count == 1 ? t["This reaches 1 person."].Value : t["This reaches {0} people.", count].Value;
        return new JsonResult(new { count = (int?)count, text, errors = Array.Empty<string>() });
    }
}
