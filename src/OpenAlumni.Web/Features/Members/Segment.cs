using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// Whom content is for, by the facts of a member: a department they worked in, the years they left between,
/// where they live, what they are open to, a tag. Every part that is set must match; an empty segment is
/// everyone. Stored in its owner's row (an EF Core complex type, columns <c>Segment*</c>: see
/// <see cref="SegmentRule.Map"/>).
/// The member kind is not in here: each owner already kept it its own way before segments existed (a post's
/// <c>SegmentKind</c>, null for both kinds; an event's <c>Audience</c>, all / alumni / employees, which is its
/// API field), so the owner hands its kind to the rule next to its segment.
/// </summary>
public sealed record Segment
{
    public string? Department { get; init; }
    public int? LeftFrom { get; init; }
    public int? LeftTo { get; init; }
    public string? Location { get; init; }
    public OpenTo OpenTo { get; init; }
    public string? Tag { get; init; }

    /// <summary>In memory. In a query, compare with <c>new Segment()</c>: EF Core expands it column by column.</summary>
    public bool IsEveryone => this == new Segment();
}

/// <summary>A segment as the API and the forms write it (and as its author reads it back).</summary>
public sealed record SegmentInput(string? Kind = null, string? Department = null, int? LeftFrom = null, int? LeftTo = null,
    string? Location = null, IReadOnlyList<string>? OpenTo = null, string? Tag = null);

/// <summary>
/// The one audience rule, side by side with its mirror: <see cref="Admits{T}"/> lets a reader see what a
/// kind and segment are for (posts, events, and whatever comes next), <see cref="Matching"/> selects the
/// members they are for (an announcement's recipients and its audience count). Both are SQL; a change to one
/// dimension is a change to both (PostsAndEventsAgreeOnSegmentsTests proves they agree, dimension by dimension).
/// </summary>
public static class SegmentRule
{
    /// <summary>
    /// <paramref name="visible"/> as a predicate over <typeparamref name="T"/>, its second parameter standing for
    /// "the reader is in this item's audience" (no kind or theirs, and every set part of the segment theirs).
    /// <paramref name="kindOf"/> may compute the kind in SQL, as events do from their audience.
    /// </summary>
    /// <remarks>
    /// <paramref name="spaceOf"/> is the space the item belongs to: an item of a space is for the readers who may read
    /// that space (its members, or everyone in the network for an open space), on top of its kind and segment.
    /// </remarks>
    public static Expression<Func<T, bool>> Admits<T>(Reader r, Expression<Func<T, MemberKind?>> kindOf,
        Expression<Func<T, Segment>> segmentOf, Expression<Func<T, long?>> spaceOf, Expression<Func<T, bool, bool>> visible)
    {
        var spaces = r.ReadableSpaces.ToList();
        var me = r.Kind;
        var departments = r.Departments.ToList();
        var left = r.LeftYear;
        var location = r.Location;
        var openTo = r.OpenTo;
        var tags = r.TagKeys.ToList();
        Expression<Func<MemberKind?, Segment, long?, bool>> admitted = (kind, s, space) =>
            (space == null || spaces.Contains(space.Value))
            && (kind == null || kind == me)
            && (s.Department == null || departments.Contains(s.Department))
            && (s.LeftFrom == null || (left != null && left >= s.LeftFrom))
            && (s.LeftTo == null || (left != null && left <= s.LeftTo))
            && (s.Location == null || s.Location == location)
            && (s.OpenTo == OpenTo.None || (s.OpenTo & openTo) == s.OpenTo)
            && (s.Tag == null || tags.Contains(s.Tag));

        // Inline the pieces into one lambda over visible's item, so that EF sees plain member access it translates.
        var item = visible.Parameters[0];
        var rule = Substitute(admitted.Body,
            (admitted.Parameters[0], Substitute(kindOf.Body, (kindOf.Parameters[0], item))),
            (admitted.Parameters[1], Substitute(segmentOf.Body, (segmentOf.Parameters[0], item))),
            (admitted.Parameters[2], Substitute(spaceOf.Body, (spaceOf.Parameters[0], item))));
        return Expression.Lambda<Func<T, bool>>(Substitute(visible.Body, (visible.Parameters[1], rule)), item);
    }

    /// <summary>The mirror of <see cref="Admits{T}"/>: the members a kind and segment are for.</summary>
    public static IQueryable<Member> Matching(this IQueryable<Member> members, MemberKind? kind, Segment s)
    {
        if (kind is { } k) members = members.Where(m => m.Kind == k);
        if (s.Department is { } department) members = members.Where(m => m.Career.Any(c => c.Department == department));
        if (s.LeftFrom is { } from) members = members.Where(m => m.Career.Max(c => c.ToYear) >= from);
        if (s.LeftTo is { } to) members = members.Where(m => m.Career.Max(c => c.ToYear) <= to);
        if (s.Location is { } location) members = members.Where(m => m.Location == location);
        if (s.OpenTo != OpenTo.None) { var flags = s.OpenTo; members = members.Where(m => (m.OpenTo & flags) == flags); }
        if (s.Tag is { } tag) members = members.Where(m => m.Tags.Any(t => t.Key == tag));
        return members;
    }

    /// <summary>Checks a segment as typed; errors are named prefix.field (segment.leftFrom). The kind is read apart (<see cref="ReadKind"/>).</summary>
    public static Segment Read(FieldErrors errors, string prefix, SegmentInput s, int currentYear)
    {
        var flags = OpenTo.None;
        foreach (var f in (s.OpenTo ?? []).Take(10)) flags |= Check.Enum<OpenTo>(errors, prefix + ".openTo", f, required: true) ?? OpenTo.None;
        var tag = Check.Text(errors, prefix + ".tag", s.Tag, MemberLimits.Tag);
        return new Segment
        {
            Department = Check.Text(errors, prefix + ".department", s.Department, MemberLimits.Department),
            LeftFrom = Check.Year(errors, prefix + ".leftFrom", s.LeftFrom, currentYear),
            LeftTo = Check.Year(errors, prefix + ".leftTo", s.LeftTo, currentYear),
            Location = Check.Text(errors, prefix + ".location", s.Location, MemberLimits.Location),
            OpenTo = flags,
            Tag = tag is null ? null : SearchText.Normalize(tag),
        };
    }

    public static MemberKind? ReadKind(FieldErrors errors, string prefix, SegmentInput s) =>
        Check.Enum<MemberKind>(errors, prefix + ".kind", s.Kind, required: false);

    /// <summary>The segment as its author reads it back (the same shape as it was written).</summary>
    public static SegmentInput ToInput(MemberKind? kind, Segment s) =>
        new(kind?.ToString(), s.Department, s.LeftFrom, s.LeftTo, s.Location, MemberService.OpenToNames(s.OpenTo), s.Tag);

    /// <summary>The columns of a segment in its owner's table. Their names predate the complex type; keeping them needs no data migration.</summary>
    public static void Map(ComplexPropertyBuilder<Segment> s)
    {
        s.Property(x => x.Department).HasColumnName("SegmentDepartment").HasMaxLength(MemberLimits.Department);
        s.Property(x => x.LeftFrom).HasColumnName("SegmentLeftFrom");
        s.Property(x => x.LeftTo).HasColumnName("SegmentLeftTo");
        s.Property(x => x.Location).HasColumnName("SegmentLocation").HasMaxLength(MemberLimits.Location);
        s.Property(x => x.OpenTo).HasColumnName("SegmentOpenTo");
        s.Property(x => x.Tag).HasColumnName("SegmentTag").HasMaxLength(MemberLimits.Tag);
    }

    static Expression Substitute(Expression body, params (ParameterExpression Parameter, Expression By)[] pairs) =>
        new Substitution(pairs.ToDictionary(p => p.Parameter, p => p.By)).Visit(body);

    sealed class Substitution(Dictionary<ParameterExpression, Expression> by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => by.TryGetValue(node, out var e) ? e : node;
    }
}
