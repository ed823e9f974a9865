using Inward.Features.Audiences;

namespace Inward.Features.Posts;

/// <summary>A variant or translation as entered (editor, API, revision snapshot).</summary>
public sealed record PostTextInput(int? DepartmentId, string? Language, string Title, string Body);

/// <summary>The text a reader gets: which variant (null department = the default) in which language (null = the default language).</summary>
public sealed record ResolvedText(int? DepartmentId, string? Language, string Title, string Body);

/// <summary>Which text of a post a reader sees: pure and deterministic, unit-tested.</summary>
public static class PostVariants
{
    /// <summary>
    /// The department variant that applies to a reader of <paramref name="readerDepartmentId"/>: the nearest department in
    /// the reader's ancestry (their own, then its parent...) that has a variant; null (the default text) otherwise.
    /// </summary>
    public static int? VariantDepartment(IEnumerable<int> variantDepartments, int? readerDepartmentId, DepartmentTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (readerDepartmentId is not { } reader)
        {
            return null;
        }
        var containing = variantDepartments.Distinct().Where(d => tree.IsWithin(reader, d)).ToList();
        // The nearest ancestor lies within every other one that contains the reader.
        return containing.Count == 0 ? null : containing.FirstOrDefault(c => containing.All(o => tree.IsWithin(c, o)), containing[0]);
    }

    /// <summary>
    /// The reader's text: the department variant (<see cref="VariantDepartment"/>) in the reader's language, else that
    /// variant in the default language, else the default text in the reader's language, else the default text.
    /// </summary>
    public static ResolvedText Resolve(string title, string body, IReadOnlyList<PostTextInput> texts, int? readerDepartmentId, DepartmentTree tree,
        string? readerLanguage)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var department = VariantDepartment(texts.Where(t => t.DepartmentId is not null).Select(t => t.DepartmentId!.Value), readerDepartmentId, tree);
        PostTextInput? Find(int? dep, bool inLanguage) => texts.FirstOrDefault(t => t.DepartmentId == dep
            && (inLanguage ? t.Language is { } l && readerLanguage is not null && AudienceRules.LanguageMatches(l, readerLanguage) : t.Language is null));
        var found = (department is not null ? Find(department, true) ?? Find(department, false) : null) ?? Find(null, true);
        return found is null ? new(null, null, title, body) : new(found.DepartmentId, found.Language, found.Title, found.Body);
    }
}
