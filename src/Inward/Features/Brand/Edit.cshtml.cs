using System.Security.Claims;
using Inward.Features.Settings;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Brand;

/// <summary>Editors change the draft, preview it and publish it as a new version with a change note.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class BrandEditModel(BrandBooks books, CompanyProfile company, IStringLocalizer<Strings> T) : PageModel
{
    /// <summary>Empty rows offered below the filled ones, so a form without JavaScript can grow.</summary>
    public const int SpareExampleRows = 3;
    public const int SpareSectionRows = 2;

    [BindProperty] public BrandBookForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public int? Number { get; set; }
    public BrandContent? Preview { get; private set; }
    public CompanyProfileView Company { get; private set; } = null!;
    public IReadOnlyList<BrandVersionSummary> Versions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input = BrandBookForm.From(await books.DraftAsync(HttpContext.RequestAborted));
        await LoadAsync();
    }

    /// <summary>Saves the draft; employees still see the published version.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var content = BrandRules.Normalise(Input);
        if (!Check(BrandRules.Validate(content)))
        {
            await LoadAsync();
            return Page();
        }
        await books.SaveDraftAsync(content, User.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted);
        return RedirectToPage(new { done = "saved" });
    }

    /// <summary>Shows the posted form as employees would see it, without saving anything.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var content = BrandRules.Normalise(Input);
        if (Check(BrandRules.Validate(content)))
        {
            Preview = content;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var content = BrandRules.Normalise(Input);
        var valid = Check(BrandRules.Validate(content));
        valid = Check(BrandRules.ValidateChangeNote(Input.ChangeNote)) && valid;
        if (valid)
        {
            var (outcome, number) = await books.PublishAsync(content, Input.ChangeNote!, User.FindFirstValue(ClaimTypes.NameIdentifier),
                User.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim), HttpContext.RequestAborted);
            if (outcome == PublishOutcome.Published)
            {
                return RedirectToPage(new { done = "published", number });
            }
            ModelState.AddModelError("", T["Someone else published the brand book at the same moment. Check the latest version and publish again."]);
        }
        await LoadAsync();
        return Page();
    }

    private bool Check(List<BrandProblem> problems)
    {
        foreach (var p in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{p.Field}", T[p.Message, p.Args]);
        }
        return problems.Count == 0;
    }

    private async Task LoadAsync()
    {
        Company = await company.GetAsync();
        Versions = await books.VersionsAsync(HttpContext.RequestAborted);
        while (Input.Examples.Count(r => string.IsNullOrWhiteSpace(r.Do) && string.IsNullOrWhiteSpace(r.Dont)) < SpareExampleRows
            && Input.Examples.Count < BrandRules.MaxExamples + SpareExampleRows)
        {
            Input.Examples.Add(new BrandBookForm.ExampleRow());
        }
        while (Input.Sections.Count(r => string.IsNullOrWhiteSpace(r.Title) && string.IsNullOrWhiteSpace(r.Body)) < SpareSectionRows
            && Input.Sections.Count < BrandRules.MaxSections + SpareSectionRows)
        {
            Input.Sections.Add(new BrandBookForm.SectionRow());
        }
    }
}
