using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Settings;

public sealed record TenantSettingsDto(
    string Name, string? LogoUrl, IReadOnlyList<string> EmployeeDomains, string TimeZone, string DefaultLanguage,
    IReadOnlyList<string> Departments, int? RegistrationYearFrom, string RosterMatch, IReadOnlyDictionary<string, bool> Features,
    string PrivacyPolicyUrl)
{
    /// <summary>The network's name in English (null: the English UI shows <see cref="Name"/>).</summary>
    public string? NameEn { get; init; }
    /// <summary>Leavers from the HR system (SCIM) get their personal invitation on their last day.</summary>
    public bool InviteLeaversOnLastDay { get; init; }
    /// <summary>At most this many newsletters and announcement mails reach one member a week (0: no cap).</summary>
    public int MailsPerWeek { get; init; }
}

/// <summary>A change of settings: a field left out (null) stays as it is.</summary>
public sealed record UpdateSettingsRequest(
    string? Name = null, IReadOnlyList<string>? EmployeeDomains = null, string? TimeZone = null, string? DefaultLanguage = null,
    IReadOnlyList<string>? Departments = null, int? RegistrationYearFrom = null, bool? ClearRegistrationYearFrom = null,
    string? RosterMatch = null, IReadOnlyDictionary<string, bool>? Features = null, string? NameEn = null,
    bool? InviteLeaversOnLastDay = null, int? MailsPerWeek = null);

/// <summary>The network's own settings, changed by its admins; every change is audited with before and after.</summary>
public sealed class TenantSettingsService(AlumniDb db, CurrentMember current, ITenantContext tenant, TenantDirectory directory, AuditLog audit,
    FileStore files, PhotoProcessor photos, TimeProvider clock)
{
    public const int MaxDepartments = 200, LogoSide = 400, MaxMailsPerWeek = 50;
    /// <summary>The privacy policy page (issue #7, privacy): linked from the settings, not edited here.</summary>
    public const string PrivacyPolicyUrl = "/admin/privacy";

    public async Task<Result<TenantSettingsDto>> GetAsync(CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<TenantSettingsDto>.Forbidden();
        return ToDto(await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == tenant.TenantId, ct));
    }

    public static TenantSettingsDto ToDto(Tenant t)
    {
        var info = TenantInfo.From(t);
        return new TenantSettingsDto(t.Name, t.LogoPath is null ? null : LogoUrl(t), info.EmployeeDomains, t.TimeZone, t.DefaultCulture,
            info.Departments, t.RegistrationYearFrom, WireNames.Of(t.RosterMatch),
            Enum.GetValues<TenantFeature>().ToDictionary(WireNames.Of, f => !info.DisabledFeatures.Contains(f)), PrivacyPolicyUrl) { NameEn = info.NameEn, InviteLeaversOnLastDay = t.InviteLeaversOnLastDay, MailsPerWeek = t.MailsPerWeek };
    }

    static string LogoUrl(Tenant t) => $"/network/logo?v={t.LogoPath!.GetHashCode() & 0xffff}";

    public async Task<Result<TenantSettingsDto>> UpdateAsync(UpdateSettingsRequest r, CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<TenantSettingsDto>.Forbidden();
        var t = await db.Tenants.Include(x => x.Hosts).FirstAsync(x => x.Id == tenant.TenantId, ct);
        var before = ToDto(t);
        var errors = new FieldErrors();
        if (r.Name is not null) t.Name = Check.Text(errors, "name", r.Name, 200, required: true) ?? t.Name;
        // An empty English name clears it (the English UI then shows the name).
        if (r.NameEn is not null) t.NameEn = Check.Text(errors, "nameEn", r.NameEn, 200);
        if (r.EmployeeDomains is not null)
        {
            var domains = r.EmployeeDomains.Select(d => (d ?? "").Trim().ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToList();
            if (domains.Any(d => Uri.CheckHostName(d) != UriHostNameType.Dns || !d.Contains('.')) || string.Join(',', domains).Length > 1000)
                errors.Add("employeeDomains", "Validation.HostInvalid");
            else t.EmployeeDomains = string.Join(',', domains);
        }
        if (r.TimeZone is not null)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(r.TimeZone.Trim(), out _) || r.TimeZone.Trim().Length > 64) errors.Add("timeZone", "Validation.TimeZoneInvalid");
            else t.TimeZone = r.TimeZone.Trim();
        }
        if (r.DefaultLanguage is not null)
        {
            var language = r.DefaultLanguage.Trim().ToLowerInvariant();
            if (language is not ("ja" or "en")) errors.Add("defaultLanguage", "Validation.OneOf", "ja, en");
            else t.DefaultCulture = language;
        }
        if (r.Departments is not null)
        {
            var list = new List<string>();
            foreach (var d in r.Departments)
                if (Check.Text(errors, "departments", d, MemberLimits.Department) is { } v && !list.Contains(v)) list.Add(v);
            if (list.Count > MaxDepartments) errors.Add("departments", "Validation.TooMany", MaxDepartments);
            if (list.Any(d => d.Contains('\n'))) errors.Add("departments", "Validation.ControlCharacters");
            t.RegistrationDepartments = string.Join('\n', list);
        }
        if (r.MailsPerWeek is { } cap)
        {
            if (cap is < 0 or > MaxMailsPerWeek) errors.Add("mailsPerWeek", "Validation.OutOfRange", 0, MaxMailsPerWeek);
            else t.MailsPerWeek = cap;
        }
        if (r.ClearRegistrationYearFrom == true) t.RegistrationYearFrom = null;
        else if (r.RegistrationYearFrom is not null) t.RegistrationYearFrom = Check.Year(errors, "registrationYearFrom", r.RegistrationYearFrom, clock.GetUtcNow().Year);
        if (r.RosterMatch is not null) t.RosterMatch = Check.Enum<RosterMatchRule>(errors, "rosterMatch", r.RosterMatch, required: true) ?? t.RosterMatch;
        if (r.Features is not null)
        {
            var off = TenantInfo.From(t).DisabledFeatures.ToHashSet();
            foreach (var (name, on) in r.Features)
            {
                if (Check.Enum<TenantFeature>(errors, "features", name, required: true) is not { } f) continue;
                if (on) off.Remove(f); else off.Add(f);
            }
            t.DisabledFeatures = string.Join(',', off.OrderBy(f => f));
        }
        if (r.InviteLeaversOnLastDay is { } invite) t.InviteLeaversOnLastDay = invite;
        if (errors.Any) return errors;
        var after = ToDto(t);
        await audit.AddAsync("settings.update", "tenant", t.Id.ToString(), Changed(before, after, true), Changed(before, after, false), ct);
        await db.SaveChangesAsync(ct);
        directory.Forget(t);
        return after;
    }

    /// <summary>Only the settings that changed, for the audit log.</summary>
    static Dictionary<string, object?> Changed(TenantSettingsDto before, TenantSettingsDto after, bool old)
    {
        var result = new Dictionary<string, object?>();
        void Add(string name, object? b, object? a, bool same) { if (!same) result[name] = old ? b : a; }
        Add("name", before.Name, after.Name, before.Name == after.Name);
        Add("nameEn", before.NameEn, after.NameEn, before.NameEn == after.NameEn);
        Add("employeeDomains", before.EmployeeDomains, after.EmployeeDomains, before.EmployeeDomains.SequenceEqual(after.EmployeeDomains));
        Add("timeZone", before.TimeZone, after.TimeZone, before.TimeZone == after.TimeZone);
        Add("defaultLanguage", before.DefaultLanguage, after.DefaultLanguage, before.DefaultLanguage == after.DefaultLanguage);
        Add("departments", before.Departments, after.Departments, before.Departments.SequenceEqual(after.Departments));
        Add("registrationYearFrom", before.RegistrationYearFrom, after.RegistrationYearFrom, before.RegistrationYearFrom == after.RegistrationYearFrom);
        Add("rosterMatch", before.RosterMatch, after.RosterMatch, before.RosterMatch == after.RosterMatch);
        Add("inviteLeaversOnLastDay", before.InviteLeaversOnLastDay, after.InviteLeaversOnLastDay, before.InviteLeaversOnLastDay == after.InviteLeaversOnLastDay);
        Add("mailsPerWeek", before.MailsPerWeek, after.MailsPerWeek, before.MailsPerWeek == after.MailsPerWeek);
        Add("features", before.Features, after.Features, before.Features.OrderBy(x => x.Key).SequenceEqual(after.Features.OrderBy(x => x.Key)));
        return result;
    }

    public async Task<Result<TenantSettingsDto>> SetLogoAsync(Stream content, long length, CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<TenantSettingsDto>.Forbidden();
        var jpeg = await photos.ReadAsJpegAsync(content, length, "logo", LogoSide, ct);
        if (!jpeg.IsOk) return jpeg.Errors!;
        var t = await db.Tenants.Include(x => x.Hosts).FirstAsync(x => x.Id == tenant.TenantId, ct);
        var old = t.LogoPath;
        t.LogoPath = await files.SaveAsync(t.Id, "logo", ".jpg", jpeg.Value!, ct);
        await audit.AddAsync("settings.logo", "tenant", t.Id.ToString(), new { logo = old is not null }, new { logo = true }, ct);
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(old, ct);
        directory.Forget(t);
        return ToDto(t);
    }

    public async Task<Result<TenantSettingsDto>> RemoveLogoAsync(CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<TenantSettingsDto>.Forbidden();
        var t = await db.Tenants.Include(x => x.Hosts).FirstAsync(x => x.Id == tenant.TenantId, ct);
        var old = t.LogoPath;
        t.LogoPath = null;
        await audit.AddAsync("settings.logo", "tenant", t.Id.ToString(), new { logo = old is not null }, new { logo = false }, ct);
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(old, ct);
        directory.Forget(t);
        return ToDto(t);
    }

    /// <summary>The logo, for anyone (the sign-in page shows it).</summary>
    public async Task<Stream?> OpenLogoAsync(CancellationToken ct) => tenant.Tenant?.LogoPath is { } path ? await files.OpenAsync(path, ct) : null;
}
