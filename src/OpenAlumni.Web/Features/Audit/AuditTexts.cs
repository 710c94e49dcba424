namespace OpenAlumni.Web.Features.Audit;

/// <summary>Marker for the audit log's strings (AuditTexts.resx, AuditTexts.ja.resx).</summary>
public sealed class AuditTexts;
