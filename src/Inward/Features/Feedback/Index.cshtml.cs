using System.Globalization;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Feedback;

/// <summary>/feedback: write a card (anyone internal). Nothing is saved on error; over the daily limit the form says so.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class FeedbackIndexModel(FeedbackDesk desk, FeedbackInboxKeys keys, IStringLocalizer<Strings> t) : PageModel
{
    public sealed class InputModel
    {
        public string Category { get; set; } = nameof(FeedbackCategory.Other);
        public string Recipient { get; set; } = nameof(FeedbackRecipient.HR);
        public int? DepartmentId { get; set; }
        public string Text { get; set; } = "";
        public bool Anonymous { get; set; } = true;
        public bool OnBoard { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public bool IsRecipient { get; private set; }
    /// <summary>
    /// How many of the viewer's own cards (anonymous ones too) have an answer waiting for them. Worked out in this request from
    /// the viewer's inbox key, never stored: the anonymous author's only notification (docs/adr/0017).
    /// </summary>
    public int NewAnswers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The inbox secrets are made here, before anyone writes, so their creation is not tied to the moment a card is sent.
        await keys.EnsureAllAsync(ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (change, errors) = await desk.CheckAsync(new CardInput(Input.Category, Input.Recipient, Input.DepartmentId, Input.Text, Input.Anonymous,
            Input.OnBoard), ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", t[error.Message, error.Arguments]);
        }
        if (change is not null)
        {
            if (await desk.CreateAsync(await desk.ViewerAsync(User, ct), change, ct) is { } id)
            {
                TempData["Saved"] = t["Thank you! Your card was sent. You will find the answers in My cards."].Value;
                return Redirect($"/feedback/cards/{id.ToString(CultureInfo.InvariantCulture)}");
            }
            ModelState.AddModelError("", t["You can send at most {0} feedback cards a day. Please try again tomorrow.", FeedbackRules.CardsPerDay]);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Departments = await desk.DepartmentsAsync(ct);
        var viewer = await desk.ViewerAsync(User, ct);
        IsRecipient = viewer.IsRecipient;
        NewAnswers = (await desk.MyCardsAsync(viewer, ct)).Count(c => c.AwaitsAuthor);
    }
}
