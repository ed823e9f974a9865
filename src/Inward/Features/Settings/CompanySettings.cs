using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Settings;

/// <summary>The single row of company-wide settings (Id is always 1).</summary>
public sealed class CompanySettings : IAudited
{
    public const int MinimumAnonymityThreshold = 3;
    public const int DefaultAnonymityThreshold = 5;

    public int Id { get; set; } = 1;
    public string Name { get; set; } = "Inward";
    /// <summary>Server-generated file name of the uploaded logo under the data directory, if any.</summary>
    public string? LogoFile { get; set; }
    public string PrimaryColour { get; set; } = "#1f5f8b";
    public string AccentColour { get; set; } = "#f2a541";
    /// <summary>Company values, one per line.</summary>
    public string Values { get; set; } = "";
    public string DefaultLanguage { get; set; } = "en";
    public string Currency { get; set; } = "EUR";
    public int AnonymityThreshold { get; set; } = DefaultAnonymityThreshold;

    /// <summary>
    /// A requested lower threshold waiting for a second administrator (SECURITY.md: lowering k needs an audited
    /// second approval). Until approved, <see cref="AnonymityThreshold"/> stays as it was.
    /// </summary>
    public int? PendingAnonymityThreshold { get; set; }
    public string? PendingThresholdRequestedById { get; set; }
    public string? PendingThresholdRequestedBy { get; set; }
    public DateTime? PendingThresholdRequestedAt { get; set; }

    public IReadOnlyList<string> ValueList =>
        Values.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class CompanySettingsConfiguration : IEntityTypeConfiguration<CompanySettings>
{
    public void Configure(EntityTypeBuilder<CompanySettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.LogoFile).HasMaxLength(100);
        b.Property(s => s.PrimaryColour).HasMaxLength(7);
        b.Property(s => s.AccentColour).HasMaxLength(7);
        b.Property(s => s.Values).HasMaxLength(4000);
        b.Property(s => s.DefaultLanguage).HasMaxLength(10);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.PendingThresholdRequestedById).HasMaxLength(450);
        b.Property(s => s.PendingThresholdRequestedBy).HasMaxLength(256);
        b.Ignore(s => s.ValueList);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CompanySettings_AnonymityThreshold", $"\"AnonymityThreshold\" >= {CompanySettings.MinimumAnonymityThreshold}");
            t.HasCheckConstraint("CK_CompanySettings_PendingAnonymityThreshold",
                $"\"PendingAnonymityThreshold\" IS NULL OR \"PendingAnonymityThreshold\" >= {CompanySettings.MinimumAnonymityThreshold}");
        });
    }
}
