using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>
/// A participant reports a message to the admins. The admins' queue shows that message and nothing else of
/// the conversation: reporting is the only way an admin reads a private message.
/// </summary>
public sealed class MessageReportService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock)
{
    const int PageSize = 30;

    public async Task<Result<MessageReportDto>> ReportAsync(long messageId, MessageReportInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var message = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Id == messageId && db.Set<ConversationParticipant>().Any(p => p.ConversationId == m.ConversationId && p.MemberId == me.MemberId))
            .Select(m => new { m.Id, m.SenderMemberId }).FirstOrDefaultAsync(ct);
        if (message is null) return Result<MessageReportDto>.NotFound();
        var errors = new FieldErrors();
        if (message.SenderMemberId == me.MemberId) errors.Add("messageId", "Messages.ReportOwn");
        var reason = Check.Text(errors, "reason", input.Reason, MessageLimits.Reason, required: true);
        if (errors.Any) return errors;
        if (await db.Set<MessageReport>().AnyAsync(r => r.MessageId == messageId && r.ReporterMemberId == me.MemberId, ct))
            return Result<MessageReportDto>.Conflict("messageId", "Messages.AlreadyReported");
        var report = new MessageReport { MessageId = messageId, ReporterMemberId = me.MemberId, Reason = reason!, Status = MessageReportStatus.Open, CreatedAt = clock.GetUtcNow() };
        db.Add(report);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Result<MessageReportDto>.Conflict("messageId", "Messages.AlreadyReported"); }
        return (await Query().Where(r => r.Report.Id == report.Id).ToListAsync(ct)).Select(ToDto).First();
    }

    public async Task<Result<MessageReportListDto>> ListAsync(string? status, int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<MessageReportListDto>.Forbidden();
        var errors = new FieldErrors();
        var s = Check.Enum<MessageReportStatus>(errors, "status", status, required: false);
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        var query = Query().Where(r => s == null || r.Report.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Report.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new MessageReportListDto(rows.Select(ToDto).ToList(), page, PageSize, total);
    }

    public async Task<Result<MessageReportDto>> CloseAsync(long id, CloseReportInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<MessageReportDto>.Forbidden();
        var report = await db.Set<MessageReport>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return Result<MessageReportDto>.NotFound();
        var errors = new FieldErrors();
        var note = Check.Text(errors, "note", input.Note, MessageLimits.Reason);
        if (errors.Any) return errors;
        if (report.Status == MessageReportStatus.Closed) return Result<MessageReportDto>.Conflict("status", "Messages.ReportClosed");
        report.Status = MessageReportStatus.Closed;
        report.ClosedAt = clock.GetUtcNow();
        report.ClosedByMemberId = me.MemberId;
        report.ClosingNote = note;
        await db.SaveChangesAsync(ct);
        return (await Query().Where(r => r.Report.Id == id).ToListAsync(ct)).Select(ToDto).First();
    }

    sealed class Row
    {
        public required MessageReport Report { get; init; }
        public required Message Message { get; init; }
        public required Member Sender { get; init; }
        public required Member Reporter { get; init; }
    }

    IQueryable<Row> Query() =>
        from r in db.Set<MessageReport>().AsNoTracking()
        join m in db.Set<Message>() on r.MessageId equals m.Id
        join s in db.Members on m.SenderMemberId equals s.Id
        join p in db.Members on r.ReporterMemberId equals p.Id
        select new Row { Report = r, Message = m, Sender = s, Reporter = p };

    MessageReportDto ToDto(Row r)
    {
        var t = tenant.Tenant!;
        return new MessageReportDto(r.Report.Id, r.Message.Id, new ParticipantDto(r.Sender.Id, r.Sender.DisplayName, r.Sender.Kind.ToString()),
            r.Message.Body, r.Message.BodyHtml, t.ToLocal(r.Message.CreatedAt),
            new ParticipantDto(r.Reporter.Id, r.Reporter.DisplayName, r.Reporter.Kind.ToString()), r.Report.Reason, WireNames.Of(r.Report.Status),
            t.ToLocal(r.Report.CreatedAt), r.Report.ClosedAt is { } c ? t.ToLocal(c) : null, r.Report.ClosingNote);
    }
}
