using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Privacy;

public sealed record PolicyDto(int Version, string Culture, string Text, DateTimeOffset CreatedAt);
public sealed record PolicyVersionDto(int Version, DateTimeOffset CreatedAt, string? Ja, string? En);
public sealed record SavePolicyRequest(string? Ja, string? En);
public sealed record PurposeConsentDto(string Purpose, bool Granted);
public sealed record ConsentRecordDto(string Purpose, bool Granted, int PolicyVersion, DateTimeOffset At);
public sealed record ConsentsDto(IReadOnlyList<PurposeConsentDto> Purposes, int PolicyVersion, IReadOnlyList<ConsentRecordDto> History);
/// <summary>PUT /me/consents: the purposes to change, by wire name (directory, companyNews, ...); others stay.</summary>
public sealed record SetConsentsRequest(IReadOnlyDictionary<string, bool>? Purposes);

/// <summary>The privacy policy (versioned, per language) and each member's consent per purpose of use.</summary>
public sealed class PrivacyService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, Audit.AuditLog audit)
{
    public static readonly string[] Cultures = ["ja", "en"];

    /// <summary>The current version's text in the language asked (else the other one); null when none was written.</summary>
    public async Task<PolicyDto?> CurrentPolicyAsync(string? culture, int? version, CancellationToken ct)
    {
        var lang = Cultures.Contains(culture) ? culture! : "ja";
        var wanted = version ?? await db.Set<PrivacyPolicy>().MaxAsync(p => (int?)p.Version, ct);
        if (wanted is null) return null;
        var rows = await db.Set<PrivacyPolicy>().AsNoTracking().Where(p => p.Version == wanted).ToListAsync(ct);
        var p = rows.OrderBy(r => r.Culture == lang ? 0 : 1).FirstOrDefault();
        return p is null ? null : new PolicyDto(p.Version, p.Culture, p.Text, tenant.Tenant!.ToLocal(p.CreatedAt));
    }

    public async Task<int> CurrentVersionAsync(CancellationToken ct) =>
        await db.Set<PrivacyPolicy>().MaxAsync(p => (int?)p.Version, ct) ?? 0;

    public async Task<Result<IReadOnlyList<PolicyVersionDto>>> VersionsAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<IReadOnlyList<PolicyVersionDto>>.Forbidden();
        var rows = await db.Set<PrivacyPolicy>().AsNoTracking().OrderByDescending(p => p.Version).ToListAsync(ct);
        return rows.GroupBy(r => r.Version).Select(g => new PolicyVersionDto(g.Key, tenant.Tenant!.ToLocal(g.Min(r => r.CreatedAt)),
            g.FirstOrDefault(r => r.Culture == "ja")?.Text, g.FirstOrDefault(r => r.Culture == "en")?.Text)).ToList();
    }

    /// <summary>Admins: writes a new version (both languages; a language left empty keeps its previous text). Old versions stay.</summary>
    public async Task<Result<PolicyVersionDto>> SavePolicyAsync(SavePolicyRequest r, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<PolicyVersionDto>.Forbidden();
        var errors = new FieldErrors();
        var ja = Check.Text(errors, "ja", r.Ja, PrivacyLimits.PolicyText);
        var en = Check.Text(errors, "en", r.En, PrivacyLimits.PolicyText);
        var last = await db.Set<PrivacyPolicy>().AsNoTracking().OrderByDescending(p => p.Version).ToListAsync(ct);
        var lastVersion = last.FirstOrDefault()?.Version ?? 0;
        var (lastJa, lastEn) = (last.FirstOrDefault(p => p.Culture == "ja" && p.Version == lastVersion)?.Text, last.FirstOrDefault(p => p.Culture == "en" && p.Version == lastVersion)?.Text);
        ja ??= lastJa;
        en ??= lastEn;
        if (ja is null && en is null) errors.Add("ja", "Validation.Required");
        else if (lastVersion > 0 && ja == lastJa && en == lastEn) errors.Add("ja", "Privacy.PolicyUnchanged");
        if (errors.Any) return errors;
        var now = clock.GetUtcNow();
        var version = lastVersion + 1;
        if (ja is not null) db.Add(new PrivacyPolicy { Culture = "ja", Version = version, Text = ja, CreatedAt = now, CreatedByMemberId = me.MemberId });
        if (en is not null) db.Add(new PrivacyPolicy { Culture = "en", Version = version, Text = en, CreatedAt = now, CreatedByMemberId = me.MemberId });
        await audit.AddAsync("privacy.policy_publish", "privacy_policy", version.ToString(), new { version = lastVersion }, new { version }, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Result<PolicyVersionDto>.Conflict("version", "Privacy.PolicyChangedMeanwhile"); }
        return new PolicyVersionDto(version, tenant.Tenant!.ToLocal(now), ja, en);
    }

    public async Task<ConsentsDto> MyConsentsAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var withheld = await db.Members.Where(m => m.Id == me.MemberId).Select(m => m.WithheldPurposes).FirstAsync(ct);
        var history = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.MemberId == me.MemberId)
            .OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
        return new ConsentsDto(
            Consents.All.Select(p => new PurposeConsentDto(Consents.WireName(p), (withheld & p) == Purpose.None)).ToList(),
            await CurrentVersionAsync(ct),
            history.Select(c => new ConsentRecordDto(Consents.WireName(c.Purpose), c.Granted, c.PolicyVersion, tenant.Tenant!.ToLocal(c.At))).ToList());
    }

    /// <summary>Changes my consents; each change (only a change) is recorded with the current policy version.</summary>
    public async Task<Result<ConsentsDto>> SetMyConsentsAsync(SetConsentsRequest r, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var wanted = new Dictionary<Purpose, bool>();
        if (r.Purposes is null || r.Purposes.Count == 0) errors.Add("purposes", "Validation.Required");
        foreach (var (name, granted) in r.Purposes ?? new Dictionary<string, bool>())
        {
            if (Consents.Parse(name) is { } p) wanted[p] = granted;
            else errors.Add("purposes." + name, "Validation.OneOf", string.Join(", ", Consents.All.Select(Consents.WireName)));
        }
        if (errors.Any) return errors;
        var member = await db.Members.FirstAsync(m => m.Id == me.MemberId, ct);
        await ApplyAsync(member, wanted, ct);
        await db.SaveChangesAsync(ct);
        return await MyConsentsAsync(ct);
    }

    /// <summary>Registration: every purpose is recorded, granted or not, with the version the form showed. The caller saves.</summary>
    public async Task RecordRegistrationAsync(Member member, Purpose granted, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(ct);
        var now = clock.GetUtcNow();
        member.WithheldPurposes = Consents.All.Aggregate(Purpose.None, (acc, p) => (granted & p) == Purpose.None ? acc | p : acc);
        foreach (var p in Consents.All)
            db.Add(new ConsentRecord { MemberId = member.Id, Purpose = p, Granted = (granted & p) != Purpose.None, PolicyVersion = version, At = now });
    }

    /// <summary>One purpose granted or withdrawn from another form (the profile's "feature me" box); the caller saves.</summary>
    public Task SetConsentAsync(Member member, Purpose purpose, bool granted, CancellationToken ct) =>
        ApplyAsync(member, new Dictionary<Purpose, bool> { [purpose] = granted }, ct);

    async Task ApplyAsync(Member member, IReadOnlyDictionary<Purpose, bool> wanted, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var (p, granted) in wanted)
        {
            if (member.Has(p) == granted) continue;
            member.WithheldPurposes = granted ? member.WithheldPurposes & ~p : member.WithheldPurposes | p;
            db.Add(new ConsentRecord { MemberId = member.Id, Purpose = p, Granted = granted, PolicyVersion = version, At = now });
        }
    }

    /// <summary>Parses purposes named at registration; null (not given) is the form's default.</summary>
    public static Purpose ParseGranted(FieldErrors errors, IReadOnlyList<string>? names)
    {
        if (names is null) return Consents.RegistrationDefault;
        var granted = Purpose.None;
        foreach (var n in names.Take(20))
        {
            if (Consents.Parse(n) is { } p) granted |= p;
            else errors.Add("consents", "Validation.OneOf", string.Join(", ", Consents.All.Select(Consents.WireName)));
        }
        return granted;
    }

    public static string CultureOf(string? name) => Cultures.Contains(name) ? name! : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ja";
}
