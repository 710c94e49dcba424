namespace OpenAlumni.Web.Features.Audit;

// Placeholder with the lead's signature until the audit log lands on main (replaced at merge).
public sealed class AuditLog
{
    public Task AddAsync(string action, string targetType, string? targetId, object? before, object? after, CancellationToken ct) => Task.CompletedTask;
}
