namespace OpenAlumni.Web.Features.Registrations;

/// <summary>Marker for the approval queue's strings (RegistrationTexts.resx, RegistrationTexts.ja.resx).</summary>
public sealed class RegistrationTexts;
