namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>Who may call an operation or open a page.</summary>
public enum Who
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,
    /// <summary>Any membership of this network that is not suspended, pending ones included.</summary>
    Registered,
    /// <summary>An approved member (alumnus, employee, recruiter or admin).</summary>
    Member,
    /// <summary>An admin, or a member the admins made a recruiter.</summary>
    Recruiter,
    /// <summary>An admin (the secretariat).</summary>
    Admin,
    /// <summary>The member whose object it is (its author or a party to it); the others are refused.</summary>
    Owner,
    /// <summary>The member whose object it is, or an admin.</summary>
    OwnerOrAdmin,
    /// <summary>Only the HR system with the network's SCIM token (/scim/v2): no sign-in of any member or admin counts there (401).</summary>
    HrSystem,
}

/// <summary>The identities the matrix calls as. "Other*" belong to another network.</summary>
public enum Caller
{
    Anonymous, Pending, Suspended, Member, Employee, Recruiter, Admin,
    OtherMemberAtHome, OtherAdminAtHome, OtherMemberHere, OtherAdminHere,
}

/// <summary>Where a call goes: the API (bearer token), a page (cookie), or another endpoint (files, the hub; either).</summary>
public enum Surface { Api, Page, Other }

/// <summary>Whose object an id names: the calling member's, another member's of this network, another network's.</summary>
public enum Whose { None, Mine, Theirs, Foreign }

/// <summary>
/// A row of the access table: who may call, and who may when the id is another member's object (the same unless
/// said). <see cref="Body"/> is a minimal valid body, so that authorization, not validation, decides. A page that takes its
/// object's id from the query names the kind of that id in <see cref="QueryId"/> ("events": ?id= an event's id).
/// </summary>
public sealed record AccessRule(Who Who, Who? OnTheirs = null, object? Body = null, bool Destructive = false, string? QueryId = null)
{
    /// <summary>Whether the table lets <paramref name="caller"/> through with an id of <paramref name="whose"/>.</summary>
    public bool Allows(Caller caller, Whose whose)
    {
        if (whose == Whose.Foreign) return false;
        var who = whose == Whose.Theirs ? OnTheirs ?? Who : Who;
        var mine = whose != Whose.Theirs;
        return who switch
        {
            Who.Anyone => true,
            Who.Registered => caller is Caller.Pending or Caller.Member or Caller.Employee or Caller.Recruiter or Caller.Admin,
            Who.Member => caller is Caller.Member or Caller.Employee or Caller.Recruiter or Caller.Admin,
            Who.Recruiter => caller is Caller.Recruiter or Caller.Admin,
            Who.Admin => caller is Caller.Admin,
            Who.Owner => caller is Caller.Member && mine,
            Who.OwnerOrAdmin => (caller is Caller.Member && mine) || caller is Caller.Admin,
            _ => false,
        };
    }

    /// <summary>The answers a refusal may have: who is nobody here gets 401; a wrong role 403; an object not theirs to see 404.</summary>
    public static IReadOnlySet<int> Refusals(Caller caller, Surface surface, Whose whose) => surface switch
    {
        Surface.Api => Refusals(caller, whose, signIn: [401], forbidden: [403]),
        Surface.Page => Refusals(caller, whose, signIn: [302], forbidden: [302, 403]),
        // Files answer a browser without a sign-in 401 or send it to the login page.
        _ => Refusals(caller, whose, signIn: [302, 401], forbidden: [302, 403]),
    };

    static HashSet<int> Refusals(Caller caller, Whose whose, int[] signIn, int[] forbidden) => caller switch
    {
        // A sign-in of another network is nobody here.
        Caller.Anonymous or Caller.OtherMemberHere or Caller.OtherAdminHere => whose == Whose.Foreign ? [.. signIn, 404] : [.. signIn],
        // A suspended member's sign-in no longer stands (the stamp changed) or is forbidden.
        Caller.Suspended => whose == Whose.Foreign ? [.. signIn, .. forbidden, 404] : [.. signIn, .. forbidden],
        // An object not theirs (another network's, another member's, or one only its owner may act on): 403 or 404.
        _ when whose != Whose.None => [.. forbidden, 404],
        _ => [.. forbidden],
    };
}
