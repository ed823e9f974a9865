using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Email;

/// <summary>How often a person wants the digest of posts that were not e-mailed at once.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DigestFrequency>))]
public enum DigestFrequency
{
    Weekly,
    Daily,
    Off,
}

/// <summary>An employee's e-mail preference (no row = weekly) and when their last digest went out.</summary>
public sealed class EmailPreference
{
    public int EmployeeId { get; set; }
    public DigestFrequency Digest { get; set; } = DigestFrequency.Weekly;
    public DateTime? LastDigestUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// One e-mail about a post sent to one recipient ("e:12" for an employee, "u:&lt;id&gt;" for a partner user) for one
/// reason: a publication (<see cref="Sequence"/> = its ticks) or a must-read reminder (Sequence 0). Written right after
/// the mail is handed to SMTP, so a retried batch job skips everyone already served.
/// </summary>
public sealed class EmailDelivery
{
    public const string PostKind = "post";
    public const string ReminderBefore = "reminder-before";
    public const string ReminderOverdue = "reminder-overdue";

    public long Id { get; set; }
    public int PostId { get; set; }
    public required string Recipient { get; set; }
    public required string Kind { get; set; }
    public long Sequence { get; set; }
    public DateTime SentUtc { get; set; }
}

/// <summary>A must-read reminder (before the due date or overdue) given to one employee: at most one of each kind.</summary>
public sealed class MustReadReminder
{
    public long Id { get; set; }
    public int PostId { get; set; }
    public int EmployeeId { get; set; }
    public required string Kind { get; set; }
    public DateTime SentUtc { get; set; }
}

internal sealed class EmailConfiguration :
    IEntityTypeConfiguration<EmailPreference>, IEntityTypeConfiguration<EmailDelivery>, IEntityTypeConfiguration<MustReadReminder>
{
    public void Configure(EntityTypeBuilder<EmailPreference> b)
    {
        b.ToTable("EmailPreferences");
        b.HasKey(p => p.EmployeeId);
        b.Property(p => p.EmployeeId).ValueGeneratedNever();
        b.Property(p => p.Digest).HasConversion<string>().HasMaxLength(10);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EmailDelivery> b)
    {
        b.ToTable("EmailDeliveries");
        b.Property(d => d.Recipient).HasMaxLength(460);
        b.Property(d => d.Kind).HasMaxLength(20);
        b.HasOne<Posts.Post>().WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.PostId, d.Recipient, d.Kind, d.Sequence }).IsUnique();
        b.HasIndex(d => new { d.Recipient, d.PostId });
    }

    public void Configure(EntityTypeBuilder<MustReadReminder> b)
    {
        b.ToTable("MustReadReminders");
        b.Property(r => r.Kind).HasMaxLength(20);
        b.HasOne<Posts.Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PostId, r.EmployeeId, r.Kind }).IsUnique();
    }
}
