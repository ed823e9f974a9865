using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Platform.Jobs;

public enum JobStatus { Pending, Running, Succeeded, Failed }

/// <summary>
/// One unit of background work (docs/adr/0007-background-jobs.md). A worker owns it while <see cref="LeaseOwner"/> is
/// set and <see cref="LeaseUntilUtc"/> is in the future; every claim gives it a new <see cref="Version"/>, so a worker
/// whose lease was taken over can no longer complete it.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public DateTime RunAtUtc { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Pending;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public string? LastError { get; set; }
    /// <summary>At most one job per key, ever: enqueuing the same key again does nothing.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public Guid Version { get; set; }
}

public sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("BackgroundJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(200);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(4000);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(400);
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.HasIndex(j => j.IdempotencyKey).IsUnique();
        // The poll: due pending jobs, and running jobs whose lease ran out.
        builder.HasIndex(j => new { j.Status, j.RunAtUtc });
        builder.HasIndex(j => new { j.Status, j.CompletedUtc });
    }
}
