using System.Globalization;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Settings;

/// <summary>Company settings: profile, brand, values, language, currency, anonymity threshold (with a second approval to lower it).</summary>
[RequireCapability(Capability.ManageSettings)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class SettingsPageModel(InwardDbContext db, CompanyProfile profile, LogoStore logos, AuditLog audit, CurrentActor actor,
    TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    // Larger than the logo limit, so an oversized logo gets a clear message instead of a bare 413.
    private const long RequestLimit = 4 * LogoImage.MaxBytes;

    public sealed class SettingsForm
    {
        public string? Name { get; set; }
        public string? PrimaryColour { get; set; }
        public string? AccentColour { get; set; }
        public string? Values { get; set; }
        public string? DefaultLanguage { get; set; }
        public string? Currency { get; set; }
        public string? AnonymityThreshold { get; set; }
    }

    public sealed record PendingLowering(int From, int To, string RequestedBy, DateTime RequestedAt, bool CanApprove);

    [BindProperty] public SettingsForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }
    [BindProperty] public bool RemoveLogo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public bool HasLogo { get; private set; }
    public string LogoVersion { get; private set; } = "";
    public int CurrentThreshold { get; private set; }
    public PendingLowering? Pending { get; private set; }

    public async Task OnGetAsync()
    {
        var s = await LoadAsync();
        Input = new SettingsForm
        {
            Name = s.Name,
            PrimaryColour = s.PrimaryColour,
            AccentColour = s.AccentColour,
            Values = s.Values,
            DefaultLanguage = s.DefaultLanguage,
            Currency = s.Currency,
            AnonymityThreshold = s.AnonymityThreshold.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var s = await LoadAsync();
        var k = int.TryParse(Input.AnonymityThreshold?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        var input = new SettingsInput(Input.Name, Input.PrimaryColour?.Trim(), Input.AccentColour?.Trim(), Input.Values,
            Input.DefaultLanguage, Input.Currency, k);
        foreach (var e in SettingsRules.Validate(input))
        {
            ModelState.AddModelError($"{nameof(Input)}.{e.Field}", T[e.Message, e.Arguments]);
        }
        var logo = await CheckLogoAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var oldLogo = s.LogoFile;
        if (logo is not null)
        {
            s.LogoFile = await logos.SaveAsync(logo.Bytes, logo.Extension);
        }
        else if (RemoveLogo)
        {
            s.LogoFile = null;
        }
        s.Name = input.Name!.Trim();
        s.PrimaryColour = input.PrimaryColour!.ToLowerInvariant();
        s.AccentColour = input.AccentColour!.ToLowerInvariant();
        s.Values = string.Join('\n', SettingsRules.ValueLines(input.Values));
        s.DefaultLanguage = input.DefaultLanguage!;
        s.Currency = input.Currency!.Trim().ToUpperInvariant();

        var done = "saved";
        switch (SettingsRules.Classify(s.AnonymityThreshold, k!.Value))
        {
            case ThresholdChange.Raised:
                // A raise protects more; it applies at once and makes an earlier lowering request moot.
                ClearPending(s);
                s.AnonymityThreshold = k.Value;
                break;
            case ThresholdChange.LoweringNeedsApproval:
                s.PendingAnonymityThreshold = k.Value;
                s.PendingThresholdRequestedById = actor.UserId;
                s.PendingThresholdRequestedBy = actor.Name;
                s.PendingThresholdRequestedAt = clock.GetUtcNow().UtcDateTime;
                done = "requested";
                break;
        }
        if (done == "requested")
        {
            await audit.RecordAsync("ThresholdLoweringRequested", nameof(CompanySettings), "1",
                new { AnonymityThreshold = k.Value }, before: new { s.AnonymityThreshold });
        }
        else
        {
            await db.SaveChangesAsync();
        }
        profile.Invalidate();
        if (oldLogo is not null && oldLogo != s.LogoFile)
        {
            logos.Delete(oldLogo);
        }
        return RedirectToPage(new { done });
    }

    public async Task<IActionResult> OnPostApproveAsync()
    {
        var s = await LoadAsync();
        if (s.PendingAnonymityThreshold is not { } pending)
        {
            return RedirectToPage();
        }
        if (!SettingsRules.MayApprove(s.PendingThresholdRequestedById, actor.UserId))
        {
            ModelState.AddModelError("", T["Another administrator must approve lowering the anonymity threshold."]);
            await OnGetAsync();
            return Page();
        }
        var from = s.AnonymityThreshold;
        var requestedBy = s.PendingThresholdRequestedBy;
        s.AnonymityThreshold = pending;
        ClearPending(s);
        await audit.RecordAsync("ThresholdLowered", nameof(CompanySettings), "1",
            new { AnonymityThreshold = pending, RequestedBy = requestedBy, ApprovedBy = actor.Name }, before: new { AnonymityThreshold = from });
        profile.Invalidate();
        return RedirectToPage(new { done = "approved" });
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        var s = await LoadAsync();
        if (s.PendingAnonymityThreshold is { } pending)
        {
            ClearPending(s);
            await audit.RecordAsync("ThresholdLoweringCancelled", nameof(CompanySettings), "1", new { AnonymityThreshold = pending });
        }
        return RedirectToPage(new { done = "cancelled" });
    }

    private static void ClearPending(CompanySettings s)
    {
        s.PendingAnonymityThreshold = null;
        s.PendingThresholdRequestedById = null;
        s.PendingThresholdRequestedBy = null;
        s.PendingThresholdRequestedAt = null;
    }

    private async Task<CompanySettings> LoadAsync()
    {
        var s = await db.CompanySettings.SingleAsync();
        HasLogo = s.LogoFile is not null;
        LogoVersion = (await profile.GetAsync()).Version;
        CurrentThreshold = s.AnonymityThreshold;
        Pending = s.PendingAnonymityThreshold is { } to
            ? new PendingLowering(s.AnonymityThreshold, to, s.PendingThresholdRequestedBy ?? "", s.PendingThresholdRequestedAt ?? default,
                SettingsRules.MayApprove(s.PendingThresholdRequestedById, actor.UserId))
            : null;
        return s;
    }

    private async Task<LogoCheck?> CheckLogoAsync()
    {
        if (Logo is null || Logo.Length == 0)
        {
            return null;
        }
        const string field = nameof(Logo);
        if (Logo.Length > LogoImage.MaxBytes)
        {
            ModelState.AddModelError(field, T["The logo is larger than 1 MB. Choose a smaller image."]);
            return null;
        }
        using var buffer = new MemoryStream((int)Logo.Length);
        await Logo.CopyToAsync(buffer);
        var check = LogoImage.Check(buffer.ToArray());
        var message = check.Problem switch
        {
            LogoProblem.None => null,
            LogoProblem.Empty => "The logo file is empty.",
            LogoProblem.TooLarge => "The logo is larger than 1 MB. Choose a smaller image.",
            LogoProblem.TooManyPixels => "The logo is wider or taller than 4096 pixels. Choose a smaller image.",
            LogoProblem.Malformed => "The logo file is damaged or incomplete.",
            _ => "The logo must be a PNG, JPEG or WebP image (SVG is not accepted).",
        };
        if (message is not null)
        {
            ModelState.AddModelError(field, T[message]);
            return null;
        }
        return check;
    }
}
