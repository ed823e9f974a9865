namespace Inward.Features.Organisation;

/// <summary>The form of things that have just a name and a description (groups, partner organisations).</summary>
public sealed class NamedForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    /// <param name="nameTaken">Whether another item already has this upper-cased name.</param>
    /// <param name="duplicateMessage">The message for a taken name, such as "A group with this name already exists."</param>
    public async Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(Func<string, Task<bool>> nameTaken, string duplicateMessage)
    {
        var errors = new List<(string, string, object[])>();
        if (OrganisationForms.NameProblem(Name) is { } nameProblem)
        {
            errors.Add((nameof(Name), nameProblem.Message, nameProblem.Arguments));
        }
        else if (await nameTaken(OrganisationForms.Key(Name)))
        {
            errors.Add((nameof(Name), duplicateMessage, []));
        }
        if (OrganisationForms.TextProblem(Description, OrganisationForms.MaxDescription) is { } descriptionProblem)
        {
            errors.Add((nameof(Description), descriptionProblem.Message, descriptionProblem.Arguments));
        }
        return errors;
    }
}
