namespace OpenAlumni.Web.Features.Jobs;

/// <summary>Marker for the job board's strings (JobTexts.resx, JobTexts.ja.resx).</summary>
public sealed class JobTexts;
