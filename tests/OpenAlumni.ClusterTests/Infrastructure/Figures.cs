namespace OpenAlumni.ClusterTests.Infrastructure;

/// <summary>
/// What the two-node tests measured, in the test's output and in the file .ci/run prints at the end
/// (OPENALUMNI_FIGURES), beside the proofs of trust: `dotnet test` shows a passing test's output only when verbose.
/// </summary>
public static class Figures
{
    static readonly Lock Gate = new();

    public static void Report(string line)
    {
        var text = "Two nodes: " + line;
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("OPENALUMNI_FIGURES") is { Length: > 0 } file)
            lock (Gate) File.AppendAllText(file, $"{DateTime.UtcNow:HH:mm:ss} {text}{Environment.NewLine}");
    }
}
