using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Scim;

/// <summary>A SCIM answer: a resource (or list) to send, or a <see cref="ScimError"/>.</summary>
public readonly record struct ScimResult(int Status, JsonObject? Body, ScimError? Error)
{
    public static implicit operator ScimResult(ScimError error) => new(error.Status, null, error);
}

/// <summary>
/// SCIM Users as the network's roster (<see cref="RosterEntry"/>): the HR system creates one when someone leaves (or marks an
/// employee <c>active=false</c>), and the row is the same one a CSV import makes or finds (by employee number, else by address),
/// so registrations match it and the secretariat invites from it as from any roster row. Nothing is written until the whole
/// request has been read and checked.
/// </summary>
public sealed class ScimUserService(AlumniDb db, ITenantContext tenant, TimeProvider clock, AuditLog audit, AppLinks links)
{
    static ScimError Invalid(string path) => new(400, "invalidValue", "Scim.InvalidValue", path);

    public async Task<ScimResult> CreateAsync(JsonObject body, CancellationToken ct)
    {
        var u = ScimUser.Read(body, Invalid);
        var now = clock.GetUtcNow();
        var checkedUser = Validate(u, now);
        var userName = checkedUser.UserName;
        if (await db.Set<RosterEntry>().AnyAsync(r => r.ScimUserName == userName, ct))
            return new ScimError(409, "uniqueness", "Scim.UserNameTaken", u.UserName!);
        // The person may be on the roster already, from a CSV import: the same row, claimed (as an import would find it).
        var entry = checkedUser.EmployeeNumber is { } number
            ? await db.Set<RosterEntry>().FirstOrDefaultAsync(r => r.EmployeeNumber == number, ct) : null;
        entry ??= await db.Set<RosterEntry>().FirstOrDefaultAsync(r => r.EmailKey == checkedUser.EmailKey && (checkedUser.EmployeeNumber == null || r.EmployeeNumber == null), ct);
        if (entry?.ScimUserName is not null) return new ScimError(409, "uniqueness", "Scim.PersonTaken");
        var isNew = entry is null;
        entry ??= new RosterEntry { FamilyName = "", GivenName = "", Email = "", EmailKey = "", CreatedAt = now, UpdatedAt = now };
        if (await ApplyAsync(entry, checkedUser, isNew, now, ct) is { } conflict) return conflict;
        if (isNew) db.Add(entry);
        return await SaveAsync(entry, isNew ? "scim.user.create" : "scim.user.claim", 201, ct);
    }

    public async Task<ScimResult> GetAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } entry ? new ScimResult(200, ToJson(entry), null) : NotFound(id);

    public async Task<ScimResult> ReplaceAsync(string id, JsonObject body, CancellationToken ct)
    {
        var entry = await FindAsync(id, ct);
        if (entry is null) return NotFound(id);
        var u = ScimUser.Read(body, Invalid);
        return await UpdateAsync(entry, u, ct);
    }

    /// <summary>
    /// RFC 7644 §3.5.2: <c>Operations</c> of <c>add</c>, <c>replace</c>, <c>remove</c> (any case: Entra ID writes "Replace"), with
    /// a path or, without one, an object of attributes (Okta's <c>{"op":"replace","value":{"active":false}}</c>). All or none apply.
    /// </summary>
    public async Task<ScimResult> PatchAsync(string id, JsonObject body, CancellationToken ct)
    {
        var entry = await FindAsync(id, ct);
        if (entry is null) return NotFound(id);
        var operations = body.FirstOrDefault(kv => kv.Key.Equals("Operations", StringComparison.OrdinalIgnoreCase)).Value as JsonArray;
        if (operations is null || operations.Count == 0) return new ScimError(400, "invalidSyntax", "Scim.NoOperations");
        var u = FromEntry(entry);
        foreach (var node in operations)
        {
            if (node is not JsonObject op) return new ScimError(400, "invalidSyntax", "Scim.NoOperations");
            string? Field(string name) => op.FirstOrDefault(kv => kv.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
                && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
            var value = op.FirstOrDefault(kv => kv.Key.Equals("value", StringComparison.OrdinalIgnoreCase)).Value;
            var path = Field("path");
            switch (Field("op")?.ToLowerInvariant())
            {
                case "add" or "replace" when path is not null:
                    // A single value in a one-element list ([{"value": x}]) is how some clients send a simple attribute.
                    if (value is JsonArray { Count: 1 } list && list[0] is JsonObject one && !path.StartsWith("emails", StringComparison.OrdinalIgnoreCase)
                        && one.FirstOrDefault(kv => kv.Key.Equals("value", StringComparison.OrdinalIgnoreCase)).Value is { } inner) value = inner;
                    u.Set(path, value?.DeepClone(), Invalid);
                    break;
                case "add" or "replace":
                    if (value is not JsonObject attributes) return new ScimError(400, "invalidValue", "Scim.PatchNeedsPath");
                    foreach (var (name, v) in attributes) u.Set(name, v?.DeepClone(), Invalid);
                    break;
                case "remove" when path is not null:
                    u.Set(path, null, Invalid);
                    break;
                case "remove":
                    return new ScimError(400, "noTarget", "Scim.PatchNeedsPath");
                default:
                    return new ScimError(400, "invalidSyntax", "Scim.UnknownOp", Field("op") ?? "");
            }
        }
        return await UpdateAsync(entry, u, ct);
    }

    /// <summary>
    /// The HR system stops tracking the person (Entra ID deletes a user for good some time after disabling it). The roster row
    /// is the secretariat's and stays, now without its SCIM link (so the id is gone for SCIM: 404 after this, as RFC 7644 §3.6
    /// wants); someone still active is a leaver from today, and a last-day invitation still due is still sent.
    /// </summary>
    public async Task<ScimResult> DeleteAsync(string id, CancellationToken ct)
    {
        var entry = await FindAsync(id, ct);
        if (entry is null) return NotFound(id);
        var now = clock.GetUtcNow();
        if (entry.ScimActive || entry.LastDay is null)
        {
            entry.LastDay ??= DateOnly.FromDateTime(tenant.Tenant!.ToLocal(now).DateTime);
            entry.LeftYear = entry.LastDay.Value.Year;
            entry.ScimActive = false;
        }
        entry.ScimUserName = null;
        entry.ScimExternalId = null;
        entry.UpdatedAt = now;
        var saved = await SaveAsync(entry, "scim.user.delete", 204, ct);
        return saved.Error is not null ? saved : new ScimResult(204, null, null);
    }

    /// <summary>The SCIM users of this network (rows imported only from CSV are not the HR system's), filtered and paged.</summary>
    public async Task<ScimResult> ListAsync(string? filter, int? startIndex, int? count, CancellationToken ct)
    {
        var query = db.Set<RosterEntry>().AsNoTracking().Where(r => r.ScimUserName != null);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            if (ScimFilter.Parse(filter) is not { } f) return new ScimError(400, "invalidFilter", "Scim.InvalidFilter");
            var value = f.Value;
            query = f.Attribute switch
            {
                "username" => query.Where(r => r.ScimUserName == value.ToLowerInvariant()),
                "externalid" => query.Where(r => r.ScimExternalId == value),
                _ => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? query.Where(r => r.Id == id) : query.Where(r => false),
            };
        }
        // RFC 7644 §3.4.2.4: a startIndex below 1 is 1, a negative count is 0.
        var start = Math.Max(1, startIndex ?? 1);
        var take = Math.Clamp(count ?? ScimLimits.PageSize, 0, ScimLimits.MaxPageSize);
        var total = await query.CountAsync(ct);
        var rows = take == 0 ? [] : await query.OrderBy(r => r.Id).Skip(start - 1).Take(take).ToListAsync(ct);
        var resources = new JsonArray(rows.Select(r => (JsonNode)ToJson(r)).ToArray());
        return new ScimResult(200, new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.ListResponse), ["totalResults"] = total, ["startIndex"] = start,
            ["itemsPerPage"] = rows.Count, ["Resources"] = resources,
        }, null);
    }

    async Task<RosterEntry?> FindAsync(string id, CancellationToken ct) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? await db.Set<RosterEntry>().FirstOrDefaultAsync(r => r.Id == n && r.ScimUserName != null, ct) : null;

    static ScimError NotFound(string id) => new(404, null, "Scim.UserNotFound", id.Length > 40 ? id[..40] : id);

    async Task<ScimResult> UpdateAsync(RosterEntry entry, ScimUser u, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var c = Validate(u, now);
        if (await db.Set<RosterEntry>().AnyAsync(r => r.ScimUserName == c.UserName && r.Id != entry.Id, ct))
            return new ScimError(409, "uniqueness", "Scim.UserNameTaken", u.UserName!);
        if (await db.Set<RosterEntry>().AnyAsync(r => r.EmailKey == c.EmailKey && r.Id != entry.Id, ct)
            || (c.EmployeeNumber is { } number && await db.Set<RosterEntry>().AnyAsync(r => r.EmployeeNumber == number && r.Id != entry.Id, ct)))
            return new ScimError(409, "uniqueness", "Scim.PersonTaken");
        if (await ApplyAsync(entry, c, false, now, ct) is { } conflict) return conflict;
        entry.UpdatedAt = now;
        return await SaveAsync(entry, "scim.user.update", 200, ct);
    }

    async Task<ScimResult> SaveAsync(RosterEntry entry, string action, int status, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            // Which row and what the HR system said of the leaving; never the person's name or address.
            await audit.AddAsync(action, "roster", entry.Id.ToString(CultureInfo.InvariantCulture), null,
                new { active = entry.ScimActive, lastDay = entry.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), memberId = entry.MemberId }, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests for one person at once: the unique indexes let one in.
            db.ChangeTracker.Clear();
            return new ScimError(409, "uniqueness", "Scim.PersonTaken");
        }
        return new ScimResult(status, ToJson(entry), null);
    }

    /// <summary>A user read and checked: the values as they will be stored.</summary>
    sealed record CheckedUser(string UserName, string? ExternalId, string FamilyName, string GivenName, string? FamilyNameKana, string? GivenNameKana,
        string Email, string EmailKey, string? WorkEmail, bool Active, string? Language, string? EmployeeNumber, string? Department, DateOnly? LastDay, int? JoinedYear);

    /// <summary>Checks every attribute as the roster import does; the first problem is thrown as a SCIM 400 naming the attribute.</summary>
    CheckedUser Validate(ScimUser u, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        void Fail(string path)
        {
            if (!errors.Any) return;
            var e = errors.Items[0];
            throw new ScimException(new ScimError(400, "invalidValue", e.Key, e.Args) { Path = path });
        }
        var userName = Check.Line(errors, "userName", u.UserName, 254, required: true);
        Fail("userName");
        var externalId = Check.Line(errors, "externalId", u.ExternalId, 200);
        Fail("externalId");
        // The name's parts; without them, the formatted name (or displayName) as the family name, as a person would write it.
        var family = Check.Line(errors, "name.familyName", u.FamilyName ?? u.Formatted, MemberLimits.Name, required: true);
        Fail("name.familyName");
        var given = Check.Line(errors, "name.givenName", u.FamilyName is null ? null : u.GivenName, MemberLimits.Name) ?? "";
        Fail("name.givenName");
        var familyKana = Check.Line(errors, "familyNameKana", u.FamilyNameKana, MemberLimits.Name);
        var givenKana = Check.Line(errors, "givenNameKana", u.GivenNameKana, MemberLimits.Name);
        Fail(ScimUrns.Leaver + ":familyNameKana");
        string? Address(string? value, string path)
        {
            if (value is null) return null;
            var v = Check.Email(errors, path, value);
            Fail(path);
            return v;
        }
        var work = Address(u.WorkEmail, "emails[type eq \"work\"].value");
        var personal = Address(u.PersonalEmail, "emails[type eq \"home\"].value");
        // The roster needs an address: the personal one, else the work one (no invitation goes to it), else a userName that is one.
        var email = personal ?? work ?? (userName!.Contains('@') ? Address(userName, "userName") : null);
        if (email is null) throw new ScimException(new ScimError(400, "invalidValue", "Scim.EmailRequired"));
        var number = Check.Line(errors, "employeeNumber", u.EmployeeNumber, RosterLimits.EmployeeNumber);
        Fail(ScimUrns.Enterprise + ":employeeNumber");
        var department = Check.Line(errors, "department", u.Department, MemberLimits.Department);
        Fail(ScimUrns.Enterprise + ":department");
        DateOnly? lastDay = null;
        if (u.LastDay is { } text)
        {
            // A date (2026-12-25), or a date and time as HR systems export them: the date in the network's calendar.
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) lastDay = d;
            else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) lastDay = DateOnly.FromDateTime(tenant.Tenant!.ToLocal(t).DateTime);
            else throw new ScimException(new ScimError(400, "invalidValue", "Scim.DateInvalid") { Path = ScimUrns.Leaver + ":lastDay" });
            if (lastDay.Value.Year < 1900 || lastDay.Value.Year > now.Year + 5) throw new ScimException(new ScimError(400, "invalidValue", "Scim.DateInvalid") { Path = ScimUrns.Leaver + ":lastDay" });
        }
        int? joined = null;
        if (u.JoinedYear is { } y)
        {
            joined = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? Check.Year(errors, "joinedYear", year, now.Year) : null;
            if (joined is null) throw new ScimException(new ScimError(400, "invalidValue", "Validation.YearInvalid") { Path = ScimUrns.Leaver + ":joinedYear" });
        }
        // preferredLanguage is a language tag (ja-JP, en-US); one this network has no texts in falls back to its default.
        var language = u.PreferredLanguage is { } tag && Cultures.Supported.Any(s => tag.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ? Cultures.Normalize(tag) : null;
        return new CheckedUser(userName!.ToLowerInvariant(), externalId, family!, given, familyKana, givenKana, email, email.ToLowerInvariant(),
            work, u.Active, language, number, department, lastDay, joined);
    }

    /// <summary>
    /// Writes the user into the roster row. A leaver's last day is the one the HR system sent, else the day it first said
    /// <c>active=false</c>; an employee member with one of their addresses becomes an alumnus then (see docs: "Leavers from the HR system").
    /// </summary>
    async Task<ScimError?> ApplyAsync(RosterEntry e, CheckedUser c, bool isNew, DateTimeOffset now, CancellationToken ct)
    {
        var t = tenant.Tenant!;
        var today = DateOnly.FromDateTime(t.ToLocal(now).DateTime);
        var wasActive = isNew || e.ScimUserName is null || e.ScimActive;
        e.ScimUserName = c.UserName;
        e.ScimExternalId = c.ExternalId;
        e.FamilyName = c.FamilyName; e.GivenName = c.GivenName;
        if (c.FamilyNameKana is not null || isNew) e.FamilyNameKana = c.FamilyNameKana;
        if (c.GivenNameKana is not null || isNew) e.GivenNameKana = c.GivenNameKana;
        e.Email = c.Email; e.EmailKey = c.EmailKey; e.WorkEmail = c.WorkEmail;
        if (c.Department is not null || isNew) e.Department = c.Department;
        if (c.EmployeeNumber is not null || isNew) e.EmployeeNumber = c.EmployeeNumber;
        if (c.JoinedYear is not null) e.JoinedYear = c.JoinedYear;
        if (c.Language is not null) e.Language = c.Language;
        // Back at work (a cancelled leave, a rehire) clears the last day; a PATCH carries the stored day along, so that one is not "sent".
        var sentDay = c.Active && !wasActive && c.LastDay == e.LastDay ? null : c.LastDay;
        e.LastDay = sentDay ?? (c.Active ? null : !wasActive && e.LastDay is not null ? e.LastDay : today);
        e.ScimActive = c.Active;
        if (e.LastDay is { } last) e.LeftYear = last.Year;

        // A member here with one of their addresses: the row is theirs (as an import links it). An employee who has left is
        // an alumnus from now on: same account, same profile, their department closed with the year they left.
        var keys = new[] { c.Email, c.WorkEmail, c.UserName.Contains('@') ? c.UserName : null }
            .OfType<string>().Select(a => a.ToUpperInvariant()).Distinct().ToList();
        var member = await db.Members.Where(m => keys.Contains(m.User!.NormalizedEmail!)).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (member is null) return null;
        if (e.MemberId is null && !await db.Set<RosterEntry>().AnyAsync(r => r.MemberId == member.Id && r.Id != e.Id, ct)) e.MemberId = member.Id;
        if (!c.Active && member.Kind == MemberKind.Employee)
        {
            member.Kind = MemberKind.Alumni;
            member.UpdatedAt = now;
            var career = await db.Set<CareerEntry>().Where(x => x.MemberId == member.Id && x.ToYear == null).ToListAsync(ct);
            foreach (var x in career) x.ToYear = e.LeftYear ?? today.Year;
            if (career.Count == 0 && (c.Department ?? e.Department) is { } department)
                db.Add(new CareerEntry { MemberId = member.Id, Department = department, FromYear = e.JoinedYear, ToYear = e.LeftYear ?? today.Year });
        }
        return null;
    }

    static ScimUser FromEntry(RosterEntry e) => new()
    {
        UserName = e.ScimUserName, ExternalId = e.ScimExternalId, FamilyName = e.FamilyName, GivenName = e.GivenName,
        WorkEmail = e.WorkEmail, PersonalEmail = e.Email == e.WorkEmail ? null : e.Email, Active = e.ScimActive, PreferredLanguage = e.Language,
        EmployeeNumber = e.EmployeeNumber, Department = e.Department, LastDay = e.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        JoinedYear = e.JoinedYear?.ToString(CultureInfo.InvariantCulture), FamilyNameKana = e.FamilyNameKana, GivenNameKana = e.GivenNameKana,
    };

    /// <summary>The roster row as a SCIM User (RFC 7643 §4.1), with the enterprise extension and OpenAlumni's.</summary>
    public JsonObject ToJson(RosterEntry e)
    {
        var emails = new JsonArray();
        if (e.WorkEmail is not null) emails.Add(new JsonObject { ["value"] = e.WorkEmail, ["type"] = "work", ["primary"] = true });
        if (e.Email != e.WorkEmail) emails.Add(new JsonObject { ["value"] = e.Email, ["type"] = "home", ["primary"] = e.WorkEmail is null });
        var t = tenant.Tenant!;
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.User, ScimUrns.Enterprise, ScimUrns.Leaver),
            ["id"] = e.Id.ToString(CultureInfo.InvariantCulture),
            ["externalId"] = e.ScimExternalId,
            ["userName"] = e.ScimUserName,
            ["name"] = new JsonObject { ["familyName"] = e.FamilyName, ["givenName"] = e.GivenName, ["formatted"] = PersonName.Display(e.FamilyName, e.GivenName) },
            ["displayName"] = PersonName.Display(e.FamilyName, e.GivenName),
            ["emails"] = emails,
            ["active"] = e.ScimActive,
            ["preferredLanguage"] = e.Language,
            [ScimUrns.Enterprise] = new JsonObject { ["employeeNumber"] = e.EmployeeNumber, ["department"] = e.Department },
            [ScimUrns.Leaver] = new JsonObject
            {
                ["lastDay"] = e.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["joinedYear"] = e.JoinedYear,
                ["familyNameKana"] = e.FamilyNameKana, ["givenNameKana"] = e.GivenNameKana,
            },
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "User", ["created"] = t.ToLocal(e.CreatedAt).ToString("O"), ["lastModified"] = t.ToLocal(e.UpdatedAt).ToString("O"),
                ["location"] = links.To($"/scim/v2/Users/{e.Id}"),
            },
        };
        // Attributes without a value are left out (RFC 7643 §2.5: unassigned is the same as null).
        foreach (var key in user.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) user.Remove(key);
        return user;
    }
}
