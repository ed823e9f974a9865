using System.Security.Claims;

namespace Inward.Platform.Audit;

/// <summary>Who is acting: the signed-in user of the request, or the command-line operator.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private (string? Id, string Name)? _override;

    public string? UserId => _override?.Id ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name =>
        _override?.Name
        ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.Email)
        ?? http.HttpContext?.User.Identity?.Name
        ?? "system";

    /// <summary>Sets the actor for work outside a request (commands, jobs, seeding).</summary>
    public void ActAs(string? userId, string name) => _override = (userId, name);
}
