using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace OpenAlumni.ClusterTests.Infrastructure;

/// <summary>
/// One app node: the published app started as its own process, configured through environment variables, with its
/// JSON log lines kept for the test to read. <see cref="Kill"/> is SIGKILL: no shutdown, no flush.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    readonly string appDir;
    readonly IReadOnlyDictionary<string, string> settings;
    Process? process;

    public NodeProcess(string name, string appDir, int port, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Port = port;
        this.appDir = appDir;
        this.settings = settings;
    }

    public string Name { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public bool Running => process is { HasExited: false };

    /// <summary>Every line the node wrote to stdout (one JSON object each) and stderr, in order.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public async Task StartAsync(CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(appDir, "OpenAlumni.Web.dll")}\"")
        {
            WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = Url;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Output.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited) throw new InvalidOperationException($"node {Name} exited ({process.ExitCode}):\n{Tail()}");
            try
            {
                if ((await http.GetAsync("/health/ready", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"node {Name} was not ready within 2 minutes:\n{Tail()}");
    }

    /// <summary>SIGKILL, as a machine that loses power or an OOM killer would.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    /// <summary>The structured log lines (the JSON console formatter's), skipping anything else.</summary>
    public IEnumerable<JsonElement> LogEntries()
    {
        foreach (var line in Output)
        {
            if (!line.StartsWith('{')) continue;
            JsonElement entry;
            try { entry = JsonDocument.Parse(line).RootElement; }
            catch (JsonException) { continue; }
            yield return entry;
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', Output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
    }
}
