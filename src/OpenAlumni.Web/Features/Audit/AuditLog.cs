namespace OpenAlumni.Web.Features.Audit;

/// <summary>
/// PLACEHOLDER with the signature of main's audit log, so that this branch builds before it lands;
/// replaced by main's AuditLog when main is merged (take main's file).
/// </summary>
public sealed class AuditLog
{
    public Task AddAsync(string action, string targetType, string? targetId, object? before, object? after, CancellationToken ct) => Task.CompletedTask;
}
