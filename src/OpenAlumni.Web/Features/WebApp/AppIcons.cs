using System.Collections.Concurrent;
using OpenAlumni.Web.Infrastructure.Tenancy;
using SkiaSharp;

namespace OpenAlumni.Web.Features.WebApp;

/// <summary>
/// The home-screen icons of a network, drawn once per network and logo: the logo on white when the network has
/// one, else the "OA" mark of the top bar on its blue. Letters are drawn as strokes, not text, because the
/// server's Skia has no fonts (NativeAssets.Linux.NoDependencies).
/// </summary>
public sealed class AppIcons
{
    /// <summary>The icons the manifest and the layout name: file name, side in pixels, and whether it is maskable.</summary>
    public static readonly IReadOnlyDictionary<string, (int Size, bool Maskable)> Files = new Dictionary<string, (int, bool)>
    {
        ["icon-192.png"] = (192, false),
        ["icon-512.png"] = (512, false),
        ["maskable-192.png"] = (192, true),
        ["maskable-512.png"] = (512, true),
        ["apple-touch-icon.png"] = (180, true), // iOS rounds the corners itself and shows transparency as black
    };

    /// <summary>The site's --accent and --bg (site.css): the manifest's theme and background colours.</summary>
    public const string ThemeColor = "#27408b";
    public const string BackgroundColor = "#f6f7f9";

    // One entry per network and file; a new logo replaces the entry, so the cache does not grow with uploads.
    readonly ConcurrentDictionary<(long Tenant, string File), (string? Logo, byte[] Png)> drawn = new();

    /// <summary>Part of the icons' URLs: it changes with the logo, so browsers fetch the new icon.</summary>
    public static string Version(TenantInfo? tenant) =>
        // A stable hash (string.GetHashCode differs per process): every node and every restart names the same icon alike.
        tenant?.LogoPath is { } logo ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(logo)))[..8] : "oa";

    public async Task<byte[]> GetAsync(TenantInfo tenant, string file, Func<CancellationToken, Task<Stream?>> openLogo, CancellationToken ct)
    {
        var (size, maskable) = Files[file];
        var key = (tenant.Id, file);
        if (drawn.TryGetValue(key, out var entry) && entry.Logo == tenant.LogoPath) return entry.Png;
        await using var logoStream = tenant.LogoPath is null ? null : await openLogo(ct);
        using var logo = logoStream is null ? null : SKBitmap.Decode(logoStream);
        var png = Draw(size, maskable, logo);
        drawn[key] = (tenant.LogoPath, png);
        return png;
    }

    /// <summary>Draws on a 512-unit square scaled to <paramref name="size"/>. A maskable icon fills the square and keeps
    /// its content within the central circle of 40% radius that every launcher's mask leaves visible.</summary>
    public static byte[] Draw(int size, bool maskable, SKBitmap? logo)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(size / 512f);
        using var fill = new SKPaint { IsAntialias = true, Color = logo is null ? SKColor.Parse(ThemeColor) : SKColors.White };
        if (maskable) canvas.DrawRect(0, 0, 512, 512, fill);
        else canvas.DrawRoundRect(0, 0, 512, 512, 96, 96, fill);

        if (logo is null) DrawMark(canvas);
        else
        {
            // A square of side 288 has its corners on the safe circle (radius 204.8); a plain icon may use more.
            var box = maskable ? 288f : 400f;
            var scale = Math.Min(box / logo.Width, box / logo.Height);
            var (w, h) = (logo.Width * scale, logo.Height * scale);
            using var image = SKImage.FromBitmap(logo);
            canvas.DrawImage(image, SKRect.Create((512 - w) / 2, (512 - h) / 2, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>"OA" in white strokes, centred, inside the maskable safe circle.</summary>
    static void DrawMark(SKCanvas canvas)
    {
        using var pen = new SKPaint
        {
            IsAntialias = true, Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 34,
            StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round,
        };
        canvas.DrawOval(new SKPoint(174, 256), new SKSize(62, 84), pen);
        using var a = new SKPath();
        a.MoveTo(266, 340);
        a.LineTo(336, 172);
        a.LineTo(406, 340);
        a.MoveTo(289, 285);
        a.LineTo(383, 285);
        canvas.DrawPath(a, pen);
    }
}
