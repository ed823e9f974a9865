using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Webhooks;

public enum WebhookKind
{
    Slack,
    Teams,
}

/// <summary>
/// A Slack or Microsoft Teams incoming webhook that hears about new posts: all of them, or those whose audience reaches
/// someone in <see cref="DepartmentId"/> (or its sub-departments). The URL is a secret: never shown in full after saving,
/// never written to the audit log (so this entity is not IAudited; changes are recorded as events).
/// </summary>
public sealed class WebhookEndpoint
{
    public const int NameMax = 100;
    public const int UrlMax = 1000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public WebhookKind Kind { get; set; }
    public required string Url { get; set; }
    public int? DepartmentId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(w => w.Name).HasMaxLength(WebhookEndpoint.NameMax);
        b.Property(w => w.Url).HasMaxLength(WebhookEndpoint.UrlMax);
        b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(10);
        b.HasOne<People.Department>().WithMany().HasForeignKey(w => w.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
