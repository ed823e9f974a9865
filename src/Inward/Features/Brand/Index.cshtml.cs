using Inward.Features.Settings;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Brand;

/// <summary>The brand book as employees see it: the latest published version, or one chosen version.</summary>
public abstract class BrandBookPage(BrandBooks books, CompanyProfile company) : PageModel
{
    protected BrandBooks Books { get; } = books;
    public PublishedBrandBook? Book { get; private set; }
    public CompanyProfileView Company { get; private set; } = null!;
    public IReadOnlyList<BrandVersionSummary> Versions { get; private set; } = [];
    public int LatestNumber => Versions.Count > 0 ? Versions[0].Number : 0;

    protected async Task<IActionResult> ShowAsync(PublishedBrandBook? book, bool missingIsNotFound)
    {
        if (book is null && missingIsNotFound)
        {
            return NotFound();
        }
        Book = book;
        Company = await company.GetAsync();
        Versions = await Books.VersionsAsync(HttpContext.RequestAborted);
        return Page();
    }
}

/// <summary>The latest published version; a friendly note while there is none.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class BrandIndexModel(BrandBooks books, CompanyProfile company) : BrandBookPage(books, company)
{
    public async Task<IActionResult> OnGetAsync() => await ShowAsync(await Books.LatestAsync(HttpContext.RequestAborted), missingIsNotFound: false);
}
