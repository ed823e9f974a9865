using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Listening;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SurveyStatus>))]
public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<QuestionKind>))]
public enum QuestionKind
{
    /// <summary>1..5 agreement.</summary>
    Likert5,
    /// <summary>1..7 agreement.</summary>
    Likert7,
    /// <summary>0..10 likelihood (eNPS).</summary>
    Scale0To10,
    SingleChoice,
    MultipleChoice,
    /// <summary>Every option put in order, most preferred first.</summary>
    Ranking,
    FreeText,
}

/// <summary>
/// A survey or pulse. Whether it is anonymous is fixed when it is created and shown to every respondent. Who is asked
/// is an <see cref="Audiences.AudienceRule"/>; at launch the audience is frozen into <see cref="SurveyMember"/> rows
/// (with each person's department and location then), so a later roster import cannot shrink a group.
/// </summary>
public sealed class Survey : IAudited
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;

    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text shown above the questions (template descriptions carry the source citation).</summary>
    public string Description { get; set; } = "";
    public bool IsAnonymous { get; set; }
    public required string AudienceJson { get; set; }
    public SurveyStatus Status { get; set; }
    /// <summary>Answers are taken from this moment (UTC); null: from launch.</summary>
    public DateTime? OpensUtc { get; set; }
    /// <summary>Answers are refused from this moment (UTC); null: until someone closes it.</summary>
    public DateTime? ClosesUtc { get; set; }
    /// <summary>The template it was made from, if any (e.g. "enps").</summary>
    public string? TemplateKey { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LaunchedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
}

/// <summary>A titled group of questions, in order.</summary>
public sealed class SurveySection
{
    public const int TitleMax = 200;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string? TitleAr { get; set; }
    public string? TitlePl { get; set; }
}

/// <summary>
/// One question. Texts come in English with optional Arabic and Polish translations (English is the fallback). Choice
/// options are one per line in each language, in the same order; answers store the option's index.
/// </summary>
public sealed class SurveyQuestion
{
    public const int TextMax = 1000;
    public const int OptionsMax = 4000;
    public const int DimensionMax = 100;
    public const int MaxOptions = 20;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int? SectionId { get; set; }
    public int Order { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? TextAr { get; set; }
    public string? TextPl { get; set; }
    public string Options { get; set; } = "";
    public string? OptionsAr { get; set; }
    public string? OptionsPl { get; set; }
    /// <summary>Likert items: the dimension they measure (items of one dimension get a mean, % favourable and α).</summary>
    public string? Dimension { get; set; }
    /// <summary>Likert items worded against the dimension: scored as points + 1 − answer.</summary>
    public bool Reverse { get; set; }
    public bool Required { get; set; }
    /// <summary>
    /// Internal service quality items: the serving department the question rates. Only people whose department that one
    /// serves on the internal-customer map see and may answer it, and its answers are shown only in the service-quality matrix.
    /// </summary>
    public int? AboutDepartmentId { get; set; }
    /// <summary>Internal service quality items: asks what the respondent expects rather than what they get (gap = perception − expectation).</summary>
    public bool IsExpectation { get; set; }
}

/// <summary>
/// Who was asked: the audience frozen at launch, with the department and location each person belonged to then.
/// The only place a person and their demographics meet; a response copies the department and location, never the person.
/// </summary>
public sealed class SurveyMember
{
    public int SurveyId { get; set; }
    public int EmployeeId { get; set; }
    public int? DepartmentId { get; set; }
    public int? LocationId { get; set; }
    /// <summary>Years since hire at launch, banded (null: no hire date on record); see <see cref="TenureBands"/>.</summary>
    public TenureBand? TenureBand { get; set; }
}

/// <summary>
/// "Has responded", for reminders and participation. Deliberately holds nothing that links it to the response: no
/// response id and no time (so it cannot be lined up with responses by order or moment).
/// </summary>
public sealed class SurveyParticipation
{
    public int SurveyId { get; set; }
    public int EmployeeId { get; set; }
}

/// <summary>
/// One submitted set of answers. For anonymous surveys it holds no user, no employee and no time, and its key is a random
/// GUID, so neither its key nor any column can be ordered or joined back to a person; only the department and location
/// of the launch snapshot are copied. Named surveys also store who answered and when. Never audited (an audit row
/// would carry the actor and the moment).
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }
    public int SurveyId { get; set; }
    public int? DepartmentId { get; set; }
    public int? LocationId { get; set; }
    /// <summary>Copied from the member's launch snapshot like the department and location.</summary>
    public TenureBand? TenureBand { get; set; }
    /// <summary>Named surveys only.</summary>
    public string? UserId { get; set; }
    /// <summary>Named surveys only.</summary>
    public int? EmployeeId { get; set; }
    /// <summary>Named surveys only.</summary>
    public DateTime? SubmittedUtc { get; set; }
    /// <summary>
    /// Anonymous surveys: still the row its submission wrote, so its <c>xmin</c> and heap place on PostgreSQL still match
    /// the participation row written beside it. <see cref="AnonymousBatches"/> re-writes such rows in shuffled batches of
    /// at least k under new ids and clears the flag (docs/adr/0018). A flag, not a time, so it says nothing about when.
    /// </summary>
    public bool Pending { get; set; }
}

/// <summary>
/// One answer: <see cref="Value"/> for Likert, 0–10 and single choice (option index); <see cref="Choices"/> for multiple
/// choice and ranking (option indexes, comma-separated, in the order given); <see cref="Text"/> for free text.
/// </summary>
public sealed class SurveyAnswer
{
    public const int TextMax = 4000;

    public Guid ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? Value { get; set; }
    public string? Choices { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// Answers saved to finish later. Keyed by the person (it must find its way back to them); deleted in the same
/// transaction that writes the response, so for anonymous surveys nothing of the person stays beside the answers.
/// </summary>
public sealed class SurveyDraft
{
    public int SurveyId { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>The answers as JSON (<see cref="SurveyAnswers"/> shape).</summary>
    public required string AnswersJson { get; set; }
}

internal sealed class SurveyConfiguration :
    IEntityTypeConfiguration<Survey>, IEntityTypeConfiguration<SurveySection>, IEntityTypeConfiguration<SurveyQuestion>,
    IEntityTypeConfiguration<SurveyMember>, IEntityTypeConfiguration<SurveyParticipation>, IEntityTypeConfiguration<SurveyResponse>,
    IEntityTypeConfiguration<SurveyAnswer>, IEntityTypeConfiguration<SurveyDraft>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("Surveys");
        b.Property(s => s.Title).HasMaxLength(Survey.TitleMax);
        b.Property(s => s.Description).HasMaxLength(Survey.DescriptionMax);
        b.Property(s => s.AudienceJson).HasMaxLength(200_000);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.TemplateKey).HasMaxLength(50);
        b.Property(s => s.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(s => new { s.Status, s.ClosesUtc });
    }

    public void Configure(EntityTypeBuilder<SurveySection> b)
    {
        b.ToTable("SurveySections");
        b.Property(s => s.Title).HasMaxLength(SurveySection.TitleMax);
        b.Property(s => s.TitleAr).HasMaxLength(SurveySection.TitleMax);
        b.Property(s => s.TitlePl).HasMaxLength(SurveySection.TitleMax);
        b.HasOne<Survey>().WithMany().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.SurveyId, s.Order });
    }

    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("SurveyQuestions");
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Text).HasMaxLength(SurveyQuestion.TextMax);
        b.Property(q => q.TextAr).HasMaxLength(SurveyQuestion.TextMax);
        b.Property(q => q.TextPl).HasMaxLength(SurveyQuestion.TextMax);
        b.Property(q => q.Options).HasMaxLength(SurveyQuestion.OptionsMax);
        b.Property(q => q.OptionsAr).HasMaxLength(SurveyQuestion.OptionsMax);
        b.Property(q => q.OptionsPl).HasMaxLength(SurveyQuestion.OptionsMax);
        b.Property(q => q.Dimension).HasMaxLength(SurveyQuestion.DimensionMax);
        b.HasOne<Survey>().WithMany().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveySection>().WithMany().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<People.Department>().WithMany().HasForeignKey(q => q.AboutDepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.SurveyId, q.Order });
        b.HasIndex(q => q.AboutDepartmentId);
    }

    public void Configure(EntityTypeBuilder<SurveyMember> b)
    {
        b.ToTable("SurveyMembers");
        b.HasKey(m => new { m.SurveyId, m.EmployeeId });
        b.HasOne<Survey>().WithMany().HasForeignKey(m => m.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.EmployeeId);
        b.Property(m => m.TenureBand).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<SurveyParticipation> b)
    {
        b.ToTable("SurveyParticipations");
        b.HasKey(p => new { p.SurveyId, p.EmployeeId });
        b.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.EmployeeId);
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.TenureBand).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.SurveyId);
        // Small by design (fewer than k per open survey): the batch job's poll reads only this.
        b.HasIndex(r => r.SurveyId, "IX_SurveyResponses_Pending").HasFilter("\"Pending\"");
        b.ToTable(t => t.HasCheckConstraint("CK_SurveyResponses_NamedFields",
            "(\"UserId\" IS NULL AND \"EmployeeId\" IS NULL AND \"SubmittedUtc\" IS NULL) OR \"UserId\" IS NOT NULL"));
    }

    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.HasKey(a => new { a.ResponseId, a.QuestionId });
        b.Property(a => a.Choices).HasMaxLength(200);
        b.Property(a => a.Text).HasMaxLength(SurveyAnswer.TextMax);
        b.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.QuestionId);
    }

    public void Configure(EntityTypeBuilder<SurveyDraft> b)
    {
        b.ToTable("SurveyDrafts");
        b.HasKey(d => new { d.SurveyId, d.EmployeeId });
        b.Property(d => d.AnswersJson).HasMaxLength(200_000);
        b.HasOne<Survey>().WithMany().HasForeignKey(d => d.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Employee>().WithMany().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
