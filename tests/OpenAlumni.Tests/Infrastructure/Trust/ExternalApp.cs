using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// The app as an operator runs it: its own process (the build's OpenAlumni.Web.dll under `dotnet exec`), production
/// settings, listening on a free local port. A test can kill it with SIGKILL and start it again on the same data.
/// </summary>
public sealed class ExternalApp(IReadOnlyDictionary<string, string> settings, string workDirectory) : IAsyncDisposable
{
    Process? process;
    public int Port { get; } = FreePort();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public string LogFile => Path.Combine(workDirectory, "app.log");
    public int Starts { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "OpenAlumni.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "exec", "--depsfile", Path.ChangeExtension(app, ".deps.json"), "--runtimeconfig", Path.ChangeExtension(app, ".runtimeconfig.json"), app })
            start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Starts++;
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Tail()}");
            try
            {
                if ((await probe.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The app did not answer /health within 90 s:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as when the machine or the container runtime kills it.</summary>
    public void Kill()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public string Tail()
    {
        try { return string.Join('\n', File.ReadLines(LogFile).TakeLast(40)); }
        catch (IOException) { return "(no log)"; }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
