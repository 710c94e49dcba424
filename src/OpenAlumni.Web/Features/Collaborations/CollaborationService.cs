using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>
/// Collaborations: any member proposes one (pending until an admin accepts it), admins record them directly;
/// the members involved and admins edit them; each stage change is kept with who, when and why.
/// </summary>
public sealed class CollaborationService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock)
{
    public const int PageSize = 20;
    public static readonly string[] StageNames = Enum.GetValues<CollaborationStage>().Select(s => WireNames.Of(s)).ToArray();

    /// <summary>A move to an earlier stage, or out of <c>stopped</c> again, is backwards; <c>stopped</c> may end any stage.</summary>
    public static bool IsBackwards(CollaborationStage from, CollaborationStage to) =>
        from != to && (from == CollaborationStage.Stopped || (to != CollaborationStage.Stopped && to < from));

    /// <summary>Who sees a collaboration: every member once accepted; before, admins, its proposer and the members involved.</summary>
    IQueryable<Collaboration> Visible(MemberSession me)
    {
        var query = db.Set<Collaboration>().AsNoTracking();
        if (me.IsAdmin) return query;
        var id = me.MemberId;
        return query.Where(c => c.Status == CollaborationStatus.Accepted || c.ProposedByMemberId == id || c.Members.Any(m => m.MemberId == id));
    }

    /// <summary>Whether what the current member records is a proposal for the secretariat (the form's wording).</summary>
    public async Task<bool> ProposesAsync(CancellationToken ct) =>
        CollaborationRules.StatusOnCreate(await current.RequireAsync(ct)) == CollaborationStatus.Proposed;

    public async Task<Result<CollaborationDetailDto>> CreateAsync(CollaborationInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var status = CollaborationRules.StatusOnCreate(me);
        var c = new Collaboration
        {
            Title = "", ProposedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now, StageChangedAt = now,
            Status = status, AcceptedAt = status == CollaborationStatus.Accepted ? now : null,
        };
        c.Stage = string.IsNullOrWhiteSpace(input.Stage) ? CollaborationStage.Idea : Check.Enum<CollaborationStage>(errors, "stage", input.Stage, required: true) ?? CollaborationStage.Idea;
        await ApplyAsync(c, input, errors, creating: true, ct);
        var reason = Check.Text(errors, "reason", input.Reason ?? input.Note, CollaborationLimits.Reason);
        if (errors.Any) return errors;
        c.History.Add(new CollaborationStageChange { From = null, To = c.Stage, At = now, ByMemberId = me.MemberId, Reason = reason });
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(c.Id, ct)).Value!;
    }

    public async Task<Result<CollaborationDetailDto>> UpdateAsync(long id, CollaborationInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!await Visible(me).AnyAsync(x => x.Id == id, ct)) return Result<CollaborationDetailDto>.NotFound();
        var c = await db.Set<Collaboration>().Include(x => x.Members).FirstAsync(x => x.Id == id, ct);
        if (CollaborationRules.Edit(me, c.Members.Select(m => m.MemberId)) is { } no) return no.As<CollaborationDetailDto>();
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var reason = Check.Text(errors, "reason", input.Reason ?? input.Note, CollaborationLimits.Reason);
        if (input.Stage is not null && Check.Enum<CollaborationStage>(errors, "stage", input.Stage, required: true) is { } stage && stage != c.Stage)
        {
            if (IsBackwards(c.Stage, stage) && reason is null) errors.Add("reason", "Collaborations.ReasonRequired");
            db.Add(new CollaborationStageChange { CollaborationId = c.Id, From = c.Stage, To = stage, At = now, ByMemberId = me.MemberId, Reason = reason });
            c.Stage = stage;
            c.StageChangedAt = now;
        }
        await ApplyAsync(c, input, errors, creating: false, ct);
        // Nothing is written unless every field is valid; the tracked changes are dropped with the scope.
        if (errors.Any) return errors;
        c.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(c.Id, ct)).Value!;
    }

    async Task ApplyAsync(Collaboration c, CollaborationInput r, FieldErrors errors, bool creating, CancellationToken ct)
    {
        if (creating || r.Title is not null) c.Title = Check.Text(errors, "title", r.Title, CollaborationLimits.Title, required: true) ?? c.Title;
        if (creating || r.Description is not null) c.Description = Check.Text(errors, "description", r.Description, CollaborationLimits.Description) ?? "";
        if (r.Departments is not null)
        {
            if (r.Departments.Count > CollaborationLimits.Departments) errors.Add("departments", "Validation.TooMany", CollaborationLimits.Departments);
            else c.Departments = string.Join('\n', r.Departments.Select(d => Check.Text(errors, "departments", d?.Replace('\n', ' '), CollaborationLimits.Department))
                .Where(d => d is not null).Distinct());
        }
        if (r.MemberIds is not null)
        {
            var ids = r.MemberIds.Distinct().ToList();
            if (ids.Count > CollaborationLimits.Members) errors.Add("memberIds", "Validation.TooMany", CollaborationLimits.Members);
            else
            {
                var found = await db.Members.Approved().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
                if (found.Count != ids.Count) errors.Add("memberIds", "Collaborations.MemberUnknown");
                c.Members.RemoveAll(m => !ids.Contains(m.MemberId));
                foreach (var mid in ids.Where(i => c.Members.All(m => m.MemberId != i))) c.Members.Add(new CollaborationMember { MemberId = mid, TenantId = tenant.TenantId });
            }
        }
        if (r.Origin is { } o)
        {
            var kind = Check.Enum<CollaborationOrigin>(errors, "origin.type", o.Type, required: true);
            if (kind == CollaborationOrigin.Other)
            {
                if (o.Id is not null) errors.Add("origin.id", "Collaborations.OriginNoId");
                (c.OriginKind, c.OriginId) = (kind, null);
            }
            else if (kind is not null)
            {
                if (kind == CollaborationOrigin.Consultation)
                {
                    if (await ConsultationOriginAsync(c, o.Id, ct) is { } found) (c.OriginKind, c.OriginId) = (kind, found);
                    else errors.Add("origin.id", o.Id is null ? "Collaborations.NoConsultationBetween" : "Collaborations.OriginUnknown");
                }
                else if (o.Id is not { } oid) errors.Add("origin.id", "Validation.Required");
                else if (!await OriginExistsAsync(kind.Value, oid, ct)) errors.Add("origin.id", "Collaborations.OriginUnknown");
                else (c.OriginKind, c.OriginId) = (kind, oid);
            }
        }
    }

    /// <summary>Whether the record a collaboration started from exists in this network (the tenant filter applies).</summary>
    async Task<bool> OriginExistsAsync(CollaborationOrigin kind, long id, CancellationToken ct) => kind switch
    {
        CollaborationOrigin.Pitch => await db.Set<Pitch>().AnyAsync(p => p.Id == id, ct),
        CollaborationOrigin.Post => await db.Set<Post>().AnyAsync(p => p.Id == id && p.Status == PostStatus.Published, ct),
        CollaborationOrigin.Event => await db.Set<Event>().AnyAsync(e => e.Id == id && e.Status != EventStatus.Draft, ct),
        _ => false,
    };

    /// <summary>
    /// A consultation origin: an accepted consultation between two of the collaboration's members (the latest, when
    /// no number is given). The secretariat does not see consultations, so it names the members involved; a
    /// member may only point at a consultation they took part in, so that the form cannot be used to find out
    /// who consulted whom. The record keeps only the id; the contents stay between the two.
    /// </summary>
    async Task<long?> ConsultationOriginAsync(Collaboration c, long? id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var involved = c.Members.Select(m => m.MemberId).ToList();
        var q = db.Set<ConsultationRequest>().Where(r => r.Status == ConsultationStatus.Accepted
            && involved.Contains(r.RequesterMemberId) && involved.Contains(r.RecipientMemberId));
        if (!me.IsAdmin) q = q.Where(r => r.RequesterMemberId == me.MemberId || r.RecipientMemberId == me.MemberId);
        if (id is not null) q = q.Where(r => r.Id == id);
        return await q.OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
    }

    static string? OriginUrl(CollaborationOrigin kind, long? id, long? pitchEventId) => kind switch
    {
        CollaborationOrigin.Post => $"/posts/{id}",
        CollaborationOrigin.Event => $"/events/{id}",
        CollaborationOrigin.Pitch when pitchEventId is not null => $"/events/{pitchEventId}",
        _ => null,
    };

    public async Task<Result<CollaborationDetailDto>> DecideAsync(long id, bool accept, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<CollaborationDetailDto>.Forbidden();
        var c = await db.Set<Collaboration>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Result<CollaborationDetailDto>.NotFound();
        if (CollaborationRules.Decide(me, c.Status) is { } no) return no.As<CollaborationDetailDto>();
        var now = clock.GetUtcNow();
        c.Status = accept ? CollaborationStatus.Accepted : CollaborationStatus.Declined;
        if (accept) c.AcceptedAt = now;
        c.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Value!;
    }

    public async Task<Result<CollaborationListDto>> ListAsync(string? stage, string? status, int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var stageValue = Check.Enum<CollaborationStage>(errors, "stage", stage, required: false);
        var statusValue = Check.Enum<CollaborationStatus>(errors, "status", status, required: false);
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        var query = Visible(me).Where(c => c.Status == (statusValue ?? CollaborationStatus.Accepted));
        if (stageValue is not null) query = query.Where(c => c.Stage == stageValue);
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderByDescending(c => c.StageChangedAt).ThenByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize), me, ct);
        return new CollaborationListDto(items, page, PageSize, total);
    }

    async Task<List<CollaborationDto>> Project(IQueryable<Collaboration> query, MemberSession me, CancellationToken ct)
    {
        var rows = await query.Select(c => new
        {
            c,
            People = c.Members.Join(db.Members, x => x.MemberId, m => m.Id, (x, m) => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName, m.SortKey }).ToList(),
            PitchEventId = c.OriginKind == CollaborationOrigin.Pitch ? db.Set<Pitch>().Where(p => p.Id == c.OriginId).Select(p => (long?)p.EventId).FirstOrDefault() : null,
        }).ToListAsync(ct);
        var t = tenant.Tenant!;
        return rows.Select(r => new CollaborationDto(r.c.Id, r.c.Title, r.c.Description, WireNames.Of(r.c.Stage), WireNames.Of(r.c.Status),
            r.People.OrderBy(p => p.SortKey).Select(p => new CollaboratorDto(p.Id, PersonName.Display(p.FamilyName, p.GivenName, p.RomanizedName))).ToList(),
            r.c.Departments.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            r.c.OriginKind is { } k ? new OriginDto(WireNames.Of(k), r.c.OriginId, OriginUrl(k, r.c.OriginId, r.PitchEventId)) : null,
            t.ToLocal(r.c.CreatedAt), t.ToLocal(r.c.UpdatedAt), t.ToLocal(r.c.StageChangedAt),
            CollaborationRules.Edit(me, r.People.Select(p => p.Id)) is null)
        {
            CanDecide = CollaborationRules.Decide(me, r.c.Status) is null,
        }).ToList();
    }

    public async Task<Result<CollaborationDetailDto>> GetAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var c = (await Project(Visible(me).Where(x => x.Id == id), me, ct)).FirstOrDefault();
        if (c is null) return Result<CollaborationDetailDto>.NotFound();
        var t = tenant.Tenant!;
        // A change made by someone who has since deleted themselves shows with no name (its row points at the former member).
        var history = (await db.Set<CollaborationStageChange>().AsNoTracking().Where(s => s.CollaborationId == id).OrderBy(s => s.At).ThenBy(s => s.Id)
                .Select(s => new { s, By = db.Members.Where(m => m.Id == s.ByMemberId && m.Status != MemberStatus.Former).Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).FirstOrDefault() })
                .ToListAsync(ct))
            .Select(x => new StageChangeDto(x.s.From is { } f ? WireNames.Of(f) : null, WireNames.Of(x.s.To), t.ToLocal(x.s.At),
                x.By is null ? null : new CollaboratorDto(x.By.Id, PersonName.Display(x.By.FamilyName, x.By.GivenName, x.By.RomanizedName)), x.s.Reason)).ToList();
        return new CollaborationDetailDto(c, history);
    }

    /// <summary>Approved members a form offers as the people involved (by reading order); to members, only those listed in the directory.</summary>
    public async Task<IReadOnlyList<CollaboratorDto>> CandidatesAsync(CancellationToken ct)
    {
        var everyone = (await current.RequireAsync(ct)).IsAdmin;
        var members = db.Members.AsNoTracking().Approved();
        if (!everyone) members = members.Consenting(Privacy.Purpose.Directory);
        return (await members.OrderBy(m => m.SortKey).ThenBy(m => m.Id).Take(1000)
                .Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct))
            .Select(m => new CollaboratorDto(m.Id, PersonName.Display(m.FamilyName, m.GivenName, m.RomanizedName))).ToList();
    }
}
