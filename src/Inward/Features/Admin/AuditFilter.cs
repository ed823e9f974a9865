using System.Globalization;
using Inward.Platform.Audit;

namespace Inward.Features.Admin;

/// <summary>The filters of the audit log page and its CSV export. Dates are whole UTC days, "to" included.</summary>
public sealed record AuditFilter(string? Actor, string? Action, string? EntityType, string? EntityId, string? From, string? To)
{
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var term = Actor.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(a => a.ActorName.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(a => a.Action == Action);
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(a => a.EntityType == EntityType);
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var id = EntityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }
        if (ParseDate(From) is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (ParseDate(To) is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }
}
