using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Inward.Features.Settings;

/// <summary>Read-mostly view of the company settings used on every page (name, colours, logo, threshold).</summary>
public sealed record CompanyProfileView(string Name, string PrimaryColour, string AccentColour, bool HasLogo, string? LogoFile,
    IReadOnlyList<string> Values, string DefaultLanguage, string Currency, int AnonymityThreshold, string Version);

/// <summary>Caches the settings for a short time; saving settings evicts the cache.</summary>
public sealed class CompanyProfile(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string Key = "company-profile";

    public async Task<CompanyProfileView> GetAsync()
    {
        if (cache.TryGetValue(Key, out CompanyProfileView? view) && view is not null)
        {
            return view;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var s = await db.CompanySettings.AsNoTracking().SingleOrDefaultAsync() ?? new CompanySettings();
        view = new CompanyProfileView(s.Name, s.PrimaryColour, s.AccentColour, s.LogoFile is not null, s.LogoFile, s.ValueList,
            s.DefaultLanguage, s.Currency, s.AnonymityThreshold,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes($"{s.Name}|{s.PrimaryColour}|{s.AccentColour}|{s.LogoFile}")))[..12]);
        cache.Set(Key, view, TimeSpan.FromSeconds(30));
        return view;
    }

    public void Invalidate() => cache.Remove(Key);
}
