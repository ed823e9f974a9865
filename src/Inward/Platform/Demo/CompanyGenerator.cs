namespace Inward.Platform.Demo;

/// <summary>
/// Deterministically invents a company: the same size and seed always give the same departments and people.
/// Used by --demo (about 120 people) and by `seed --employees N` for benchmarks.
/// </summary>
public static class CompanyGenerator
{
    public sealed record DepartmentPlan(string Name, string? Parent, string Description, string[] JobRoles, double Share, bool Frontline, string Location);

    public sealed record PersonPlan(int Index, string Name, string Email, string EmployeeNumber, string Department, string JobRole,
        string Location, int? ManagerIndex, DateOnly HireDate, string Language, bool Frontline);

    public static readonly (string Name, string City, string Country)[] Locations =
    [
        ("Gdańsk Works", "Gdańsk", "PL"),
        ("Lyon Office", "Lyon", "FR"),
        ("Leeds Service Hub", "Leeds", "GB"),
    ];

    public static readonly DepartmentPlan[] Departments =
    [
        new("Executive", null, "Leadership of the company.", ["Managing director"], 0.02, false, "Gdańsk Works"),
        new("R&D", null, "Designs frames, drivetrains and e-bike systems.", ["Design engineer", "Test rider"], 0.10, false, "Gdańsk Works"),
        new("Production", null, "Builds every bicycle we sell.", ["Production lead"], 0.04, true, "Gdańsk Works"),
        new("Frame Shop", "Production", "Welds and paints frames.", ["Welder", "Painter"], 0.12, true, "Gdańsk Works"),
        new("Assembly", "Production", "Assembles and checks finished bicycles.", ["Assembler", "Quality inspector"], 0.14, true, "Gdańsk Works"),
        new("Logistics", null, "Stocks parts and ships bicycles to customers and dealers.", ["Warehouse operative", "Dispatcher"], 0.12, true, "Gdańsk Works"),
        new("Customer Service", null, "Answers customers by phone, chat and e-mail.", ["Service agent", "Team lead"], 0.14, true, "Lyon Office"),
        new("Field Service", null, "Repairs and maintains bicycles at customers and dealers.", ["Field technician"], 0.10, true, "Leeds Service Hub"),
        new("Sales & Marketing", null, "Wins dealers and riders, runs the brand.", ["Account manager", "Marketing specialist"], 0.10, false, "Lyon Office"),
        new("HR", null, "Hires, develops and cares for our people.", ["HR partner"], 0.06, false, "Gdańsk Works"),
        new("IT", null, "Runs systems and serves every department.", ["IT specialist"], 0.06, false, "Gdańsk Works"),
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Piotr", "Maria", "Tomasz", "Katarzyna", "Jan", "Agnieszka", "Marek", "Zofia", "Paweł",
        "Sophie", "Lucas", "Camille", "Hugo", "Léa", "Louis", "Chloé", "Jules", "Emma", "Nathan",
        "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Noah", "Grace",
        "Omar", "Layla", "Yusuf", "Fatima", "Karim", "Nour", "Samir", "Huda", "Rami", "Salma",
    ];

    private static readonly string[] LastNames =
    [
        "Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański",
        "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Lefèvre", "Fontaine",
        "Smith", "Jones", "Taylor", "Brown", "Walker", "Wright", "Hughes", "Clarke",
        "Haddad", "Khalil", "Nasser", "Mansour", "Saleh", "Aziz", "Farouk", "Hamdan",
    ];

    public static IReadOnlyList<PersonPlan> People(int count, int seed, string emailDomain, string numberPrefix = "E")
    {
        var random = new Random(seed);
        var people = new List<PersonPlan>(count);
        var heads = new Dictionary<string, int>();
        var start = new DateOnly(2008, 1, 1);
        var span = new DateOnly(2026, 10, 1).DayNumber - start.DayNumber;

        // Department heads first so everyone else can report to one; the managing director heads the company.
        foreach (var d in Departments)
        {
            var index = people.Count;
            var manager = d.Parent is not null ? heads[d.Parent] : d.Name == "Executive" ? (int?)null : heads["Executive"];
            people.Add(Person(index, d, d.JobRoles[0], manager));
            heads[d.Name] = index;
        }
        var remaining = Math.Max(0, count - people.Count);
        var totalShare = Departments.Sum(d => d.Share);
        for (var i = 0; i < remaining; i++)
        {
            var d = Pick(random.NextDouble() * totalShare);
            var role = d.JobRoles[Math.Min(d.JobRoles.Length - 1, random.Next(d.JobRoles.Length + 1) % d.JobRoles.Length)];
            people.Add(Person(people.Count, d, role, heads[d.Name]));
        }
        return people.Take(Math.Max(count, 1)).ToList();

        PersonPlan Person(int index, DepartmentPlan d, string role, int? manager)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var local = $"{Ascii(first)}.{Ascii(last)}.{index + 1}".ToLowerInvariant();
            var language = d.Location switch { "Gdańsk Works" => "pl", _ => random.Next(10) == 0 ? "ar" : "en" };
            return new PersonPlan(index, $"{first} {last}", $"{local}@{emailDomain}", $"{numberPrefix}{index + 1:D5}", d.Name, role,
                d.Location, manager, start.AddDays(random.Next(span)), language, d.Frontline);
        }

        DepartmentPlan Pick(double x)
        {
            foreach (var d in Departments)
            {
                if (x < d.Share)
                {
                    return d;
                }
                x -= d.Share;
            }
            return Departments[^1];
        }
    }

    private static string Ascii(string s) =>
        new(s.Replace("ł", "l", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => c < 128 && char.IsLetter(c)).ToArray());
}
