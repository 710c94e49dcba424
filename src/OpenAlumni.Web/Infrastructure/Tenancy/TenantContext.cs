namespace OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>The tenant of the current request (or CLI command), resolved once.</summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }
    long TenantId => Tenant?.Id ?? 0;
}

/// <summary>What a request needs to know of its tenant; cached, so no entity tracking.</summary>
public sealed record TenantInfo(long Id, string Slug, string Name, string TimeZone, string DefaultCulture, IReadOnlyList<string> EmployeeDomains, IReadOnlyList<string> Hosts)
{
    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var tz) ? tz : TimeZoneInfo.Utc;

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZoneInfo);

    public string? LogoPath { get; init; }
    /// <summary>The English name, if the network gave one (settings).</summary>
    public string? NameEn { get; init; }
    /// <summary>The name in the reader's language: English (when given) in the English UI, else <see cref="Name"/>.</summary>
    public string ShownName => LocalName.ToString();
    /// <summary>The same, chosen when it is formatted: for mail texts formatted later in the recipient's language.</summary>
    public NetworkName LocalName => new(Name, NameEn);
    public IReadOnlyList<string> Departments { get; init; } = [];
    public int? RegistrationYearFrom { get; init; }
    public RosterMatchRule RosterMatch { get; init; }
    public IReadOnlySet<TenantFeature> DisabledFeatures { get; init; } = new HashSet<TenantFeature>();

    public static TenantInfo From(Tenant t) =>
        new(t.Id, t.Slug, t.Name, t.TimeZone, t.DefaultCulture, t.EmployeeDomainList, t.Hosts.OrderBy(h => h.Id).Select(h => h.Host).ToList())
        {
            LogoPath = t.LogoPath,
            NameEn = string.IsNullOrWhiteSpace(t.NameEn) ? null : t.NameEn,
            Departments = t.RegistrationDepartments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            RegistrationYearFrom = t.RegistrationYearFrom,
            RosterMatch = t.RosterMatch,
            DisabledFeatures = t.DisabledFeatures.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => Enum.TryParse<TenantFeature>(f, out var v) ? v : (TenantFeature?)null).OfType<TenantFeature>().ToHashSet(),
        };
}

public sealed class TenantContext : ITenantContext
{
    public TenantInfo? Tenant { get; private set; }

    public void Set(TenantInfo tenant)
    {
        if (Tenant is not null && Tenant.Id != tenant.Id)
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        Tenant = tenant;
    }
}

/// <summary>A network's name that picks its language when it is turned into text (the current UI culture).</summary>
public sealed record NetworkName(string Name, string? NameEn)
{
    public override string ToString() =>
        NameEn is not null && System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : Name;
}
