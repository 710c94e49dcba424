namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// The figures the proofs of trust report (matrix calls, fuzz inputs, kills survived, writes verified). `dotnet test`
/// shows a passing test's output only at high verbosity, so each line also goes to a file that .ci/run prints at the
/// end: OPENALUMNI_FIGURES, or trust-figures.txt in the temporary directory.
/// </summary>
public static class TrustFigures
{
    static readonly Lock Gate = new();
    public static string File => Environment.GetEnvironmentVariable("OPENALUMNI_FIGURES") ?? Path.Combine(Path.GetTempPath(), "trust-figures.txt");

    public static void Report(string proof, string line)
    {
        var text = $"{proof}: {line}";
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        lock (Gate) System.IO.File.AppendAllText(File, $"{DateTime.UtcNow:HH:mm:ss} {text}{Environment.NewLine}");
    }
}
