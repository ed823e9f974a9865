using Inward.Features.People.Import;

namespace Inward.Tests.People.Import;

public sealed class ColumnMapTests
{
    private static RosterFile File(string[] headers, params string[][] lines) =>
        new(headers, [.. lines.Select((cells, i) => new RosterLine(i + 2, cells))], ',', "UTF-8", []);

    [Theory]
    [InlineData("Name", RosterField.Name)]
    [InlineData("Full name", RosterField.Name)]
    [InlineData("FULL_NAME", RosterField.Name)]
    [InlineData("E-mail", RosterField.Email)]
    [InlineData("email", RosterField.Email)]
    [InlineData("Email Address", RosterField.Email)]
    [InlineData("Employee number", RosterField.EmployeeNumber)]
    [InlineData("Employee ID", RosterField.EmployeeNumber)]
    [InlineData("number", RosterField.EmployeeNumber)]
    [InlineData("Department", RosterField.Department)]
    [InlineData("Location", RosterField.Location)]
    [InlineData("Job role", RosterField.JobRole)]
    [InlineData("Job Title", RosterField.JobRole)]
    [InlineData("title", RosterField.JobRole)]
    [InlineData("Position", RosterField.JobRole)]
    [InlineData("Manager e-mail", RosterField.ManagerEmail)]
    [InlineData("Manager", RosterField.ManagerEmail)]
    [InlineData("Manager employee number", RosterField.ManagerNumber)]
    [InlineData("Hire date", RosterField.HireDate)]
    [InlineData("Start Date", RosterField.HireDate)]
    [InlineData("Language", RosterField.Language)]
    [InlineData("Frontline", RosterField.Frontline)]
    [InlineData("Active", RosterField.Active)]
    public void Common_header_names_are_recognised_whatever_their_case(string header, RosterField field)
    {
        var map = ColumnMap.Guess(["something else", header]);

        Assert.Equal(1, map.ColumnOf(field));
    }

    [Fact]
    public void Unknown_headers_map_to_nothing_and_name_and_email_are_then_missing()
    {
        var map = ColumnMap.Guess(["foo", "bar"]);

        Assert.Empty(map.Columns);
        var problems = map.Check(["foo", "bar"]).Select(p => p.Format()).ToList();
        Assert.Equal([
            "The file has no column for the name (for example 'name' or 'full name'). Columns found: foo, bar.",
            "The file has no column for the e-mail (for example 'email' or 'e-mail'). Columns found: foo, bar.",
        ], problems);
    }

    [Fact]
    public void A_column_chosen_for_two_fields_is_a_problem()
    {
        var map = ColumnMap.From(new Dictionary<RosterField, int> { [RosterField.Name] = 0, [RosterField.Email] = 1, [RosterField.Department] = 1 });

        Assert.Equal(["The column 'mail' is chosen for more than one field."], map.Check(["who", "mail"]).Select(p => p.Format()));
    }

    [Fact]
    public void A_mapping_beyond_the_columns_of_the_file_is_a_problem()
    {
        var map = ColumnMap.From(new Dictionary<RosterField, int> { [RosterField.Name] = 0, [RosterField.Email] = 5 });

        Assert.Contains(map.Check(["a", "b"]), p => p.Template == "The column mapping does not match this file. Choose the columns again.");
    }

    [Fact]
    public void A_chosen_mapping_ignores_negative_indexes()
    {
        var map = ColumnMap.From(new Dictionary<RosterField, int> { [RosterField.Name] = 0, [RosterField.Email] = 1, [RosterField.Department] = -1 });

        Assert.Null(map.ColumnOf(RosterField.Department));
        Assert.Empty(map.Check(["n", "e"]));
    }

    [Fact]
    public void Rows_give_null_for_unmapped_fields_and_empty_for_missing_cells()
    {
        var file = File(["name", "email", "department"], ["A", "a@x.example", "R&D"], ["B", "b@x.example"]);

        var rows = ColumnMap.Guess(file.Headers).Rows(file);

        Assert.Equal(new RosterRow(2) { Name = "A", Email = "a@x.example", Department = "R&D" }, rows[0]);
        Assert.Equal("", rows[1].Department);
        Assert.Null(rows[1].Location);
        Assert.Equal(3, rows[1].Row);
    }

    [Fact]
    public void The_first_of_two_matching_columns_wins_and_one_column_serves_one_field()
    {
        var map = ColumnMap.Guess(["email", "e-mail", "name"]);

        Assert.Equal(0, map.ColumnOf(RosterField.Email));
        Assert.Equal(2, map.ColumnOf(RosterField.Name));
    }

    [Fact]
    public void The_template_header_maps_every_field_except_the_manager_number()
    {
        var headers = ColumnMap.TemplateHeader.Split(',');

        var map = ColumnMap.Guess(headers);

        Assert.Empty(map.Check(headers));
        Assert.Equal(ColumnMap.Fields.Where(f => f != RosterField.ManagerNumber), map.Columns.Keys.Order());
    }
}
