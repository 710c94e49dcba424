using System.Globalization;
using System.Text;
using System.Text.Json;

sealed record ReportRow(string Scenario, string Kind, LoadResult App, LoadResult? Raw, double? Ratio, double TargetP95Ms, double TargetRatio, bool Met);

/// <summary>One run of the suite: what was measured, on what, at which scale; written as JSON (to compare) and Markdown (to read).</summary>
sealed record Report(DateTimeOffset At, string Machine, string Database, int Members, int Posts, int Networks, int Clients, double Seconds, int Repeats,
    double SeedSeconds, double ColdStartHealthMs, double ColdStartFirstPageMs, double PeakRssMiB, double AppCpuCores, List<ReportRow> Rows)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    string Scale => $"{Database.ToLowerInvariant()}-{Members}m-{Posts}p-{Networks}n";

    /// <summary>Writes results/{time}-{scale}.json and .md, and the Markdown with the previous run at this scale compared.</summary>
    public static void Write(Report report, string directory)
    {
        Directory.CreateDirectory(directory);
        var previous = Directory.GetFiles(directory, $"*-{report.Scale}.json").Order().LastOrDefault() is { } file
            ? JsonSerializer.Deserialize<Report>(File.ReadAllText(file), Json) : null;
        var name = Path.Combine(directory, $"{report.At:yyyyMMdd-HHmm}-{report.Scale}");
        File.WriteAllText(name + ".json", JsonSerializer.Serialize(report, Json));
        var markdown = report.Markdown(previous);
        File.WriteAllText(name + ".md", markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"written: {name}.json and .md");
    }

    public string Markdown(Report? previous)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"### {At:yyyy-MM-dd HH:mm} UTC: {Members:N0} members, {Posts:N0} posts over {Networks} network{(Networks == 1 ? "" : "s (60% in one)")}");
        md.AppendLine();
        md.AppendLine(c, $"{Machine}; {Database}; {Clients} clients, {Seconds:F0} s × {Repeats} per target after a warm-up, app and raw interleaved.");
        var seeded = SeedSeconds > 0 ? FormattableString.Invariant($"; seeding took {SeedSeconds:F0} s.") : ".";
        md.AppendLine(c, $"Cold start {ColdStartHealthMs:F0} ms to /health, {ColdStartFirstPageMs:F0} ms to the first rendered page; app peak RSS {PeakRssMiB:F0} MiB; app CPU {AppCpuCores:F2} cores on average under load{seeded}");
        md.AppendLine();
        md.AppendLine("| page | app req/s | raw req/s | app/raw | app p50 ms | app p95 ms | app p99 ms | errors | target | met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in Rows)
        {
            var before = previous?.Rows.FirstOrDefault(p => p.Scenario == r.Scenario);
            // A regression: a fifth slower at p95 or a fifth fewer requests per second than the previous run at this scale.
            // A previous run that completed no request in the window has no p95 to compare with (it reads 0).
            var worse = before is not null && ((before.App.Requests > 0 && r.App.P95 > before.App.P95 * 1.2) || r.App.PerSecond < before.App.PerSecond / 1.2);
            var target = $"p95 ≤ {r.TargetP95Ms:F0} ms" + (r.Raw is not null ? $", ≥ {r.TargetRatio:P0} of raw" : "");
            var rawRate = r.Raw is { } x ? x.PerSecond.ToString("F0", c) : "–";
            var ratioText = r.Ratio is { } ratio ? ratio.ToString("F2", c) : "–";
            md.AppendLine(c, $"| {r.Scenario}{(worse ? " ⚠ regression" : "")} | {r.App.PerSecond:F0} | {rawRate} | {ratioText} | {r.App.P50:F1} | {r.App.P95:F1} | {r.App.P99:F1} | {r.App.Errors} | {target} | {(r.Met ? "yes" : "**no**")} |");
        }
        if (previous is not null)
        {
            md.AppendLine();
            md.AppendLine(c, $"Compared with the run of {previous.At:yyyy-MM-dd HH:mm} UTC at the same scale: ⚠ marks p95 20% higher or throughput 20% lower.");
        }
        return md.ToString();
    }
}
