using Inward.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

/// <summary>What the pages of named items (job roles, locations, groups, partner organisations) share: the form and saving it.</summary>
public abstract class NamedFormPage<TEntity, TForm>(InwardDbContext db, IStringLocalizer<Strings> t) : PageModel
    where TEntity : class
    where TForm : new()
{
    protected InwardDbContext Db { get; } = db;
    protected IStringLocalizer<Strings> T { get; } = t;

    [BindProperty] public TForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    protected abstract DbSet<TEntity> Items { get; }

    /// <summary>The form's errors as English messages; id is the item's own, null for a new item.</summary>
    protected abstract Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id);

    protected abstract void Apply(TEntity item);

    /// <summary>"A … with this name already exists.", for when the database refuses a name taken since the check.</summary>
    protected abstract LocalizedString Duplicate { get; }

    /// <summary>Validates the form; its errors go to ModelState.</summary>
    protected async Task<bool> InputIsValidAsync(int? id)
    {
        foreach (var (field, message, args) in await ValidateAsync(id))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        return ModelState.IsValid;
    }

    /// <summary>Saves; false with the duplicate-name error when the database refused.</summary>
    protected async Task<bool> TrySaveAsync()
    {
        if (await OrganisationForms.TrySaveAsync(Db))
        {
            return true;
        }
        ModelState.AddModelError($"{nameof(Input)}.Name", Duplicate);
        return false;
    }
}

/// <summary>A list of named items with a form to create one.</summary>
public abstract class NamedListPage<TEntity, TForm, TRow>(InwardDbContext db, IStringLocalizer<Strings> t)
    : NamedFormPage<TEntity, TForm>(db, t)
    where TEntity : class
    where TForm : new()
{
    public IReadOnlyList<TRow> Rows { get; private set; } = [];

    /// <summary>An empty item for the form to fill.</summary>
    protected abstract TEntity Create();

    protected abstract Task<List<TRow>> LoadRowsAsync();

    /// <summary>Where a created item leads: back to the list unless a page says otherwise.</summary>
    protected virtual IActionResult Created(TEntity item) => RedirectToPage(new { done = "created" });

    public async Task OnGetAsync() => Rows = await LoadRowsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await InputIsValidAsync(null))
        {
            var item = Create();
            Apply(item);
            Items.Add(item);
            if (await TrySaveAsync())
            {
                return Created(item);
            }
        }
        Rows = await LoadRowsAsync();
        return Page();
    }
}

/// <summary>
/// The page of one named item: shows it, saves its form, and deletes it unless something still uses it.
/// Unknown ids are 404.
/// </summary>
public abstract class NamedItemPage<TEntity, TForm>(InwardDbContext db, IStringLocalizer<Strings> t)
    : NamedFormPage<TEntity, TForm>(db, t)
    where TEntity : class
    where TForm : new()
{
    /// <summary>The key property all named items have.</summary>
    private const string Key = "Id";

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>How many people or accounts use the item.</summary>
    public int Uses { get; private set; }

    protected abstract string NameOf(TEntity item);

    protected abstract TForm ToForm(TEntity item);

    protected abstract Task<int> CountUsesAsync(int id);

    /// <summary>Why the item cannot be deleted while it has uses.</summary>
    protected abstract LocalizedString InUse(int uses);

    /// <summary>Why the database refused the delete (a use appeared since the count).</summary>
    protected abstract LocalizedString StillInUse { get; }

    protected abstract string ListUrl { get; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id, tracked: false) is not { } item)
        {
            return NotFound();
        }
        Input = ToForm(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id, tracked: true) is not { } item)
        {
            return NotFound();
        }
        if (await InputIsValidAsync(id))
        {
            Apply(item);
            if (await TrySaveAsync())
            {
                return RedirectToPage(new { id, done = "saved" });
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await FindAsync(id, tracked: true) is not { } item)
        {
            return NotFound();
        }
        Input = ToForm(item);
        if (Uses > 0)
        {
            ModelState.AddModelError("", InUse(Uses));
            return Page();
        }
        Items.Remove(item);
        if (await OrganisationForms.TrySaveAsync(Db))
        {
            return Redirect($"{ListUrl}?done=deleted");
        }
        ModelState.AddModelError("", StillInUse);
        return Page();
    }

    /// <summary>Finds the item and sets what the page shows about it; null when there is none.</summary>
    private async Task<TEntity?> FindAsync(int id, bool tracked)
    {
        var items = tracked ? Items : Items.AsNoTracking();
        var item = await items.SingleOrDefaultAsync(x => EF.Property<int>(x, Key) == id);
        if (item is not null)
        {
            Id = id;
            Name = NameOf(item);
            Uses = await CountUsesAsync(id);
        }
        return item;
    }
}
