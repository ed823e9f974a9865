using Inward.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.Feedback;

public enum FeedbackCategory
{
    CompanyPolicies,
    HR,
    InternalMarketing,
    MyJob,
    Customers,
    Other,
}

/// <summary>Who a card is addressed to.</summary>
public enum FeedbackRecipient
{
    HR,
    Department,
    PlanOwner,
}

/// <summary>received → under review → planned → done / declined (the last two need an answer).</summary>
public enum FeedbackStatus
{
    Received,
    UnderReview,
    Planned,
    Done,
    Declined,
}

/// <summary>
/// A suggestion-box card. Deliberately not IAudited: the audit interceptor records the acting user, which would name the
/// author of an anonymous card. Anonymous cards keep no user id, only <see cref="AuthorTag"/> (ADR 0013); every card
/// carries dates, never times, so nothing can be matched against sign-ins or other timed traces.
/// </summary>
public sealed class FeedbackCard
{
    public const int TextMax = 4000;

    public int Id { get; set; }
    public FeedbackCategory Category { get; set; }
    public FeedbackRecipient Recipient { get; set; }
    /// <summary>The department addressed when <see cref="Recipient"/> is Department.</summary>
    public int? DepartmentId { get; set; }
    /// <summary>Markdown (rendered through SafeMarkdown).</summary>
    public required string Text { get; set; }
    public bool IsAnonymous { get; set; }
    /// <summary>Named cards only.</summary>
    public string? AuthorUserId { get; set; }
    /// <summary>Named cards only.</summary>
    public int? AuthorEmployeeId { get; set; }
    /// <summary>Named cards only.</summary>
    public string? AuthorName { get; set; }
    /// <summary>Anonymous cards only: a random salt, so the same author's cards carry unrelated tags.</summary>
    public byte[]? AuthorSalt { get; set; }
    /// <summary>Anonymous cards only: HMAC-SHA256(author's inbox secret, salt); only the author's session can recompute it.</summary>
    public byte[]? AuthorTag { get; set; }
    public FeedbackStatus Status { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The day of the first answer from the recipients.</summary>
    public DateOnly? FirstAnsweredOn { get; set; }
    /// <summary>The day it became done or declined.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The author agreed to show it on the "you said, we did" board once resolved.</summary>
    public bool OnBoard { get; set; }
    /// <summary>
    /// An anonymous card its recipients have not been told of yet: they hear of it in the next daily announcement
    /// (<see cref="FeedbackAnnounceJob"/>), never at the moment it was written.
    /// </summary>
    public bool AwaitsAnnouncement { get; set; }
    /// <summary>The last message the author has seen (a marker on the card, so it names nobody).</summary>
    public int AuthorSeenMessageId { get; set; }
    /// <summary>The last message from the recipients.</summary>
    public int LastAnswerMessageId { get; set; }
}

/// <summary>
/// One message of a card's conversation. Not IAudited for the same reason as the card; the author's messages carry no user id,
/// the recipients' messages name the person who answered.
/// </summary>
public sealed class FeedbackMessage
{
    public int Id { get; set; }
    public int CardId { get; set; }
    public bool FromAuthor { get; set; }
    public string? ResponderUserId { get; set; }
    public string? ResponderName { get; set; }
    public required string Text { get; set; }
    public DateOnly SentOn { get; set; }
    /// <summary>The status the card moved to with this message, if it changed.</summary>
    public FeedbackStatus? NewStatus { get; set; }
}

/// <summary>
/// A user's feedback inbox secret: 32 random bytes protected with Data Protection (purpose bound to the user id), so the
/// database alone cannot recompute any anonymous card's tag. No timestamp, by design.
/// </summary>
public sealed class FeedbackInbox
{
    public required string UserId { get; set; }
    public required string ProtectedSecret { get; set; }
}

internal sealed class FeedbackConfiguration :
    IEntityTypeConfiguration<FeedbackCard>, IEntityTypeConfiguration<FeedbackMessage>, IEntityTypeConfiguration<FeedbackInbox>
{
    public void Configure(EntityTypeBuilder<FeedbackCard> b)
    {
        b.ToTable("FeedbackCards");
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Recipient).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Text).HasMaxLength(FeedbackCard.TextMax);
        b.Property(c => c.AuthorUserId).HasMaxLength(450);
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.AuthorSalt).HasMaxLength(16);
        b.Property(c => c.AuthorTag).HasMaxLength(32);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.Recipient, c.DepartmentId, c.Status });
        b.HasIndex(c => c.AuthorUserId);
        b.HasIndex(c => new { c.IsAnonymous, c.Id });
        b.HasIndex(c => new { c.OnBoard, c.Status });
    }

    public void Configure(EntityTypeBuilder<FeedbackMessage> b)
    {
        b.ToTable("FeedbackMessages");
        b.Property(m => m.Text).HasMaxLength(FeedbackCard.TextMax);
        b.Property(m => m.ResponderUserId).HasMaxLength(450);
        b.Property(m => m.ResponderName).HasMaxLength(200);
        b.Property(m => m.NewStatus).HasConversion<string>().HasMaxLength(30);
        b.HasOne<FeedbackCard>().WithMany().HasForeignKey(m => m.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.CardId, m.Id });
    }

    public void Configure(EntityTypeBuilder<FeedbackInbox> b)
    {
        b.ToTable("FeedbackInboxes");
        b.HasKey(i => i.UserId);
        b.Property(i => i.UserId).HasMaxLength(450);
        b.Property(i => i.ProtectedSecret).HasMaxLength(1000);
    }
}
