using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>
/// "This member used the network on this day" (UTC day): the activity signal of weekly and monthly active
/// members. One row per member and day at most (unique index), written by <see cref="ActivityMiddleware"/>.
/// <see cref="Gap"/> and <see cref="Kind"/> are written by database triggers (migration
/// <c>ActivityRollup</c>), whatever inserts the row: the app never sets them.
/// </summary>
public class MemberActivity : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>Days since this member's previous active day; null on their first. A member counts once in a window
    /// [a, b] at the one row of theirs in it whose gap reaches before a: distinct counts become sums.</summary>
    public int? Gap { get; set; }
    /// <summary>The member's kind, kept equal to <see cref="Member.Kind"/> by a trigger on Members.</summary>
    public MemberKind Kind { get; set; }
}

/// <summary>
/// The rollup of <see cref="MemberActivity"/> the dashboard reads: per network, UTC day, member kind and gap (capped at
/// <see cref="MaxGap"/> + 1, which also stands for "first day ever"), how many members were active that day with that
/// gap. Maintained row by row by database triggers on MemberActivity (insert, delete, including the cascade when a
/// member is erased) and on Members (a change of kind), and backfilled by the migration that created it. It holds
/// counts only, no member: an erased member's days leave it with their rows.
/// </summary>
public class ActivityRollup : ITenantOwned
{
    /// <summary>The longest window (in days) whose distinct active members the rollup can count: a calendar month.</summary>
    public const int MaxWindow = 31;
    public const int MaxGap = MaxWindow;

    public long TenantId { get; set; }
    public DateOnly Day { get; set; }
    public MemberKind Kind { get; set; }
    public int Gap { get; set; }
    public int Members { get; set; }
}

internal sealed class ActivityRollupConfiguration : IEntityTypeConfiguration<ActivityRollup>
{
    public void Configure(EntityTypeBuilder<ActivityRollup> b)
    {
        b.ToTable("ActivityRollup");
        b.HasKey(r => new { r.TenantId, r.Day, r.Kind, r.Gap });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class MemberActivityConfiguration : IEntityTypeConfiguration<MemberActivity>
{
    public void Configure(EntityTypeBuilder<MemberActivity> b)
    {
        b.HasIndex(a => new { a.TenantId, a.MemberId, a.Day }).IsUnique();
        // Active members in a period: a range on Day, then distinct members.
        b.HasIndex(a => new { a.TenantId, a.Day, a.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>
/// Records a signed-in approved member's activity day. Cheap: a process-wide memory cache remembers
/// (member, day) pairs already written, so a member costs one INSERT per day per instance; the unique index
/// makes a second instance's (or a racing request's) insert a no-op.
/// </summary>
public sealed class ActivityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IMemoryCache cache, TimeProvider clock)
    {
        await next(http);
        if (http.User.Identity?.IsAuthenticated != true || http.Response.StatusCode >= 400) return;
        var tenant = http.RequestServices.GetRequiredService<ITenantContext>();
        if (tenant.Tenant is null) return;
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var userId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is null) return;
        var key = $"activity:{tenant.TenantId}:{userId}:{day:yyyyMMdd}";
        if (cache.TryGetValue(key, out _)) return;
        var member = await http.RequestServices.GetRequiredService<CurrentMember>().GetAsync(http.RequestAborted);
        if (member?.IsApproved != true) return;
        await RecordAsync(http.RequestServices.GetRequiredService<AlumniDb>(), tenant.TenantId, member.MemberId, day, http.RequestAborted);
        cache.Set(key, true, TimeSpan.FromHours(25));
    }

    /// <summary>Inserts the row unless it exists; safe against a concurrent insert of the same row.</summary>
    public static async Task RecordAsync(AlumniDb db, long tenantId, long memberId, DateOnly day, CancellationToken ct)
    {
        if (await db.Set<MemberActivity>().AnyAsync(a => a.MemberId == memberId && a.Day == day, ct)) return;
        // A separate statement, not the request's unit of work: nothing else is tracked or saved with it.
        var table = db.Model.FindEntityType(typeof(MemberActivity))!.GetTableName();
        var members = db.Model.FindEntityType(typeof(Member))!.GetTableName();
        // The member may be gone by now (this very request deleted them): then nothing is written.
        var select = $"SELECT {{0}}, {{1}}, {{2}} WHERE EXISTS (SELECT 1 FROM \"{members}\" WHERE \"Id\" = {{1}})";
        var sql = db.Database.IsNpgsql()
            ? $"INSERT INTO \"{table}\" (\"TenantId\", \"MemberId\", \"Day\") {select} ON CONFLICT DO NOTHING"
            : $"INSERT OR IGNORE INTO \"{table}\" (\"TenantId\", \"MemberId\", \"Day\") {select}";
        await db.Database.ExecuteSqlRawAsync(sql, [tenantId, memberId, day], ct);
    }
}
