using System.Security.Cryptography;
using Inward.Features.Learning.Assignments;
using Inward.Platform.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Learning.Certificates;

/// <summary>
/// Proof that a person completed a course. The name and course title are copied at issue time, so the certificate
/// reads the same after a rename. <see cref="PublicId"/> (128 random bits) is the only handle the public verification
/// page accepts: it cannot be guessed or enumerated.
/// </summary>
public sealed class Certificate
{
    public const int PublicIdLength = 22;

    public int Id { get; set; }
    public required string PublicId { get; set; }
    public int CourseId { get; set; }
    public int? CompletionId { get; set; }
    public CourseCompletion? Completion { get; set; }
    public required string UserId { get; set; }
    public int? EmployeeId { get; set; }
    public required string PersonName { get; set; }
    public required string CourseTitle { get; set; }
    public DateTime CompletedUtc { get; set; }
    public int? ScorePercent { get; set; }
    /// <summary>Completion + the course's re-certification months; null: never expires.</summary>
    public DateTime? ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }

    public string PersonKey => LearningAssignment.KeyOf(EmployeeId, UserId);

    /// <summary>16 random bytes, base64url without padding: 22 characters.</summary>
    public static string NewPublicId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> could be a public id at all (checked before any database look-up).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: PublicIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.Property(c => c.PublicId).HasMaxLength(Certificate.PublicIdLength);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.PersonName).HasMaxLength(200);
        b.Property(c => c.CourseTitle).HasMaxLength(Course.TitleMax);
        b.HasIndex(c => c.PublicId).IsUnique();
        b.HasIndex(c => c.UserId);
        b.HasIndex(c => c.EmployeeId);
        b.HasIndex(c => new { c.CourseId, c.ExpiresUtc });
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Completion).WithMany().HasForeignKey(c => c.CompletionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>
/// On every course completion (registered as an <see cref="ICourseCompletedHandler"/>): issues the certificate and
/// completes the person's open assignments of that course. Adds rows only; the completion service saves everything at once.
/// </summary>
public sealed class CertificateIssuer : ICourseCompletedHandler
{
    public async Task OnCompletedAsync(InwardDbContext db, CourseCompletion completion, Course course, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(course);
        var name = completion.EmployeeId is { } employeeId
            ? await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => e.Name).SingleOrDefaultAsync(ct)
            : null;
        name ??= await db.Users.AsNoTracking().Where(u => u.Id == completion.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        db.Add(Issue(completion, course, name));
        var key = LearningAssignment.KeyOf(completion.EmployeeId, completion.UserId);
        var open = await db.Set<LearningAssignment>()
            .Where(a => a.PersonKey == key && a.CourseId == course.Id && a.Status == AssignmentStatus.Open).ToListAsync(ct);
        foreach (var assignment in open)
        {
            assignment.Status = AssignmentStatus.Completed;
            assignment.CompletedUtc = completion.CompletedUtc;
            assignment.Completion = completion;
        }
    }

    /// <summary>A new certificate for a completion (also used by the demo content).</summary>
    public static Certificate Issue(CourseCompletion completion, Course course, string personName) => new()
    {
        PublicId = Certificate.NewPublicId(),
        CourseId = course.Id,
        Completion = completion.Id == 0 ? completion : null,
        CompletionId = completion.Id == 0 ? null : completion.Id,
        UserId = completion.UserId,
        EmployeeId = completion.EmployeeId,
        PersonName = personName.Length > 200 ? personName[..200] : personName,
        CourseTitle = course.Title,
        CompletedUtc = completion.CompletedUtc,
        ScorePercent = completion.ScorePercent,
        ExpiresUtc = LearningSchedule.ExpiresUtc(completion.CompletedUtc, course.RecertifyMonths),
    };
}
