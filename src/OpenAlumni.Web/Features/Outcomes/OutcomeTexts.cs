namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>Marker for the outcome ledger's strings (OutcomeTexts.resx, OutcomeTexts.ja.resx).</summary>
public sealed class OutcomeTexts;
