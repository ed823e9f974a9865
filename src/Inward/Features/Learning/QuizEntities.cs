using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Learning;

public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    /// <summary>Typed text, right when it equals one of the accepted answers (case and spacing ignored).</summary>
    ShortAnswer,
}

/// <summary>
/// The quiz of a course (at most one): a pass mark, an attempt limit and how many questions each attempt draws at random
/// from the course's question bank (null: all of them, in bank order).
/// </summary>
public sealed class Quiz : IAudited
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    /// <summary>0 to 100.</summary>
    public int PassMarkPercent { get; set; } = 80;
    /// <summary>Attempts per round; null: unlimited.</summary>
    public int? MaxAttempts { get; set; }
    /// <summary>Questions drawn per attempt; null: every question of the bank.</summary>
    public int? DrawCount { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A question of a quiz's bank. Choice questions have options; short answers list their accepted answers as options.</summary>
public sealed class QuizQuestion : IAudited
{
    public const int TextMax = 2000;
    public const int FeedbackMax = 2000;

    public int Id { get; set; }
    public int QuizId { get; set; }
    public int SortOrder { get; set; }
    public QuestionKind Kind { get; set; }
    /// <summary>Markdown.</summary>
    public required string Text { get; set; }
    /// <summary>Shown after submitting when the answer was wrong (e.g. why the right answer is right).</summary>
    public string? IncorrectFeedback { get; set; }
    public List<QuizOption> Options { get; set; } = [];
}

/// <summary>An option of a choice question, or an accepted answer of a short-answer question (always correct), with its own feedback.</summary>
public sealed class QuizOption : IAudited
{
    public const int TextMax = 500;

    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int SortOrder { get; set; }
    public required string Text { get; set; }
    public bool IsCorrect { get; set; }
    public string? Feedback { get; set; }
}

/// <summary>
/// One attempt at a quiz by one person: the questions drawn when it started (so the score is computed on what was shown),
/// the answers and the result once submitted. <see cref="Number"/> counts attempts within a round of the course.
/// </summary>
public sealed class QuizAttempt
{
    public int Id { get; set; }
    public int QuizId { get; set; }
    public int CourseId { get; set; }
    public required string UserId { get; set; }
    public int Round { get; set; }
    public int Number { get; set; }
    /// <summary>The drawn question ids, in the order shown, as a JSON array.</summary>
    public required string QuestionIdsJson { get; set; }
    public DateTime StartedUtc { get; set; }
    /// <summary>Also the concurrency token: of two parallel submissions only the first one saves.</summary>
    public DateTime? SubmittedUtc { get; set; }
    /// <summary>The answers as JSON ({ questionId: { optionIds, text } }); null until submitted.</summary>
    public string? AnswersJson { get; set; }
    public int? ScorePercent { get; set; }
    public bool? Passed { get; set; }
}

internal sealed class QuizConfiguration :
    IEntityTypeConfiguration<Quiz>, IEntityTypeConfiguration<QuizQuestion>, IEntityTypeConfiguration<QuizOption>, IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<Quiz> b)
    {
        b.ToTable("Quizzes");
        b.HasOne<Course>().WithMany().HasForeignKey(q => q.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => q.CourseId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<QuizQuestion> b)
    {
        b.ToTable("QuizQuestions");
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Text).HasMaxLength(QuizQuestion.TextMax);
        b.Property(q => q.IncorrectFeedback).HasMaxLength(QuizQuestion.FeedbackMax);
        b.HasOne<Quiz>().WithMany().HasForeignKey(q => q.QuizId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.QuizId, q.SortOrder });
    }

    public void Configure(EntityTypeBuilder<QuizOption> b)
    {
        b.ToTable("QuizOptions");
        b.Property(o => o.Text).HasMaxLength(QuizOption.TextMax);
        b.Property(o => o.Feedback).HasMaxLength(QuizQuestion.FeedbackMax);
    }

    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("QuizAttempts");
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.QuestionIdsJson).HasMaxLength(20_000);
        b.Property(a => a.AnswersJson).HasMaxLength(200_000);
        b.Property(a => a.SubmittedUtc).IsConcurrencyToken();
        b.HasOne<Quiz>().WithMany().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.Cascade);
        // Two parallel starts cannot both take the same attempt number, so the attempt limit holds.
        b.HasIndex(a => new { a.QuizId, a.UserId, a.Round, a.Number }).IsUnique();
    }
}
