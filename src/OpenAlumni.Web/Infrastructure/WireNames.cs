namespace OpenAlumni.Web.Infrastructure;

/// <summary>How an enum value is spelled in the API's JSON (camelCase: inPerson, reportDecision).</summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
