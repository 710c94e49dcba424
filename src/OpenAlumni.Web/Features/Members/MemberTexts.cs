namespace OpenAlumni.Web.Features.Members;

/// <summary>Marker for the profile and directory strings (MemberTexts.resx, MemberTexts.ja.resx).</summary>
public sealed class MemberTexts;
