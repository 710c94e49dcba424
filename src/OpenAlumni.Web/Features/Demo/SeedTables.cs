using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The columns the bulk seeder writes, per table, shared by both <see cref="SeedWriter"/>s. Each column is
/// named by its entity property; table and column names and the stored form of each value come from
/// the EF model, so they cannot drift from what EF itself writes: enums as names or numbers as
/// configured, and on SQLite dates as the binary ticks of its <c>DateTimeOffsetToBinaryConverter</c>.
/// </summary>
internal static class SeedTables
{
    public static SeedTable<AppUser> Users(IModel model) => new(model,
        (nameof(AppUser.Id), u => u.Id),
        (nameof(AppUser.UserName), u => u.UserName),
        (nameof(AppUser.NormalizedUserName), u => u.NormalizedUserName),
        (nameof(AppUser.Email), u => u.Email),
        (nameof(AppUser.NormalizedEmail), u => u.NormalizedEmail),
        (nameof(AppUser.EmailConfirmed), u => u.EmailConfirmed),
        (nameof(AppUser.PasswordHash), u => u.PasswordHash),
        (nameof(AppUser.SecurityStamp), u => u.SecurityStamp),
        (nameof(AppUser.ConcurrencyStamp), u => u.ConcurrencyStamp),
        (nameof(AppUser.PhoneNumber), u => u.PhoneNumber),
        (nameof(AppUser.PhoneNumberConfirmed), u => u.PhoneNumberConfirmed),
        (nameof(AppUser.TwoFactorEnabled), u => u.TwoFactorEnabled),
        (nameof(AppUser.LockoutEnd), u => u.LockoutEnd),
        (nameof(AppUser.LockoutEnabled), u => u.LockoutEnabled),
        (nameof(AppUser.AccessFailedCount), u => u.AccessFailedCount),
        (nameof(AppUser.PreferredCulture), u => u.PreferredCulture));

    /// <summary>
    /// Members. <paramref name="withId"/>: PostgreSQL writes ids reserved beforehand; SQLite leaves the id
    /// to the database and reads it back. SearchVector is never written: PostgreSQL generates it.
    /// </summary>
    public static SeedTable<Member> Members(IModel model, bool withId)
    {
        (string, Func<Member, object?>)[] columns =
        [
            (nameof(Member.TenantId), m => m.TenantId),
            (nameof(Member.UserId), m => m.UserId),
            (nameof(Member.Kind), m => m.Kind),
            (nameof(Member.Role), m => m.Role),
            (nameof(Member.Status), m => m.Status),
            (nameof(Member.CreatedAt), m => m.CreatedAt),
            (nameof(Member.DecidedAt), m => m.DecidedAt),
            (nameof(Member.DecidedByUserId), m => m.DecidedByUserId),
            (nameof(Member.DecisionReason), m => m.DecisionReason),
            (nameof(Member.FamilyName), m => m.FamilyName),
            (nameof(Member.GivenName), m => m.GivenName),
            (nameof(Member.FamilyNameKana), m => m.FamilyNameKana),
            (nameof(Member.GivenNameKana), m => m.GivenNameKana),
            (nameof(Member.RomanizedName), m => m.RomanizedName),
            (nameof(Member.PhotoPath), m => m.PhotoPath),
            (nameof(Member.PhotoVisibility), m => m.PhotoVisibility),
            (nameof(Member.Organization), m => m.Organization),
            (nameof(Member.Title), m => m.Title),
            (nameof(Member.OrganizationVisibility), m => m.OrganizationVisibility),
            (nameof(Member.CareerVisibility), m => m.CareerVisibility),
            (nameof(Member.TagsVisibility), m => m.TagsVisibility),
            (nameof(Member.Location), m => m.Location),
            (nameof(Member.LocationVisibility), m => m.LocationVisibility),
            (nameof(Member.Bio), m => m.Bio),
            (nameof(Member.BioVisibility), m => m.BioVisibility),
            (nameof(Member.Links), m => m.Links),
            (nameof(Member.LinksVisibility), m => m.LinksVisibility),
            (nameof(Member.OpenTo), m => m.OpenTo),
            (nameof(Member.OpenToVisibility), m => m.OpenToVisibility),
            (nameof(Member.Availability), m => m.Availability),
            (nameof(Member.EmailVisibility), m => m.EmailVisibility),
            (nameof(Member.IsRecruiter), m => m.IsRecruiter),
            (nameof(Member.UpdatedAt), m => m.UpdatedAt),
            (nameof(Member.ConfirmedAt), m => m.ConfirmedAt),
            (nameof(Member.ConfirmRequestedAt), m => m.ConfirmRequestedAt),
            (nameof(Member.WithheldPurposes), m => m.WithheldPurposes),
            (nameof(Member.LastActiveAt), m => m.LastActiveAt),
            (nameof(Member.SearchNetwork), m => m.SearchNetwork),
            (nameof(Member.SearchEmployees), m => m.SearchEmployees),
            (nameof(Member.SearchAdmins), m => m.SearchAdmins),
            (nameof(Member.SearchTokens), m => m.SearchTokens),
            (nameof(Member.SortKey), m => m.SortKey),
        ];
        return new(model, withId ? [(nameof(Member.Id), m => m.Id), .. columns] : columns);
    }

    /// <summary>Career entries and tags: ids are left to the database, nothing refers to them.</summary>
    public static SeedTable<CareerEntry> Career(IModel model) => new(model,
        (nameof(CareerEntry.TenantId), c => c.TenantId),
        (nameof(CareerEntry.MemberId), c => c.MemberId),
        (nameof(CareerEntry.Department), c => c.Department),
        (nameof(CareerEntry.FromYear), c => c.FromYear),
        (nameof(CareerEntry.ToYear), c => c.ToYear));

    public static SeedTable<ProfileTag> Tags(IModel model) => new(model,
        (nameof(ProfileTag.TenantId), t => t.TenantId),
        (nameof(ProfileTag.MemberId), t => t.MemberId),
        (nameof(ProfileTag.Kind), t => t.Kind),
        (nameof(ProfileTag.Name), t => t.Name),
        (nameof(ProfileTag.Key), t => t.Key));
}

/// <summary>One table as the seeder writes it: its name, its columns, and each column's stored value.</summary>
internal sealed class SeedTable<T> where T : class
{
    readonly Func<T, object?>[] values;

    public SeedTable(IModel model, params (string Property, Func<T, object?> Read)[] columns)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Name = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        var properties = columns.Select(c => entity.FindProperty(c.Property)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{c.Property} is not in the model.")).ToArray();
        Columns = properties.Select(p => p.GetColumnName(table)!).ToArray();
        values = columns.Select((c, i) => Stored(properties[i], c.Read)).ToArray();

        // A column left out would silently get its default in every seeded row. Keys may be left to the
        // database, and columns the database computes (SearchVector) must be.
        var missing = entity.GetProperties().Except(properties)
            .Where(p => !p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.OnAddOrUpdate).Select(p => p.Name).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"SeedTables does not write {Name}.{string.Join(", ", missing)}: add the column(s).");
    }

    public string Name { get; }
    public string[] Columns { get; }

    /// <summary>The value of a column for a row, in the form the provider stores (after EF's value converter).</summary>
    public object? Value(T row, int column) => values[column](row);

    static Func<T, object?> Stored(IProperty property, Func<T, object?> read)
    {
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? read : row => read(row) is { } value ? converter.ConvertToProvider(value) : null;
    }
}
