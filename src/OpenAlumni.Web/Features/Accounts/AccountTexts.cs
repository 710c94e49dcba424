namespace OpenAlumni.Web.Features.Accounts;

/// <summary>Marker for the account pages' and mails' strings (AccountTexts.resx, AccountTexts.ja.resx).</summary>
public sealed class AccountTexts;
