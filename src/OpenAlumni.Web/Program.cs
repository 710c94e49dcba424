using OpenAlumni.Web;
using OpenAlumni.Web.Infrastructure.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenAlumni();
var app = builder.Build();

// With arguments the binary is the operator's command line (DESIGN.md); without, it serves.
if (args.Length > 0 && !args[0].StartsWith('-'))
    return await AlumniCli.RunAsync(app, args);

await app.PrepareAsync();
app.UseOpenAlumni();
app.MapOpenAlumni();
await app.RunAsync();
return 0;

public partial class Program;
