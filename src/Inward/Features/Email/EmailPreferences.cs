using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Email;

/// <summary>Reads and changes an employee's digest preference (no row = weekly).</summary>
public sealed class EmailPreferences(InwardDbContext db, TimeProvider clock)
{
    public async Task<DigestFrequency> GetAsync(int employeeId, CancellationToken ct = default) =>
        await db.Set<EmailPreference>().AsNoTracking().Where(p => p.EmployeeId == employeeId).Select(p => (DigestFrequency?)p.Digest)
            .SingleOrDefaultAsync(ct) ?? DigestFrequency.Weekly;

    /// <summary>False when the employee does not exist.</summary>
    public async Task<bool> SetAsync(int employeeId, DigestFrequency digest, CancellationToken ct = default)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var pref = await db.Set<EmailPreference>().SingleOrDefaultAsync(p => p.EmployeeId == employeeId, ct);
        if (pref is null)
        {
            // A new preference starts its digest window now: the first digest carries what is new from here on.
            db.Add(new EmailPreference { EmployeeId = employeeId, Digest = digest, UpdatedUtc = now });
        }
        else
        {
            pref.Digest = digest;
            pref.UpdatedUtc = now;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static bool ParseDigest(string? value, out DigestFrequency digest) =>
        Enum.TryParse(value, ignoreCase: true, out digest) && Enum.IsDefined(digest) && !int.TryParse(value, out _);
}
