using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Notifications;

/// <summary>An in-app notification for one employee: what happened, where to look, and whether they have seen it.</summary>
public sealed class Notification
{
    public const int TitleMax = 300;
    public const int UrlMax = 500;

    public long Id { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>What kind of event, e.g. "post", "must-read", "mention", "reminder" (for filtering and icons).</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>A local path ("/news/12"), never an external address.</summary>
    public required string Url { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Kind).HasMaxLength(40);
        b.Property(n => n.Title).HasMaxLength(Notification.TitleMax);
        b.Property(n => n.Url).HasMaxLength(Notification.UrlMax);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(n => n.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.EmployeeId, n.ReadUtc, n.CreatedUtc });
    }
}
