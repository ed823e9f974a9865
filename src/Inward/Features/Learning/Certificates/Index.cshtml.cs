using Inward.Features.Learning.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning.Certificates;

/// <summary>My certificates, newest first, with their validity and links to print and to verify.</summary>
[Authorize(Policy = LearningAssignmentsModule.LearnerPolicy)]
public sealed class CertificatesIndexModel(LearningRecords records) : PageModel
{
    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Certificates = await records.CertificatesOfAsync(User, ct);
}
