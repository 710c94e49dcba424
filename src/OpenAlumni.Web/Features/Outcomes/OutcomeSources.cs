using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Posts;

namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>The records outcomes come from, as the ledger and the report name them.</summary>
public static class OutcomeSources
{
    /// <summary>
    /// Title and page of each record named (a query per kind of record). A consultation has neither: what two people
    /// discussed stays theirs. Who may see a title is the caller's rule.
    /// </summary>
    public static async Task<Dictionary<(OutcomeSource, long), (string Title, string Url)>> TitlesAsync(AlumniDb db,
        IEnumerable<(OutcomeSource Source, long? Id)> sources, CancellationToken ct)
    {
        var list = sources.ToList();
        List<long> Ids(OutcomeSource s) => list.Where(x => x.Source == s && x.Id is not null).Select(x => x.Id!.Value).Distinct().ToList();
        var map = new Dictionary<(OutcomeSource, long), (string, string)>();
        if (Ids(OutcomeSource.Event) is { Count: > 0 } events)
            foreach (var e in await db.Set<Event>().AsNoTracking().Where(e => events.Contains(e.Id)).Select(e => new { e.Id, e.Title }).ToListAsync(ct))
                map[(OutcomeSource.Event, e.Id)] = (e.Title, $"/events/{e.Id}");
        if (Ids(OutcomeSource.Pitch) is { Count: > 0 } pitches)
            foreach (var p in await db.Set<Pitch>().AsNoTracking().Where(p => pitches.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.EventId }).ToListAsync(ct))
                map[(OutcomeSource.Pitch, p.Id)] = (p.Title, $"/events/{p.EventId}");
        if (Ids(OutcomeSource.Post) is { Count: > 0 } posts)
            foreach (var p in await db.Set<Post>().AsNoTracking().Where(p => posts.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                map[(OutcomeSource.Post, p.Id)] = (p.Title, $"/posts/{p.Id}");
        if (Ids(OutcomeSource.Job) is { Count: > 0 } jobs)
            foreach (var j in await db.Set<JobOpening>().AsNoTracking().Where(j => jobs.Contains(j.Id)).Select(j => new { j.Id, j.Title }).ToListAsync(ct))
                map[(OutcomeSource.Job, j.Id)] = (j.Title, $"/jobs/{j.Id}");
        if (Ids(OutcomeSource.Collaboration) is { Count: > 0 } collaborations)
            foreach (var c in await db.Set<Collaboration>().AsNoTracking().Where(c => collaborations.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
                map[(OutcomeSource.Collaboration, c.Id)] = (c.Title, $"/collaborations/{c.Id}");
        if (Ids(OutcomeSource.Project) is { Count: > 0 } projects)
            foreach (var p in await db.Set<Projects.Project>().AsNoTracking().Where(p => projects.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                map[(OutcomeSource.Project, p.Id)] = (p.Title, $"/projects/{p.Id}");
        return map;
    }
}
