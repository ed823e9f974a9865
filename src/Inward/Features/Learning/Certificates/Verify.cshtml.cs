using Inward.Features.Learning.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Inward.Features.Learning.Certificates;

/// <summary>
/// Public verification of a certificate: name, course, date and validity, nothing more. Only an exact 128-bit public id
/// finds one; anything else is 404, and requests are rate-limited per address, so ids cannot be enumerated.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Platform.Web.WebSetup.ApiLimit)]
public sealed class VerifyModel(LearningRecords records) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken ct)
    {
        if (await records.CertificateAsync(publicId, ct) is not { } certificate)
        {
            return NotFound();
        }
        Certificate = certificate;
        return Page();
    }
}
