using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>One post as its page shows it: with its comments (one level of replies), what the reader may do with each, and who is interested.</summary>
public sealed partial class PostService
{
    public async Task<Result<PostDetailDto>> GetAsync(long id, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        var closed = ClosedRooms();
        var found = (await ProjectWithFactsAsync(db.Set<Post>().AsNoTracking().VisibleTo(reader).Where(p => p.Id == id && !closed.Contains(p.Room)), me, ct, reader)).FirstOrDefault();
        if (found.Post is not { } post) return Result<PostDetailDto>.NotFound();
        // The secretariat, and the moderators of the post's scope, see hidden comments (to restore them).
        var isAdmin = me.IsAdmin || found.Facts.Moderated;
        // The author by a join, as the feed's cards: a correlated FirstOrDefault numbers every member of the network.
        var comments = await (
            from c in db.Set<Comment>().AsNoTracking().Where(c => c.PostId == id && (c.HiddenAt == null || isAdmin))
            join m in db.Members on c.AuthorMemberId equals m.Id into authors
            from a in authors.DefaultIfEmpty()
            orderby c.Id
            select new { c, Author = a == null ? null : new { a.FamilyName, a.GivenName, a.RomanizedName, a.Kind, a.Status } })
            .ToListAsync(ct);
        var t = tenant.Tenant!;
        // A comment kept after its author deleted themselves belongs to the network's "former member".
        AuthorDto Author(long id, string family, string given, string? romanized, MemberKind kind, MemberStatus status) =>
            status == MemberStatus.Former ? new AuthorDto(id, "", "", FormerMember: true) : new AuthorDto(id, PersonName.Display(family, given, romanized), kind.ToString());
        CommentDto ToDto(Comment c, string family, string given, string? romanized, MemberKind kind, MemberStatus status, IReadOnlyList<CommentDto> replies) =>
            new CommentDto(c.Id, c.ParentCommentId, Author(c.AuthorMemberId, family, given, romanized, kind, status), c.Body, c.BodyHtml, t.ToLocal(c.CreatedAt), c.HiddenAt is not null, replies)
                .WithPermissions(me, found.Facts);
        var tree = comments.Where(x => x.c.ParentCommentId is null).Select(top => ToDto(top.c, top.Author!.FamilyName, top.Author.GivenName, top.Author.RomanizedName, top.Author.Kind, top.Author.Status,
            comments.Where(x => x.c.ParentCommentId == top.c.Id).Select(x => ToDto(x.c, x.Author!.FamilyName, x.Author.GivenName, x.Author.RomanizedName, x.Author.Kind, x.Author.Status, [])).ToList())).ToList();
        IReadOnlyList<AuthorDto>? interested = null;
        if (post.CanEdit || me.IsAdmin)
            interested = (await db.Set<PostInterest>().AsNoTracking().Where(i => i.PostId == id).OrderBy(i => i.Id)
                .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName, m.Kind }).ToListAsync(ct))
                .Select(m => new AuthorDto(m.Id, PersonName.Display(m.FamilyName, m.GivenName, m.RomanizedName), m.Kind.ToString())).ToList();
        return new PostDetailDto(post, tree, interested);
    }
}
