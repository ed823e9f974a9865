using Inward.Features.Settings;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Brand;

/// <summary>One published version, current or earlier; an unknown number is 404.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class BrandVersionModel(BrandBooks books, CompanyProfile company) : BrandBookPage(books, company)
{
    public async Task<IActionResult> OnGetAsync(int n) => await ShowAsync(await Books.VersionAsync(n, HttpContext.RequestAborted), missingIsNotFound: true);
}
