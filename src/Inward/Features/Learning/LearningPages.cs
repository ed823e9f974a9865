using System.Globalization;
using Inward.Features.Learning.Assignments;

namespace Inward.Features.Learning;

/// <summary>Labels and formats shared by the learning assignment pages.</summary>
public static class LearningPages
{
    /// <summary>The English localiser key of a state.</summary>
    public static string StateName(AssignmentState state) => state switch
    {
        AssignmentState.Overdue => "Overdue",
        AssignmentState.Completed => "Completed",
        AssignmentState.Cancelled => "Cancelled",
        _ => "Open",
    };

    public static string StateBadge(AssignmentState state) => state switch
    {
        AssignmentState.Overdue => "badge warn",
        AssignmentState.Completed => "badge ok",
        _ => "badge",
    };

    public static string CertificateStateName(CertificateState state) => state switch
    {
        CertificateState.Expired => "Expired",
        CertificateState.Revoked => "Revoked",
        _ => "Valid",
    };

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateTime utc) => DateOnly.FromDateTime(utc).ToString("d", CultureInfo.CurrentCulture);

    public static string LongDate(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
