using Inward.Features.People.Import;

namespace Inward.Tests.People.Import;

public sealed class RosterPlannerTests
{
    private static readonly NamedItem[] Departments = [new(1, "Customer Service"), new(2, "R&D"), new(3, "Frame Shop")];
    private static readonly NamedItem[] Locations = [new(1, "Gdańsk Works"), new(2, "Lyon Office")];
    private static readonly NamedItem[] JobRoles = [new(1, "Service agent"), new(2, "Welder")];

    private static RosterSnapshot Snapshot(params ExistingPerson[] people) =>
        new(people, Departments, Locations, JobRoles, "en");

    private static RosterRow Row(int row, string name, string email) => new(row) { Name = name, Email = email };

    private static RosterPlan Plan(RosterSnapshot snapshot, params RosterRow[] rows) => RosterPlanner.Plan(rows, snapshot);

    private static ImportProblem Single(RosterPlan plan)
    {
        Assert.False(plan.IsValid);
        return Assert.Single(plan.Problems);
    }

    [Fact]
    public void A_new_person_is_created_with_resolved_department_location_job_role_and_defaults()
    {
        var plan = Plan(Snapshot(), Row(2, "Zoë Lefèvre", "zoe@x.example") with
        {
            EmployeeNumber = "E1", Department = "customer service", Location = "Lyon Office", JobRole = "Service agent", HireDate = "2024-03-31",
        });

        Assert.True(plan.IsValid);
        var created = Assert.Single(plan.Creates);
        Assert.Equal(2, created.Row);
        Assert.Equal(new PersonValues("Zoë Lefèvre", "zoe@x.example", "E1", 1, 2, 1, null, new DateOnly(2024, 3, 31), "en", false, true), created.Person);
    }

    [Fact]
    public void An_empty_language_gives_new_people_the_company_default()
    {
        var snapshot = Snapshot() with { DefaultLanguage = "pl" };

        var plan = Plan(snapshot, Row(2, "A", "a@x.example") with { Language = "" }, Row(3, "B", "b@x.example") with { Language = "AR" });

        Assert.Equal("pl", plan.Creates[0].Person.Language);
        Assert.Equal("ar", plan.Creates[1].Person.Language);
    }

    [Fact]
    public void A_row_matching_an_existing_email_case_insensitively_updates_that_person()
    {
        var plan = Plan(Snapshot(new ExistingPerson(7, "Old Name", "anna@x.example", DepartmentId: 1)),
            Row(2, "New Name", "ANNA@x.example") with { Department = "R&D" });

        var update = Assert.Single(plan.Updates);
        Assert.Equal(7, update.EmployeeId);
        Assert.Contains(new FieldChange(RosterField.Name, "Old Name", "New Name"), update.Changes);
        Assert.Contains(new FieldChange(RosterField.Department, "Customer Service", "R&D"), update.Changes);
        Assert.Contains(new FieldChange(RosterField.Email, "anna@x.example", "ANNA@x.example"), update.Changes);
        Assert.Empty(plan.Creates);
    }

    [Fact]
    public void A_row_matching_an_employee_number_updates_that_person_and_changes_the_email()
    {
        var plan = Plan(Snapshot(new ExistingPerson(7, "Anna", "old@x.example", "E7")),
            Row(2, "Anna", "new@x.example") with { EmployeeNumber = "E7" });

        var update = Assert.Single(plan.Updates);
        Assert.Equal(7, update.EmployeeId);
        Assert.Equal([new FieldChange(RosterField.Email, "old@x.example", "new@x.example")], update.Changes);
    }

    [Fact]
    public void A_row_identical_to_the_person_in_Inward_is_unchanged()
    {
        var existing = new ExistingPerson(7, "Anna", "anna@x.example", "E7", 1, 2, 1, null, new DateOnly(2020, 1, 2), "pl", true, true);

        var plan = Plan(Snapshot(existing), Row(2, "Anna", "anna@x.example") with
        {
            EmployeeNumber = "E7", Department = "Customer Service", Location = "Lyon Office", JobRole = "Service agent",
            HireDate = "2020-01-02", Language = "pl", Frontline = "yes", Active = "yes", ManagerEmail = "",
        });

        Assert.True(plan.IsValid);
        Assert.Equal([2], plan.UnchangedRows);
        Assert.Empty(plan.Updates);
        Assert.Empty(plan.Creates);
    }

    [Fact]
    public void An_email_and_a_number_of_two_different_people_is_an_error_naming_both()
    {
        var plan = Plan(Snapshot(new ExistingPerson(1, "Anna", "anna@x.example", "E1"), new ExistingPerson(2, "Bart", "bart@x.example", "E2")),
            Row(2, "Anna", "anna@x.example") with { EmployeeNumber = "E2" });

        var problem = Single(plan);
        Assert.Equal(2, problem.Row);
        Assert.Equal("The e-mail anna@x.example belongs to Anna, but the employee number E2 belongs to Bart. Correct one of them.", problem.Format());
    }

    [Fact]
    public void Two_rows_matching_the_same_person_is_an_error()
    {
        var plan = Plan(Snapshot(new ExistingPerson(1, "Anna", "anna@x.example", "E1")),
            Row(2, "Anna", "anna@x.example"), Row(3, "Anna B", "other@x.example") with { EmployeeNumber = "E1" });

        var problem = Single(plan);
        Assert.Equal(3, problem.Row);
        Assert.Equal("This row matches the same person (Anna) as row 2.", problem.Format());
    }

    [Fact]
    public void Duplicate_emails_in_the_file_are_errors_on_both_rows_naming_both_rows()
    {
        var plan = Plan(Snapshot(), Row(2, "A", "same@x.example"), Row(3, "B", "other@x.example"), Row(5, "C", "SAME@x.example"));

        Assert.Equal(2, plan.Problems.Count);
        Assert.Equal([2, 5], plan.Problems.Select(p => p.Row));
        Assert.All(plan.Problems, p => Assert.EndsWith("appears more than once in the file (rows 2, 5).", p.Format(), StringComparison.Ordinal));
        Assert.Equal("The e-mail same@x.example appears more than once in the file (rows 2, 5).", plan.Problems[0].Format());
    }

    [Fact]
    public void Duplicate_employee_numbers_in_the_file_are_errors_on_both_rows_naming_both_rows()
    {
        var plan = Plan(Snapshot(), Row(2, "A", "a@x.example") with { EmployeeNumber = "E9" }, Row(4, "B", "b@x.example") with { EmployeeNumber = "E9" });

        Assert.Equal([2, 4], plan.Problems.Select(p => p.Row));
        Assert.All(plan.Problems, p => Assert.Equal("The employee number E9 appears more than once in the file (rows 2, 4).", p.Format()));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@x.example")]
    [InlineData("space in@x.example")]
    [InlineData("Anna <anna@x.example>")]
    [InlineData("anna@x.example;bart@x.example")]
    public void An_invalid_email_is_an_error(string email)
    {
        var problem = Single(Plan(Snapshot(), Row(2, "A", email)));

        Assert.Equal($"'{email}' is not a valid e-mail address.", problem.Format());
    }

    [Theory]
    [InlineData("anna@x.example")]
    [InlineData("anna.maria+roster@mail.x-y.example")]
    [InlineData("łukasz@gdańsk.example")]
    public void Valid_emails_are_accepted(string email) => Assert.True(RosterPlanner.IsEmail(email));

    [Fact]
    public void An_empty_email_or_name_is_an_error()
    {
        var plan = Plan(Snapshot(), Row(2, "", "a@x.example"), Row(3, "B", ""));

        Assert.Equal(["The name is empty.", "The e-mail is empty."], plan.Problems.Select(p => p.Format()));
    }

    [Fact]
    public void Too_long_names_and_numbers_are_errors()
    {
        var plan = Plan(Snapshot(), Row(2, new string('a', 201), "a@x.example") with { EmployeeNumber = new string('1', 65) });

        Assert.Equal(["The name is longer than 200 characters.", "The employee number is longer than 64 characters."], plan.Problems.Select(p => p.Format()));
    }

    [Theory]
    [InlineData("31/03/2024")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("03/31/2024")]
    [InlineData("yesterday")]
    [InlineData("2024-3-31")]
    public void A_hire_date_not_in_iso_format_is_an_error_that_names_the_format(string date)
    {
        var problem = Single(Plan(Snapshot(), Row(2, "A", "a@x.example") with { HireDate = date }));

        Assert.Equal($"The hire date '{date}' is not a date in the format yyyy-MM-dd (for example 2024-03-31).", problem.Format());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    [InlineData("pl-PL")]
    public void An_unsupported_language_is_an_error(string language)
    {
        var problem = Single(Plan(Snapshot(), Row(2, "A", "a@x.example") with { Language = language }));

        Assert.StartsWith($"The language '{language}' is not supported", problem.Format(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("maybe", null)]
    [InlineData("2", null)]
    public void Flags_accept_yes_no_true_false_and_one_zero(string value, bool? expected) =>
        Assert.Equal(expected, RosterPlanner.ParseFlag(value));

    [Fact]
    public void Invalid_frontline_and_active_values_are_errors()
    {
        var plan = Plan(Snapshot(), Row(2, "A", "a@x.example") with { Frontline = "sometimes", Active = "perhaps" });

        Assert.Equal(["Frontline 'sometimes' is not yes or no (true/false and 1/0 work too).", "Active 'perhaps' is not yes or no (true/false and 1/0 work too)."],
            plan.Problems.Select(p => p.Format()));
    }

    [Fact]
    public void Unknown_department_location_and_job_role_are_errors_and_nothing_is_created()
    {
        var plan = Plan(Snapshot(), Row(2, "A", "a@x.example") with { Department = "Marketing", Location = "Paris", JobRole = "Astronaut" });

        Assert.Equal(3, plan.Problems.Count);
        Assert.StartsWith("Unknown department 'Marketing'. An import does not create departments", plan.Problems[0].Format(), StringComparison.Ordinal);
        Assert.StartsWith("Unknown location 'Paris'.", plan.Problems[1].Format(), StringComparison.Ordinal);
        Assert.StartsWith("Unknown job role 'Astronaut'.", plan.Problems[2].Format(), StringComparison.Ordinal);
        Assert.Empty(plan.Creates);
    }

    [Fact]
    public void A_manager_in_the_file_who_is_new_is_referenced_by_row()
    {
        var plan = Plan(Snapshot(), Row(2, "Boss", "boss@x.example"), Row(3, "Worker", "worker@x.example") with { ManagerEmail = "BOSS@x.example" });

        Assert.True(plan.IsValid);
        Assert.Equal(ManagerRef.NewFromRow(2), plan.Creates[1].Person.Manager);
        Assert.Null(plan.Creates[0].Person.Manager);
    }

    [Fact]
    public void A_manager_already_in_Inward_is_referenced_by_id_via_email_or_number()
    {
        var snapshot = Snapshot(new ExistingPerson(9, "Boss", "boss@x.example", "E9"));

        var plan = Plan(snapshot,
            Row(2, "A", "a@x.example") with { ManagerEmail = "boss@x.example" },
            Row(3, "B", "b@x.example") with { ManagerNumber = "E9" });

        Assert.All(plan.Creates, c => Assert.Equal(ManagerRef.Existing(9), c.Person.Manager));
    }

    [Fact]
    public void A_manager_in_the_file_who_updates_an_existing_person_is_referenced_by_id()
    {
        var plan = Plan(Snapshot(new ExistingPerson(9, "Boss", "boss@x.example")),
            Row(2, "Boss Renamed", "boss@x.example"), Row(3, "A", "a@x.example") with { ManagerEmail = "boss@x.example" });

        Assert.Equal(ManagerRef.Existing(9), Assert.Single(plan.Creates).Person.Manager);
    }

    [Fact]
    public void An_unknown_manager_is_an_error()
    {
        var plan = Plan(Snapshot(), Row(2, "A", "a@x.example") with { ManagerEmail = "ghost@x.example" },
            Row(3, "B", "b@x.example") with { ManagerNumber = "E404" });

        Assert.Equal(["Unknown manager ghost@x.example: nobody in the file or in Inward has this e-mail.",
            "Unknown manager E404: nobody in the file or in Inward has this employee number."], plan.Problems.Select(p => p.Format()));
    }

    [Fact]
    public void An_invalid_manager_email_is_an_error()
    {
        var problem = Single(Plan(Snapshot(), Row(2, "A", "a@x.example") with { ManagerEmail = "boss" }));

        Assert.Equal("The manager's e-mail 'boss' is not a valid e-mail address.", problem.Format());
    }

    [Fact]
    public void A_manager_email_and_number_of_different_people_is_an_error()
    {
        var problem = Single(Plan(Snapshot(new ExistingPerson(1, "B1", "b1@x.example", "E1"), new ExistingPerson(2, "B2", "b2@x.example", "E2")),
            Row(2, "A", "a@x.example") with { ManagerEmail = "b1@x.example", ManagerNumber = "E2" }));

        Assert.Equal("The manager's e-mail and the manager's employee number point at different people.", problem.Format());
    }

    [Fact]
    public void A_person_cannot_be_their_own_manager()
    {
        var plan = Plan(Snapshot(new ExistingPerson(1, "B", "b@x.example")),
            Row(2, "A", "a@x.example") with { ManagerEmail = "a@x.example" },
            Row(3, "B", "b@x.example") with { ManagerEmail = "b@x.example" });

        Assert.Equal([2, 3], plan.Problems.Select(p => p.Row));
        Assert.All(plan.Problems, p => Assert.Equal("A person cannot be their own manager.", p.Format()));
    }

    [Fact]
    public void Two_rows_managing_each_other_are_a_cycle_naming_both_rows()
    {
        var plan = Plan(Snapshot(),
            Row(2, "A", "a@x.example") with { ManagerEmail = "b@x.example" },
            Row(3, "B", "b@x.example") with { ManagerEmail = "a@x.example" });

        var problem = Single(plan);
        Assert.Equal(2, problem.Row);
        Assert.Equal("Manager cycle through rows 2, 3: a@x.example → b@x.example → a@x.example.", problem.Format());
        Assert.Empty(plan.Creates);
    }

    [Fact]
    public void A_longer_cycle_is_reported_once_with_all_its_rows()
    {
        var plan = Plan(Snapshot(),
            Row(2, "Top", "top@x.example"),
            Row(3, "C", "c@x.example") with { ManagerEmail = "a@x.example" },
            Row(4, "A", "a@x.example") with { ManagerEmail = "b@x.example" },
            Row(5, "B", "b@x.example") with { ManagerEmail = "c@x.example" },
            Row(6, "D", "d@x.example") with { ManagerEmail = "a@x.example" });

        var problem = Single(plan);
        Assert.Equal(3, problem.Row);
        Assert.Equal("Manager cycle through rows 3, 4, 5: c@x.example → a@x.example → b@x.example → c@x.example.", problem.Format());
    }

    [Fact]
    public void A_cycle_closed_through_people_already_in_Inward_is_an_error()
    {
        // In Inward: Worker reports to Middle, Middle reports to Boss. The file makes Boss report to Worker.
        var snapshot = Snapshot(
            new ExistingPerson(1, "Boss", "boss@x.example"),
            new ExistingPerson(2, "Middle", "middle@x.example", ManagerId: 1),
            new ExistingPerson(3, "Worker", "worker@x.example", ManagerId: 2));

        var problem = Single(Plan(snapshot, Row(7, "Boss", "boss@x.example") with { ManagerEmail = "worker@x.example" }));

        Assert.Equal(7, problem.Row);
        Assert.Equal("Manager cycle through rows 7: boss@x.example → worker@x.example → middle@x.example → boss@x.example.", problem.Format());
    }

    [Fact]
    public void A_file_that_breaks_an_old_chain_before_making_a_new_one_is_not_a_cycle()
    {
        // Today Middle reports to Boss; the file makes Boss report to Middle and Middle report to nobody.
        var snapshot = Snapshot(new ExistingPerson(1, "Boss", "boss@x.example"), new ExistingPerson(2, "Middle", "middle@x.example", ManagerId: 1));

        var plan = Plan(snapshot,
            Row(2, "Boss", "boss@x.example") with { ManagerEmail = "middle@x.example" },
            Row(3, "Middle", "middle@x.example") with { ManagerEmail = "" });

        Assert.True(plan.IsValid);
        Assert.Equal(2, plan.Updates.Count);
    }

    [Fact]
    public void A_cycle_among_people_not_in_the_file_is_not_the_import_s_problem()
    {
        var snapshot = Snapshot(new ExistingPerson(1, "A", "a@x.example", ManagerId: 2), new ExistingPerson(2, "B", "b@x.example", ManagerId: 1));

        Assert.True(Plan(snapshot, Row(2, "C", "c@x.example") with { ManagerEmail = "a@x.example" }).IsValid);
    }

    [Fact]
    public void A_chain_of_managers_is_fine()
    {
        var plan = Plan(Snapshot(),
            Row(2, "A", "a@x.example") with { ManagerEmail = "b@x.example" },
            Row(3, "B", "b@x.example") with { ManagerEmail = "c@x.example" },
            Row(4, "C", "c@x.example") with { ManagerEmail = "" });

        Assert.True(plan.IsValid);
        Assert.Equal(3, plan.Creates.Count);
    }

    [Fact]
    public void Without_the_option_nobody_missing_from_the_file_is_deactivated()
    {
        var plan = Plan(Snapshot(new ExistingPerson(1, "Gone", "gone@x.example")), Row(2, "A", "a@x.example"));

        Assert.Empty(plan.Deactivations);
    }

    [Fact]
    public void With_the_option_active_people_missing_from_the_file_are_deactivated_and_their_accounts_ended()
    {
        var snapshot = Snapshot(
            new ExistingPerson(1, "Stays", "stays@x.example"),
            new ExistingPerson(2, "Gone", "gone@x.example", HasAccount: true),
            new ExistingPerson(3, "Already gone", "old@x.example", IsActive: false),
            new ExistingPerson(4, "Also gone", "also@x.example"));

        var plan = RosterPlanner.Plan([Row(2, "Stays", "stays@x.example")], snapshot, new RosterOptions(DeactivateMissing: true));

        Assert.True(plan.IsValid);
        Assert.Equal([4, 2], plan.Deactivations.Select(d => d.EmployeeId));
        Assert.True(plan.Deactivations.Single(d => d.EmployeeId == 2).HasAccount);
        Assert.Equal([2], plan.AccountsToEnd);
        Assert.Equal([2], plan.UnchangedRows);
    }

    [Fact]
    public void Deactivating_the_person_running_the_import_is_refused()
    {
        var snapshot = Snapshot(new ExistingPerson(1, "Me", "me@x.example"), new ExistingPerson(2, "Other", "other@x.example")) with { ActorEmployeeId = 1 };

        var missing = RosterPlanner.Plan([Row(2, "Other", "other@x.example")], snapshot, new RosterOptions(DeactivateMissing: true));
        var byRow = RosterPlanner.Plan([Row(2, "Me", "me@x.example") with { Active = "no" }], snapshot);

        Assert.Equal(ImportProblem.WholeFile, Single(missing).Row);
        Assert.Contains("would deactivate you (me@x.example)", Single(missing).Format(), StringComparison.Ordinal);
        Assert.Equal("This row would deactivate you. Someone else has to do that.", Single(byRow).Format());
    }

    [Fact]
    public void A_row_saying_inactive_deactivates_the_person_and_ends_their_account()
    {
        var plan = Plan(Snapshot(new ExistingPerson(1, "A", "a@x.example", HasAccount: true)), Row(2, "A", "a@x.example") with { Active = "no" });

        var update = Assert.Single(plan.Updates);
        Assert.True(update.EndsAccount);
        Assert.Equal([new FieldChange(RosterField.Active, "yes", "no")], update.Changes);
        Assert.Equal([1], plan.AccountsToEnd);
    }

    [Fact]
    public void People_in_the_file_are_active_unless_the_active_column_says_no()
    {
        var inactive = new ExistingPerson(1, "A", "a@x.example", IsActive: false);

        var unmapped = Plan(Snapshot(inactive), Row(2, "A", "a@x.example"));
        var empty = Plan(Snapshot(inactive), Row(2, "A", "a@x.example") with { Active = "" });

        Assert.True(Assert.Single(unmapped.Updates).Person.IsActive);
        Assert.True(Assert.Single(empty.Updates).Person.IsActive);
        Assert.False(unmapped.Updates[0].EndsAccount);
    }

    [Fact]
    public void An_empty_cell_clears_a_value_and_a_missing_column_keeps_it()
    {
        var existing = new ExistingPerson(1, "A", "a@x.example", "E1", 1, 1, 1, 5, new DateOnly(2020, 1, 1), "pl", true);
        var boss = new ExistingPerson(5, "Boss", "boss@x.example");

        var cleared = Plan(Snapshot(existing, boss), Row(2, "A", "a@x.example") with
        {
            Department = "", Location = "", JobRole = "", ManagerEmail = "", HireDate = "", Frontline = "", Language = "", EmployeeNumber = "",
        });
        var kept = Plan(Snapshot(existing, boss), Row(2, "A", "a@x.example"));

        var person = Assert.Single(cleared.Updates).Person;
        Assert.Equal(new PersonValues("A", "a@x.example", "E1", null, null, null, null, null, "pl", false, true), person);
        Assert.Equal([2], kept.UnchangedRows);
    }

    [Fact]
    public void An_update_lists_manager_changes_by_email()
    {
        var plan = Plan(Snapshot(new ExistingPerson(1, "A", "a@x.example", ManagerId: 2), new ExistingPerson(2, "B", "b@x.example")),
            Row(2, "A", "a@x.example") with { ManagerEmail = "c@x.example" }, Row(3, "C", "c@x.example"));

        var update = Assert.Single(plan.Updates);
        Assert.Equal([new FieldChange(RosterField.ManagerEmail, "b@x.example", "c@x.example")], update.Changes);
        Assert.Equal(ManagerRef.NewFromRow(3), update.Person.Manager);
    }

    [Fact]
    public void A_file_without_rows_is_an_error()
    {
        var plan = RosterPlanner.Plan([], Snapshot(), new RosterOptions(DeactivateMissing: true));

        Assert.Equal("The file has no data rows: nothing to import.", Single(plan).Format());
        Assert.Empty(plan.Deactivations);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once_in_row_order()
    {
        var plan = Plan(Snapshot(),
            Row(4, "C", "c@x.example") with { HireDate = "soon" },
            Row(2, "A", "bad"),
            Row(3, "B", "b@x.example") with { Department = "Nowhere" });

        Assert.Equal([2, 3, 4], plan.Problems.Select(p => p.Row));
        Assert.Empty(plan.Creates);
    }

    [Fact]
    public void Ten_thousand_new_people_with_managers_are_planned()
    {
        var rows = Enumerable.Range(0, 10_000).Select(i => Row(i + 2, $"P{i}", $"p{i}@x.example") with
        {
            EmployeeNumber = $"N{i}",
            ManagerEmail = i == 0 ? "" : $"p{(i - 1) / 10}@x.example",
            Department = "R&D",
        }).ToList();

        var plan = RosterPlanner.Plan(rows, Snapshot());

        Assert.True(plan.IsValid);
        Assert.Equal(10_000, plan.Creates.Count);
    }
}
