namespace Inward.Platform.Web;

/// <summary>One page of an API list: the items and where they sit in the whole.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The paging rules every API list shares: page from 1, page size 1..200.</summary>
public static class ApiPaging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>Validation errors keyed by parameter name, empty when the paging is valid.</summary>
    public static Dictionary<string, string[]> Validate(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        return errors;
    }
}
