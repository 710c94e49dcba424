using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>
/// The outcome ledger: the secretariat (and recruiters, for hires) records what came of the network, with the members
/// and departments involved, a value, and the record it came from (checked to exist in this network). A hire recorded
/// from a job opening closes the opening. The members involved see their outcomes and may hide their name.
/// </summary>
public sealed class OutcomeService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, AuditLog audit)
{
    public const int PageSize = 30;
    public static readonly string[] KindNames = Enum.GetValues<OutcomeKind>().Select(k => WireNames.Of(k)).ToArray();
    public static readonly string[] SourceNames = Enum.GetValues<OutcomeSource>().Select(s => WireNames.Of(s)).ToArray();

    async Task<(MemberSession Me, bool Recruiter)> WhoAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var recruiter = !me.IsAdmin && await db.Members.AnyAsync(m => m.Id == me.MemberId && m.IsRecruiter, ct);
        return (me, recruiter);
    }

    /// <summary>What the current member may do here: read the ledger (and which kinds they may record).</summary>
    public async Task<(bool Read, IReadOnlyList<string> Kinds)> AccessAsync(CancellationToken ct)
    {
        var (me, recruiter) = await WhoAsync(ct);
        return (OutcomeRules.MayRead(me, recruiter), Enum.GetValues<OutcomeKind>().Where(k => OutcomeRules.Keep(me, recruiter, k) is null).Select(k => WireNames.Of(k)).ToList());
    }

    /// <summary>The ledger a caller may read: all of it for the secretariat, the hires for a recruiter.</summary>
    IQueryable<Outcome> Readable(MemberSession me, bool recruiter)
    {
        var query = db.Set<Outcome>().AsNoTracking();
        return me.IsAdmin ? query : recruiter ? query.Where(o => o.Kind == OutcomeKind.Rehire || o.Kind == OutcomeKind.ReferralHire) : query.Where(o => false);
    }

    public async Task<Result<OutcomeListDto>> ListAsync(string? kind, string? from, string? to, int page, CancellationToken ct)
    {
        var (me, recruiter) = await WhoAsync(ct);
        if (!OutcomeRules.MayRead(me, recruiter)) return Result<OutcomeListDto>.Forbidden();
        var errors = new FieldErrors();
        var kindValue = Check.Enum<OutcomeKind>(errors, "kind", kind, required: false);
        var fromDate = ReadDate(errors, "from", from, required: false);
        var toDate = ReadDate(errors, "to", to, required: false);
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        var query = Readable(me, recruiter);
        if (kindValue is not null) query = query.Where(o => o.Kind == kindValue);
        if (fromDate is not null) query = query.Where(o => o.Date >= fromDate);
        if (toDate is not null) query = query.Where(o => o.Date <= toDate);
        var values = await KindValuesAsync(ct);
        var sums = await query.GroupBy(o => o.Kind).Select(g => new { g.Key, N = g.Count(), Entered = g.Sum(o => o.ValueYen ?? 0), Unvalued = g.Count(o => o.ValueYen == null) }).ToListAsync(ct);
        var total = sums.Sum(s => s.N);
        var value = sums.Sum(s => s.Entered + s.Unvalued * values.GetValueOrDefault(s.Key));
        var items = await ProjectAsync(query.OrderByDescending(o => o.Date).ThenByDescending(o => o.Id).Skip((page - 1) * PageSize).Take(PageSize), me, recruiter, values, ct);
        return new OutcomeListDto(items, page, PageSize, total, value);
    }

    public async Task<Result<OutcomeDto>> GetAsync(long id, CancellationToken ct)
    {
        var (me, recruiter) = await WhoAsync(ct);
        if (!OutcomeRules.MayRead(me, recruiter)) return Result<OutcomeDto>.Forbidden();
        var item = (await ProjectAsync(Readable(me, recruiter).Where(o => o.Id == id), me, recruiter, await KindValuesAsync(ct), ct)).FirstOrDefault();
        return item is null ? Result<OutcomeDto>.NotFound() : item;
    }

    public async Task<Result<OutcomeDto>> CreateAsync(OutcomeInput input, CancellationToken ct)
    {
        var (me, recruiter) = await WhoAsync(ct);
        if (!OutcomeRules.MayRead(me, recruiter)) return Result<OutcomeDto>.Forbidden();
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var o = new Outcome { RecordedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now };
        var kind = Check.Enum<OutcomeKind>(errors, "kind", input.Kind, required: true);
        if (kind is { } k && OutcomeRules.Keep(me, recruiter, k) is { } no) return no.As<OutcomeDto>();
        o.Kind = kind ?? default;
        await ApplyAsync(o, input, errors, creating: true, ct);
        if (errors.Any) return errors;
        db.Add(o);
        await CloseOpeningAsync(o, ct);
        await audit.AddAsync("outcome.create", "outcome", null, null, Summary(o), ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(o.Id, ct)).Value!;
    }

    public async Task<Result<OutcomeDto>> UpdateAsync(long id, OutcomeInput input, CancellationToken ct)
    {
        var (me, recruiter) = await WhoAsync(ct);
        if (!OutcomeRules.MayRead(me, recruiter)) return Result<OutcomeDto>.Forbidden();
        if (!await Readable(me, recruiter).AnyAsync(o => o.Id == id, ct)) return Result<OutcomeDto>.NotFound();
        var o = await db.Set<Outcome>().Include(x => x.Members).FirstAsync(x => x.Id == id, ct);
        if (OutcomeRules.Keep(me, recruiter, o.Kind) is { } no) return no.As<OutcomeDto>();
        var before = Summary(o);
        var errors = new FieldErrors();
        if (input.Kind is not null && Check.Enum<OutcomeKind>(errors, "kind", input.Kind, required: true) is { } kind)
        {
            // A recruiter cannot turn a hire into another kind (which they could then no longer see).
            if (OutcomeRules.Keep(me, recruiter, kind) is { } refused) return refused.As<OutcomeDto>();
            o.Kind = kind;
        }
        await ApplyAsync(o, input, errors, creating: false, ct);
        // Nothing is written unless every field is valid; the tracked changes are dropped with the scope.
        if (errors.Any) return errors;
        o.UpdatedAt = clock.GetUtcNow();
        await CloseOpeningAsync(o, ct);
        await audit.AddAsync("outcome.update", "outcome", o.Id.ToString(), before, Summary(o), ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(o.Id, ct)).Value!;
    }

    public async Task<Result<bool>> DeleteAsync(long id, CancellationToken ct)
    {
        var (me, recruiter) = await WhoAsync(ct);
        if (!OutcomeRules.MayRead(me, recruiter)) return Result<bool>.Forbidden();
        var o = await Readable(me, recruiter).AsTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return Result<bool>.NotFound();
        if (OutcomeRules.Keep(me, recruiter, o.Kind) is { } no) return no.As<bool>();
        db.Remove(o);
        await audit.AddAsync("outcome.delete", "outcome", o.Id.ToString(), Summary(o), null, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What the audit log keeps of an outcome: no note (it may name people), only the facts.</summary>
    static object Summary(Outcome o) => new
    {
        kind = WireNames.Of(o.Kind), date = o.Date.ToString("yyyy-MM-dd"), o.ValueYen, source = WireNames.Of(o.Source), o.SourceId,
        members = o.Members.Select(m => m.MemberId).Order().ToList(),
    };

    async Task ApplyAsync(Outcome o, OutcomeInput r, FieldErrors errors, bool creating, CancellationToken ct)
    {
        if (creating || r.Date is not null) o.Date = ReadDate(errors, "date", r.Date, required: true) ?? o.Date;
        if (r.NoValue == true) o.ValueYen = null;
        else if (r.ValueYen is { } yen)
        {
            if (yen is < 0 or > OutcomeLimits.MaxValueYen) errors.Add("valueYen", "Outcomes.ValueInvalid");
            else o.ValueYen = yen;
        }
        if (creating || r.Note is not null) o.Note = Check.Text(errors, "note", r.Note, OutcomeLimits.Note) ?? "";
        if (r.Departments is not null)
        {
            if (r.Departments.Count > OutcomeLimits.Departments) errors.Add("departments", "Validation.TooMany", OutcomeLimits.Departments);
            else o.Departments = string.Join('\n', r.Departments.Select(d => Check.Text(errors, "departments", d?.Replace('\n', ' '), OutcomeLimits.Department))
                .Where(d => !string.IsNullOrEmpty(d)).Distinct());
        }
        if (r.MemberIds is not null)
        {
            var ids = r.MemberIds.Distinct().ToList();
            if (ids.Count > OutcomeLimits.Members) errors.Add("memberIds", "Validation.TooMany", OutcomeLimits.Members);
            else
            {
                var found = await db.Members.Approved().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
                if (found.Count != ids.Count) errors.Add("memberIds", "Collaborations.MemberUnknown");
                o.Members.RemoveAll(m => !ids.Contains(m.MemberId));
                foreach (var mid in ids.Where(i => o.Members.All(m => m.MemberId != i))) o.Members.Add(new OutcomeMember { MemberId = mid, TenantId = tenant.TenantId });
            }
        }
        if (OutcomeRules.IsHire(o.Kind) && o.Members.Count == 0 && (creating || r.MemberIds is not null)) errors.Add("memberIds", "Outcomes.HireNeedsMember");
        if (r.Source is { } s) await ApplySourceAsync(o, s, errors, ct);
        else if (creating) o.Source = OutcomeSource.Other;
    }

    async Task ApplySourceAsync(Outcome o, OutcomeSourceInput s, FieldErrors errors, CancellationToken ct)
    {
        var type = Check.Enum<OutcomeSource>(errors, "source.type", s.Type, required: true);
        if (type is null) return;
        if (type == OutcomeSource.Other)
        {
            if (s.Id is not null) errors.Add("source.id", "Collaborations.OriginNoId");
            (o.Source, o.SourceId) = (OutcomeSource.Other, null);
        }
        else if (type == OutcomeSource.Consultation)
        {
            if (await ConsultationSourceAsync(o, s.Id, ct) is { } found) (o.Source, o.SourceId) = (OutcomeSource.Consultation, found);
            else errors.Add("source.id", s.Id is null ? "Collaborations.NoConsultationBetween" : "Collaborations.OriginUnknown");
        }
        else if (s.Id is not { } id) errors.Add("source.id", "Validation.Required");
        else if (!await SourceExistsAsync(type.Value, id, ct)) errors.Add("source.id", "Collaborations.OriginUnknown");
        else (o.Source, o.SourceId) = (type.Value, id);
    }

    /// <summary>Whether the record an outcome came from exists in this network (the tenant filter applies) and was ever public in it.</summary>
    async Task<bool> SourceExistsAsync(OutcomeSource type, long id, CancellationToken ct) => type switch
    {
        OutcomeSource.Event => await db.Set<Event>().AnyAsync(e => e.Id == id && e.Status != EventStatus.Draft, ct),
        OutcomeSource.Pitch => await db.Set<Pitch>().AnyAsync(p => p.Id == id, ct),
        OutcomeSource.Post => await db.Set<Post>().AnyAsync(p => p.Id == id && p.Status == PostStatus.Published, ct),
        OutcomeSource.Job => await db.Set<JobOpening>().AnyAsync(j => j.Id == id && j.Status != JobStatus.Draft, ct),
        OutcomeSource.Collaboration => await db.Set<Collaboration>().AnyAsync(c => c.Id == id && c.Status == CollaborationStatus.Accepted, ct),
        OutcomeSource.Project => await db.Set<Projects.Project>().AnyAsync(p => p.Id == id && p.Status != Projects.ProjectStatus.Draft, ct),
        _ => false,
    };

    /// <summary>
    /// A consultation source: an accepted consultation between two of the outcome's members (the latest, when no number
    /// is given). The ledger keeps only its id; what was discussed stays between the two, and the ledger never shows it.
    /// </summary>
    async Task<long?> ConsultationSourceAsync(Outcome o, long? id, CancellationToken ct)
    {
        var involved = o.Members.Select(m => m.MemberId).ToList();
        var q = db.Set<ConsultationRequest>().Where(r => r.Status == ConsultationStatus.Accepted
            && involved.Contains(r.RequesterMemberId) && involved.Contains(r.RecipientMemberId));
        if (id is not null) q = q.Where(r => r.Id == id);
        return await q.OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A hire recorded from an opening closes the loop: the opening, if still open, is closed.</summary>
    async Task CloseOpeningAsync(Outcome o, CancellationToken ct)
    {
        if (!OutcomeRules.IsHire(o.Kind) || o.Source != OutcomeSource.Job || o.SourceId is not { } jobId) return;
        var job = await db.Set<JobOpening>().FirstOrDefaultAsync(j => j.Id == jobId && j.Status == JobStatus.Open, ct);
        if (job is null) return;
        job.Status = JobStatus.Closed;
        job.UpdatedAt = clock.GetUtcNow();
    }

    DateOnly? ReadDate(FieldErrors errors, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, "Validation.Required");
            return null;
        }
        var today = DateOnly.FromDateTime(tenant.Tenant!.ToLocal(clock.GetUtcNow()).DateTime);
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d) || d.Year < 1990 || d.Year > today.Year + 1)
        {
            errors.Add(field, "Posts.DateInvalid");
            return null;
        }
        if (field == "date" && d > today) errors.Add(field, "Outcomes.DateInFuture");
        return d;
    }

    /// <summary>The configured value per kind (yen), for outcomes recorded without one.</summary>
    public async Task<Dictionary<OutcomeKind, long>> KindValuesAsync(CancellationToken ct) =>
        await db.Set<OutcomeKindValue>().AsNoTracking().ToDictionaryAsync(v => v.Kind, v => v.ValueYen, ct);

    public async Task<Result<OutcomeValuesDto>> GetValuesAsync(CancellationToken ct)
    {
        if (OutcomeRules.SetValues(await current.RequireAsync(ct)) is { } no) return no.As<OutcomeValuesDto>();
        return ValuesDto(await KindValuesAsync(ct));
    }

    static OutcomeValuesDto ValuesDto(Dictionary<OutcomeKind, long> values) =>
        new(values.OrderBy(v => v.Key).ToDictionary(v => WireNames.Of(v.Key), v => v.Value));

    /// <summary>Replaces the configured values: a kind left out (or null) counts nothing when recorded without a value.</summary>
    public async Task<Result<OutcomeValuesDto>> SetValuesAsync(IReadOnlyDictionary<string, long?>? values, CancellationToken ct)
    {
        if (OutcomeRules.SetValues(await current.RequireAsync(ct)) is { } no) return no.As<OutcomeValuesDto>();
        var errors = new FieldErrors();
        var parsed = new Dictionary<OutcomeKind, long>();
        foreach (var (name, yen) in values ?? new Dictionary<string, long?>())
        {
            if (Check.Enum<OutcomeKind>(errors, "values", name, required: true) is not { } kind) continue;
            if (yen is null) continue;
            if (yen is < 0 or > OutcomeLimits.MaxValueYen) errors.Add($"values.{name}", "Outcomes.ValueInvalid");
            else parsed[kind] = yen.Value;
        }
        if (errors.Any) return errors;
        var rows = await db.Set<OutcomeKindValue>().ToListAsync(ct);
        var before = ValuesDto(rows.ToDictionary(r => r.Kind, r => r.ValueYen)).Values;
        db.RemoveRange(rows.Where(r => !parsed.ContainsKey(r.Kind)));
        foreach (var (kind, yen) in parsed)
        {
            if (rows.FirstOrDefault(r => r.Kind == kind) is { } row) row.ValueYen = yen;
            else db.Add(new OutcomeKindValue { Kind = kind, ValueYen = yen });
        }
        var after = ValuesDto(parsed);
        await audit.AddAsync("outcome.values", "network", null, before, after.Values, ct);
        await db.SaveChangesAsync(ct);
        return after;
    }

    /// <summary>The outcomes I am part of, newest first, with my name's setting on each.</summary>
    public async Task<IReadOnlyList<MyOutcomeDto>> MineAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var mine = db.Set<Outcome>().AsNoTracking().Where(o => o.Members.Any(m => m.MemberId == me.MemberId)).OrderByDescending(o => o.Date).ThenByDescending(o => o.Id).Take(200);
        var items = await ProjectAsync(mine, me, recruiter: false, await KindValuesAsync(ct), ct);
        var hidden = await db.Set<OutcomeMember>().AsNoTracking().Where(m => m.MemberId == me.MemberId && m.HideName).Select(m => m.OutcomeId).ToListAsync(ct);
        return items.Select(o => new MyOutcomeDto(o, hidden.Contains(o.Id))).ToList();
    }

    public async Task<Result<MyOutcomeDto>> SetMyNameAsync(long id, bool hide, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var row = await db.Set<OutcomeMember>().FirstOrDefaultAsync(m => m.OutcomeId == id && m.MemberId == me.MemberId, ct);
        if (row is null) return Result<MyOutcomeDto>.NotFound();
        row.HideName = hide;
        await db.SaveChangesAsync(ct);
        return (await MineAsync(ct)).First(o => o.Outcome.Id == id);
    }

    async Task<List<OutcomeDto>> ProjectAsync(IQueryable<Outcome> query, MemberSession me, bool recruiter, Dictionary<OutcomeKind, long> values, CancellationToken ct)
    {
        var rows = await query.Select(o => new
        {
            o,
            People = o.Members.Join(db.Members, x => x.MemberId, m => m.Id, (x, m) => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName, m.SortKey, x.HideName }).ToList(),
        }).ToListAsync(ct);
        var titles = await OutcomeSources.TitlesAsync(db, rows.Select(r => (r.o.Source, r.o.SourceId)), ct);
        return rows.Select(r => new OutcomeDto(r.o.Id, WireNames.Of(r.o.Kind), r.o.Date, r.o.ValueYen, r.o.ValueYen ?? values.GetValueOrDefault(r.o.Kind),
            SourceDto(r.o, titles.TryGetValue((r.o.Source, r.o.SourceId ?? 0), out var shown) ? shown : null, me),
            r.People.OrderBy(p => p.SortKey).Select(p => new OutcomePersonDto(p.Id,
                p.HideName && !me.IsAdmin && p.Id != me.MemberId ? null : PersonName.Display(p.FamilyName, p.GivenName, p.RomanizedName), p.HideName)).ToList(),
            r.o.Departments.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.o.Note, tenant.Tenant!.ToLocal(r.o.CreatedAt),
            OutcomeRules.Keep(me, recruiter, r.o.Kind) is null)).ToList();
    }

    /// <summary>
    /// The source as shown: its link (each page applies its own audience rule) and, to the secretariat, its title. Others
    /// see the titles of openings and of accepted collaborations only, which every member reads; a post or event may
    /// belong to a space or a segment they are not in. A consultation is never named.
    /// </summary>
    static OutcomeSourceDto SourceDto(Outcome o, (string Title, string Url)? shown, MemberSession me) =>
        new(WireNames.Of(o.Source), o.SourceId,
            me.IsAdmin || o.Source is OutcomeSource.Job or OutcomeSource.Collaboration or OutcomeSource.Project ? shown?.Title : null, shown?.Url);

    /// <summary>Approved members the form offers as the people involved (by reading order).</summary>
    public async Task<IReadOnlyList<OutcomePersonDto>> CandidatesAsync(CancellationToken ct) =>
        (await db.Members.AsNoTracking().Approved().OrderBy(m => m.SortKey).ThenBy(m => m.Id).Take(2000)
            .Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct))
        .Select(m => new OutcomePersonDto(m.Id, PersonName.Display(m.FamilyName, m.GivenName, m.RomanizedName), false)).ToList();
}
