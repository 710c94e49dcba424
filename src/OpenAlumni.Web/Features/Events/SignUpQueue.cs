using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// Group commit of sign-ups, per event. When a thousand members press "sign up" for the same event in the same
/// second, each in its own transaction, they queue one by one on the event row's lock (and on SQLite on the one
/// writer), each holding it for several round trips: the last waits seconds. Here the sign-ups of one event that
/// arrive together wait in one in-process lane; one worker takes everything waiting and decides it in ONE
/// transaction: lock the event row, one conditional UPDATE takes min(free, n) seats per mode, the rest join the
/// waitlist in arrival order, one SaveChanges. Then each request gets its own answer. A lane that is idle costs
/// nothing: the first sign-up is decided at once, alone, and the ones that arrive meanwhile form the next batch.
/// </summary>
/// <remarks>
/// Only the batching is per process. Correctness stays in the database: the batch locks the event row as every
/// other change to its seats does (cancellation, capacity change), the seat UPDATE is still conditional on
/// capacity, and members already signed up are looked up under the lock, so several app processes on one
/// database stay exact; their batches simply take the row lock in turn. A batch that fails as a whole is never
/// half-applied (one transaction): on an outage every request in it fails (503, nothing was written), any other
/// failure decides each of its sign-ups again alone, so that one bad sign-up cannot take the others down.
/// </remarks>
public sealed class SignUpQueue(IServiceScopeFactory scopes, ILogger<SignUpQueue> log)
{
    /// <summary>Bounds one transaction's size; a larger crowd is decided in consecutive batches, still in order.</summary>
    const int MaxBatch = 1000;

    public sealed record SignUp(TenantInfo Tenant, long EventId, long MemberId, AttendanceMode Mode, DateTimeOffset At)
    {
        /// <summary>The decision; null when the member already holds a sign-up (their other click, or another process): read it.</summary>
        internal readonly TaskCompletionSource<Result<RsvpDto>?> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    sealed class Lane
    {
        public List<SignUp> Waiting = [];
    }

    readonly Dictionary<(long Tenant, long Event), Lane> lanes = [];

    /// <summary>Queues a sign-up and waits for its batch to commit. The caller has checked visibility, mode and "signed up already".</summary>
    public Task<Result<RsvpDto>?> SignUpAsync(SignUp signUp)
    {
        var key = (signUp.Tenant.Id, signUp.EventId);
        Lane? start = null;
        lock (lanes)
        {
            if (lanes.TryGetValue(key, out var lane)) lane.Waiting.Add(signUp);
            else lanes[key] = start = new Lane { Waiting = [signUp] };
        }
        if (start is not null)
        {
            // The worker must not carry this request's context (its HttpContext, its user) into other members' sign-ups.
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => DrainAsync(key, start));
        }
        return signUp.Done.Task;
    }

    async Task DrainAsync((long, long) key, Lane lane)
    {
        while (true)
        {
            List<SignUp> batch;
            lock (lanes)
            {
                if (lane.Waiting.Count == 0)
                {
                    lanes.Remove(key);
                    return;
                }
                batch = lane.Waiting.Count <= MaxBatch ? lane.Waiting : lane.Waiting.GetRange(0, MaxBatch);
                lane.Waiting = lane.Waiting.Count <= MaxBatch ? [] : lane.Waiting.GetRange(MaxBatch, lane.Waiting.Count - MaxBatch);
            }
            await DecideAsync(batch);
        }
    }

    async Task DecideAsync(List<SignUp> batch)
    {
        try
        {
            var results = await DecideInOneTransactionAsync(batch);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
        }
        catch (Exception e) when (batch.Count > 1 && !DbErrors.IsOutage(e))
        {
            log.LogWarning(e, "A batch of {Count} sign-ups for event {Event} failed; deciding each alone.", batch.Count, batch[0].EventId);
            foreach (var s in batch) await DecideAsync([s]);
        }
        catch (Exception e)
        {
            // Rolled back: nothing of this batch was written. Each request fails with the cause (503 for an outage).
            foreach (var s in batch) s.Done.TrySetException(e);
        }
    }

    async Task<Result<RsvpDto>?[]> DecideInOneTransactionAsync(List<SignUp> batch)
    {
        var ct = CancellationToken.None; // a batch decides for many requests: one leaving must not cancel the others
        var id = batch[0].EventId;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(batch[0].Tenant);
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        return await db.InTransactionAsync(async tx =>
        {
            var results = new Result<RsvpDto>?[batch.Count];
            if (!await RsvpService.LockEventAsync(db, id, ct))
            {
                Array.Fill(results, Result<RsvpDto>.NotFound());
                return results;
            }
            var e = await db.Set<Event>().AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Status, x.CapacityInPerson, x.CapacityOnline, x.ConfirmedInPerson, x.ConfirmedOnline }).FirstAsync(ct);
            if (e.Status != EventStatus.Published)
            {
                // Cancelled while these waited: no seat, no waitlist.
                Array.Fill(results, Result<RsvpDto>.Conflict("status", "Events.Cancelled"));
                return results;
            }

            // Under the lock, who holds a sign-up already: a second click, or the same member through another process.
            var memberIds = batch.Select(s => s.MemberId).Distinct().ToList();
            var prior = await db.Set<Rsvp>().Where(r => r.EventId == id && memberIds.Contains(r.MemberId)).ToListAsync(ct);
            var active = prior.Where(r => r.Status != RsvpStatus.Cancelled).Select(r => r.MemberId).ToHashSet();
            // Signing up again after cancelling goes to the back of the queue: a new row, a new ticket.
            var cancelled = prior.Where(r => r.Status == RsvpStatus.Cancelled).ToList();
            if (cancelled.Count > 0)
            {
                db.RemoveRange(cancelled);
                await db.SaveChangesAsync(ct);
            }

            var taking = new List<int>();
            foreach (var (s, i) in batch.Select((s, i) => (s, i)))
            {
                if (active.Add(s.MemberId)) taking.Add(i); // else: already signed up, or a duplicate within this batch
            }
            foreach (var mode in new[] { AttendanceMode.InPerson, AttendanceMode.Online })
            {
                var ofMode = taking.Where(i => batch[i].Mode == mode).ToList();
                if (ofMode.Count == 0) continue;
                var (capacity, confirmed) = mode == AttendanceMode.InPerson ? (e.CapacityInPerson, e.ConfirmedInPerson) : (e.CapacityOnline, e.ConfirmedOnline);
                var seats = capacity is { } c ? Math.Clamp(c - confirmed, 0, ofMode.Count) : ofMode.Count;
                if (seats > 0 && await TakeSeatsAsync(db, id, mode, seats, ct) != 1)
                    throw new InvalidOperationException($"The seats of event {id} changed under its lock."); // cannot happen: every writer of seats locks first
                var ahead = seats < ofMode.Count
                    ? await db.Set<Rsvp>().CountAsync(r => r.EventId == id && r.Mode == mode && r.Status == RsvpStatus.Waitlisted, ct)
                    : 0;
                for (var n = 0; n < ofMode.Count; n++)
                {
                    var s = batch[ofMode[n]];
                    var status = n < seats ? RsvpStatus.Confirmed : RsvpStatus.Waitlisted;
                    db.Add(new Rsvp
                    {
                        EventId = id, MemberId = s.MemberId, Mode = mode, Status = status,
                        TicketCode = RsvpService.NewTicketCode(), CreatedAt = s.At, UpdatedAt = s.At,
                    });
                    results[ofMode[n]] = new RsvpDto(id, WireNames.Of(status), WireNames.Of(mode), status == RsvpStatus.Waitlisted ? ahead + n - seats + 1 : null);
                }
                // One mode's rows at a time, in arrival order: the waitlist's order is the order of the ids.
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return results;
        }, ct);
    }

    /// <summary>One conditional UPDATE for the whole batch: it cannot take more seats than are free, whatever else runs.</summary>
    static Task<int> TakeSeatsAsync(AlumniDb db, long id, AttendanceMode mode, int seats, CancellationToken ct) =>
        mode == AttendanceMode.InPerson
            ? db.Set<Event>().Where(x => x.Id == id && x.Status == EventStatus.Published && (x.CapacityInPerson == null || x.ConfirmedInPerson + seats <= x.CapacityInPerson))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedInPerson, x => x.ConfirmedInPerson + seats), ct)
            : db.Set<Event>().Where(x => x.Id == id && x.Status == EventStatus.Published && (x.CapacityOnline == null || x.ConfirmedOnline + seats <= x.CapacityOnline))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedOnline, x => x.ConfirmedOnline + seats), ct);
}
