using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Webhooks;

/// <summary>/settings/webhooks: Slack and Teams incoming webhooks that hear about new posts; add, edit, delete, test.</summary>
[RequireCapability(Capability.ManageSettings)]
public sealed partial class SettingsModel(WebhookStore store, WebhookSender sender, InwardDbContext db, IStringLocalizer<Strings> t,
    ILogger<SettingsModel> logger) : PageModel
{
    [BindProperty] public WebhookInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<WebhookView> Webhooks { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public WebhookView? Editing { get; private set; }
    public string? TestResult { get; private set; }
    public bool TestFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Edit is { } id)
        {
            Editing = Webhooks.FirstOrDefault(w => w.Id == id);
            if (Editing is null)
            {
                return NotFound();
            }
            Input = new WebhookInput { Name = Editing.Name, Kind = Editing.Kind.ToString(), DepartmentId = Editing.DepartmentId };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var outcome = await store.SaveAsync(Edit, Input);
        if (outcome.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Ok)
        {
            foreach (var e in outcome.Errors)
            {
                ModelState.AddModelError($"Input.{e.Field}", t[e.Message]);
            }
            await LoadAsync();
            Editing = Edit is { } id ? Webhooks.FirstOrDefault(w => w.Id == id) : null;
            return Page();
        }
        return RedirectToPage(new { Done = "saved", Edit = (int?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id) =>
        await store.DeleteAsync(id) ? RedirectToPage(new { Done = "deleted", Edit = (int?)null }) : NotFound();

    public async Task<IActionResult> OnPostTestAsync(int id)
    {
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id);
        if (endpoint is null)
        {
            return NotFound();
        }
        try
        {
            await sender.SendAsync(endpoint.Kind, endpoint.Url,
                new WebhookMessage(t["Test message from Inward"], t["If you can read this, new posts will arrive here."], $"{Request.Scheme}://{Request.Host}/news", t["Open in Inward"]),
                HttpContext.RequestAborted);
            TestResult = t["The test message was delivered to {0}.", endpoint.Name];
        }
        catch (Exception e) when (e is WebhookTargetRefusedException or WebhookDeliveryException or HttpRequestException or TaskCanceledException)
        {
            LogTestFailed(logger, endpoint.Id, e);
            TestFailed = true;
            TestResult = e switch
            {
                WebhookTargetRefusedException => t["The test message was not sent: the address is on a private or local network."],
                WebhookDeliveryException d => t["The webhook refused the test message: {0}", d.Message],
                _ => t["The webhook could not be reached."],
            };
        }
        Edit = null;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Webhooks = await store.ListAsync();
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test message to webhook {Id} failed.")]
    private static partial void LogTestFailed(ILogger logger, int id, Exception e);
}
