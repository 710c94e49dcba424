using System.Diagnostics;

/// <summary>What one scenario did against one target in one timed window.</summary>
sealed record LoadResult(int Requests, int Errors, double Seconds, double P50, double P95, double P99, double Max)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>Several windows (repeats) as one: requests add up, percentiles over every request.</summary>
    public static LoadResult Merge(IReadOnlyList<(LoadResult Result, List<double> Latencies)> runs)
    {
        var all = runs.SelectMany(r => r.Latencies).Order().ToList();
        return new LoadResult(runs.Sum(r => r.Result.Requests), runs.Sum(r => r.Result.Errors), runs.Sum(r => r.Result.Seconds),
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Count == 0 ? 0 : all[^1]);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>
/// A closed loop of N clients (wrk's shape): each sends its next request as soon as the last one answered, for a
/// fixed time after a warm-up. Latency is measured per request from send to the whole body read.
/// </summary>
static class Load
{
    /// <param name="send">One request; true when the answer was the expected one (status and, where checked, content).</param>
    public static async Task<(LoadResult Result, List<double> Latencies)> RunAsync(int clients, TimeSpan warmup, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var warmEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = warmEnd + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var errors = new int[clients];
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            var i = c;
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= measureEnd) break;
                bool ok;
                try { ok = await send(i); }
                catch (Exception) { ok = false; }
                var end = Stopwatch.GetTimestamp();
                i += clients;
                // Requests that complete inside the window count (wrk's way), however long ago they started: a page
                // slower than the window still shows, as slow. Those still running at its end are not waited for.
                if (end < warmEnd || end > measureEnd) continue;
                if (ok) mine.Add((end - start) * 1000.0 / Stopwatch.Frequency);
                else errors[c]++;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        var result = new LoadResult(all.Count, errors.Sum(), duration.TotalSeconds,
            LoadResult.Percentile(all, 0.50), LoadResult.Percentile(all, 0.95), LoadResult.Percentile(all, 0.99), all.Count == 0 ? 0 : all[^1]);
        return (result, all);
    }
}
