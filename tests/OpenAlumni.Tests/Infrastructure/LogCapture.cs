using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Keeps every log line the app writes (message, its structured values and any exception), so a test can
/// prove that personal data never reaches the logs. Levels are production's (appsettings.json), except that
/// the app's own categories are kept down to Debug.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    public static void Configure(ILoggingBuilder logging, LogCapture capture)
    {
        logging.AddProvider(capture);
        logging.AddFilter<LogCapture>(null, LogLevel.Information);
        logging.AddFilter<LogCapture>("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter<LogCapture>("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        logging.AddFilter<LogCapture>("OpenAlumni", LogLevel.Debug);
    }

    sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
