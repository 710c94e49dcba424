namespace OpenAlumni.Web.Features.MemberAdmin;

/// <summary>Marker for the admin area strings (MemberAdminTexts.resx, MemberAdminTexts.ja.resx).</summary>
public sealed class MemberAdminTexts;
