using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Touchpoints;

/// <summary>"What is expected of me": the signed-in employee's role expectation card on the home page.</summary>
public sealed class ExpectationsHomeCard : ViewComponent
{
    public IViewComponentResult Invoke() => Content("");
}
