using Inward.Features.Learning.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning.Certificates;

/// <summary>
/// A certificate as a printable page (the browser prints it or saves it as PDF). The holder, their managers and
/// ManageLearning may open it; anyone else gets 404, like an unknown id.
/// </summary>
[Authorize(Policy = LearningAssignmentsModule.LearnerPolicy)]
public sealed class CertificateModel(LearningRecords records) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken ct)
    {
        if (await records.CertificateAsync(publicId, ct) is not { } certificate || !await records.MayViewAsync(User, certificate))
        {
            return NotFound();
        }
        Certificate = certificate;
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/verify/{certificate.PublicId}";
        return Page();
    }
}
