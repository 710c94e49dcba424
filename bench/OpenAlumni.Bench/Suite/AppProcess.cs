using System.Diagnostics;

/// <summary>
/// The app as production runs it: published in Release and started as its own process (so that its memory and CPU
/// are its own, apart from the load generator's), configured through environment variables.
/// </summary>
sealed class AppProcess : IAsyncDisposable
{
    readonly Process process;
    AppProcess(Process process, string url) { this.process = process; Url = url; }

    public string Url { get; }
    public int Pid => process.Id;
    public TimeSpan ToHealth { get; private set; }
    public TimeSpan ToFirstPage { get; private set; }

    /// <summary>Publishes src/OpenAlumni.Web into <paramref name="output"/> (Release), unless told to reuse it.</summary>
    public static async Task PublishAsync(string repo, string output)
    {
        var watch = Stopwatch.StartNew();
        await RunAsync("dotnet", $"publish \"{Path.Combine(repo, "src", "OpenAlumni.Web")}\" -c Release -r linux-x64 --self-contained false -o \"{output}\" --nologo -v q");
        Console.WriteLine($"published the app in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Starts the published app and waits for /health, then for the first rendered page of <paramref name="host"/>.</summary>
    public static async Task<AppProcess> StartAsync(string appDir, int port, IReadOnlyDictionary<string, string> settings, string host)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(appDir, "OpenAlumni.Web.dll")}\"")
        {
            WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        // BENCH_APP_X=v sets X=v for the app alone, to profile it (BENCH_APP_DOTNET_JitStdOutFile=..., say).
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            if (e.Key is string k && k.StartsWith("BENCH_APP_", StringComparison.Ordinal)) info.Environment[k["BENCH_APP_".Length..]] = (string?)e.Value;
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, url);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        app.ToHealth = await WaitAsync(http, "/health", null, watch, process, errors);
        app.ToFirstPage = await WaitAsync(http, "/accounts/login", host, watch, process, errors);
        return app;
    }

    static async Task<TimeSpan> WaitAsync(HttpClient http, string path, string? host, Stopwatch watch, Process process, System.Text.StringBuilder errors)
    {
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited ({process.ExitCode}): {errors}");
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (host is not null) request.Headers.Host = host;
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    await response.Content.ReadAsStringAsync();
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException) { }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{path} did not answer within 2 minutes: {errors}");
    }

    /// <summary>The process's peak resident memory so far (VmHWM), in MiB.</summary>
    public double PeakRssMiB => Status("VmHWM:") / 1024.0;
    public double RssMiB => Status("VmRSS:") / 1024.0;

    /// <summary>CPU seconds the process has used (user + system).</summary>
    public double CpuSeconds
    {
        get
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
        }
    }

    long Status(string field) =>
        File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => long.Parse(l[field.Length..].Trim().Split(' ')[0])).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    public static async Task RunAsync(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed ({p.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
