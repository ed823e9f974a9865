using System.Globalization;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Learning.Assignments;

/// <summary>An ordered set of courses taken together, e.g. "Welcome to Brightwheel" for new hires.</summary>
public sealed class LearningPath : IAudited
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int MaxCourses = 50;

    public int Id { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public List<LearningPathCourse> Courses { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>One course of a path, at its position (0 first).</summary>
public sealed class LearningPathCourse
{
    public int Id { get; set; }
    public int PathId { get; set; }
    public int CourseId { get; set; }
    public int Position { get; set; }
}

/// <summary>What a due date counts from.</summary>
public enum DueBasis
{
    /// <summary>No due date.</summary>
    None,
    /// <summary>N days after the person was assigned.</summary>
    AfterAssignment,
    /// <summary>N days after the person's hire date (never before the day they are assigned).</summary>
    AfterHire,
}

/// <summary>
/// Who must take a course or a path: an audience rule and a due date. Evaluated daily and whenever it changes, so new
/// people and people who move into the audience are assigned, and those who leave it have their open assignments cancelled.
/// </summary>
public sealed class AssignmentRule : IAudited
{
    public const int TitleMax = 200;

    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Exactly one of <see cref="CourseId"/> and <see cref="PathId"/> is set.</summary>
    public int? CourseId { get; set; }
    public int? PathId { get; set; }
    public required string AudienceJson { get; set; }
    public DueBasis DueBasis { get; set; }
    public int? DueDays { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The stored state of an assignment; "overdue" is derived from the due date (<see cref="LearningSchedule.StateOf"/>).</summary>
public enum AssignmentStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>Why a person has an assignment.</summary>
public enum AssignmentReason
{
    Rule,
    Recertification,
}

/// <summary>
/// One person asked to take one course: from a rule (directly or through a path) or because their certificate is about to
/// expire. The person is an employee ("e:12") or a partner user ("u:&lt;id&gt;"), the same keys as e-mail recipients.
/// At most one open assignment per person and course (a unique filtered index, so racing evaluations cannot duplicate).
/// </summary>
public sealed class LearningAssignment
{
    public int Id { get; set; }
    public required string PersonKey { get; set; }
    public int? EmployeeId { get; set; }
    public int CourseId { get; set; }
    public int? PathId { get; set; }
    public int? RuleId { get; set; }
    public AssignmentReason Reason { get; set; }
    /// <summary>For re-certification: the certificate that is about to expire.</summary>
    public int? CertificateId { get; set; }
    public DateTime AssignedUtc { get; set; }
    public DateOnly? DueDate { get; set; }
    public AssignmentStatus Status { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public int? CompletionId { get; set; }
    public CourseCompletion? Completion { get; set; }
    public DateTime? CancelledUtc { get; set; }

    public static string EmployeeKey(int employeeId) => "e:" + employeeId.ToString(CultureInfo.InvariantCulture);

    public static string UserKey(string userId) => "u:" + userId;

    /// <summary>The person key of whoever completed a course: their employee record, else their account (partners).</summary>
    public static string KeyOf(int? employeeId, string userId) => employeeId is { } id ? EmployeeKey(id) : UserKey(userId);
}

/// <summary>The log that makes each reminder happen once: one row per assignment and kind, e-mailed when <see cref="EmailedUtc"/> is set.</summary>
public sealed class LearningReminder
{
    public const string Before = "before";
    public const string Overdue = "overdue";

    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public required string Kind { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EmailedUtc { get; set; }
}

internal sealed class LearningAssignmentConfiguration :
    IEntityTypeConfiguration<LearningPath>, IEntityTypeConfiguration<LearningPathCourse>, IEntityTypeConfiguration<AssignmentRule>,
    IEntityTypeConfiguration<LearningAssignment>, IEntityTypeConfiguration<LearningReminder>
{
    public void Configure(EntityTypeBuilder<LearningPath> b)
    {
        b.ToTable("LearningPaths");
        b.Property(p => p.Title).HasMaxLength(LearningPath.TitleMax);
        b.Property(p => p.Description).HasMaxLength(LearningPath.DescriptionMax);
        b.HasMany(p => p.Courses).WithOne().HasForeignKey(c => c.PathId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LearningPathCourse> b)
    {
        b.ToTable("LearningPathCourses");
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.PathId, c.CourseId }).IsUnique();
        b.HasIndex(c => c.CourseId);
    }

    public void Configure(EntityTypeBuilder<AssignmentRule> b)
    {
        b.ToTable("LearningAssignmentRules");
        b.Property(r => r.Title).HasMaxLength(AssignmentRule.TitleMax);
        b.Property(r => r.AudienceJson).HasMaxLength(200_000);
        b.Property(r => r.DueBasis).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LearningPath>().WithMany().HasForeignKey(r => r.PathId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.CourseId);
        b.HasIndex(r => r.PathId);
    }

    public void Configure(EntityTypeBuilder<LearningAssignment> b)
    {
        b.ToTable("LearningAssignments");
        b.Property(a => a.PersonKey).HasMaxLength(460);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Reason).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LearningPath>().WithMany().HasForeignKey(a => a.PathId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AssignmentRule>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.Completion).WithMany().HasForeignKey(a => a.CompletionId).OnDelete(DeleteBehavior.SetNull);
        // The same SQL on SQLite and PostgreSQL: a person has at most one open assignment per course.
        b.HasIndex(a => new { a.PersonKey, a.CourseId }).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_LearningAssignments_OpenPerCourse");
        b.HasIndex(a => new { a.EmployeeId, a.Status });
        // Covers the completion report (grouped by course and the person's department) so it never reads the table rows.
        b.HasIndex(a => new { a.CourseId, a.Status, a.EmployeeId, a.DueDate });
        b.HasIndex(a => new { a.Status, a.DueDate });
        b.HasIndex(a => a.RuleId);
        b.HasIndex(a => a.PersonKey);
    }

    public void Configure(EntityTypeBuilder<LearningReminder> b)
    {
        b.ToTable("LearningReminders");
        b.Property(r => r.Kind).HasMaxLength(20);
        b.HasOne<LearningAssignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AssignmentId, r.Kind }).IsUnique();
        b.HasIndex(r => r.EmailedUtc);
    }
}
