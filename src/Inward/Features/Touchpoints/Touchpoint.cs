using Inward.Features.People;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Touchpoints;

/// <summary>How the customer meets the company at a touchpoint.</summary>
public enum TouchpointChannel
{
    Phone,
    Email,
    Chat,
    SocialMedia,
    Website,
    InPerson,
    Delivery,
    OnSite,
    Document,
    Event,
    Other,
}

/// <summary>
/// A moment where the company meets its customers (phone support, showroom, delivery, invoices...): who owns it,
/// what the brand promises there and how people are expected to behave. The job roles that own touchpoints find
/// them on their role expectation card.
/// </summary>
public sealed class Touchpoint : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TouchpointChannel Channel { get; set; }
    public string? Description { get; set; }
    /// <summary>The department that owns the touchpoint; null when it is company-wide.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public List<JobRole> JobRoles { get; set; } = [];
    /// <summary>The brand promise at this moment (Markdown, rendered through SafeMarkdown).</summary>
    public string BrandPromise { get; set; } = "";
    /// <summary>Expected behaviours, one short line each, in order (see <see cref="TouchpointLines"/>).</summary>
    public string Behaviours { get; set; } = "";
    /// <summary>The "moment of truth": what can go wrong here and what it costs (plain text).</summary>
    public string? MomentOfTruth { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> b)
    {
        b.Property(t => t.Name).HasMaxLength(TouchpointRules.MaxName);
        b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Description).HasMaxLength(TouchpointRules.MaxText);
        b.Property(t => t.BrandPromise).HasMaxLength(TouchpointRules.MaxMarkdown);
        b.Property(t => t.Behaviours).HasMaxLength(TouchpointLines.MaxStored);
        b.Property(t => t.MomentOfTruth).HasMaxLength(TouchpointRules.MaxText);
        // A deleted department leaves its touchpoints company-wide rather than blocking the delete.
        b.HasOne(t => t.Department).WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(t => t.JobRoles).WithMany().UsingEntity("TouchpointJobRoles");
        b.HasIndex(t => t.Name);
    }
}

/// <summary>Lists of short lines (expected behaviours) stored as one text, a line each.</summary>
public static class TouchpointLines
{
    public const int MaxLines = 20;
    public const int MaxLineLength = 300;
    public const int MaxStored = MaxLines * (MaxLineLength + 1);

    /// <summary>The non-empty trimmed lines of a text typed one per line.</summary>
    public static List<string> Split(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>The English problem with the lines, or null when they are fine.</summary>
    public static (string Message, object[] Arguments)? Problem(IReadOnlyList<string> lines) =>
        lines.Count > MaxLines ? ("Enter at most {0} expected behaviours.", [MaxLines])
        : lines.Any(l => l.Length > MaxLineLength) ? ("Each expected behaviour can have at most {0} characters.", [MaxLineLength])
        : null;
}

/// <summary>Limits and labels of touchpoints.</summary>
public static class TouchpointRules
{
    public const int MaxName = 200;
    public const int MaxText = 2000;
    public const int MaxMarkdown = 8000;

    public static string Label(this TouchpointChannel channel, IStringLocalizer t) => channel switch
    {
        TouchpointChannel.Phone => t["Phone"],
        TouchpointChannel.Email => t["E-mail"],
        TouchpointChannel.Chat => t["Chat"],
        TouchpointChannel.SocialMedia => t["Social media"],
        TouchpointChannel.Website => t["Website"],
        TouchpointChannel.InPerson => t["In person"],
        TouchpointChannel.Delivery => t["Delivery"],
        TouchpointChannel.OnSite => t["On site"],
        TouchpointChannel.Document => t["Document"],
        TouchpointChannel.Event => t["Event"],
        _ => t["Other"],
    };

    /// <summary>A channel by its name ("Phone", "socialMedia"), never by number.</summary>
    public static TouchpointChannel? ParseChannel(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().All(char.IsAsciiLetter)
            && Enum.TryParse<TouchpointChannel>(name.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;
}
