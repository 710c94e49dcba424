using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>Reads a QR code out of a screenshot, as a phone camera would: from pixels, not from the page's markup.</summary>
public static class QrImage
{
    /// <summary>
    /// The code shown by an element, read from its picture centred on screen (clear of the phone's bottom bar);
    /// a few tries, as a camera would hold still for a moment while the page settles.
    /// </summary>
    public static async Task<string> ReadAsync(Microsoft.Playwright.ILocator element)
    {
        for (var attempt = 1; ; attempt++)
        {
            await element.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
            // The element and a white margin around it: a reader needs the quiet zone, which the element may not hold.
            var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The QR code is not on screen.");
            var page = element.Page;
            const float margin = 24;
            var shot = await page.ScreenshotAsync(new() { Clip = new() { X = Math.Max(0, box.X - margin), Y = Math.Max(0, box.Y - margin),
                Width = box.Width + 2 * margin, Height = box.Height + 2 * margin } });
            try
            {
                return Decode(shot);
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 10) { await Task.Delay(400); }
            catch (Xunit.Sdk.XunitException)
            {
                // Kept for whoever reads the failure: what the "camera" saw.
                Directory.CreateDirectory("screenshots");
                await File.WriteAllBytesAsync(Path.Combine("screenshots", $"qr-unreadable-{DateTime.UtcNow:HHmmssfff}.png"), shot);
                throw;
            }
        }
    }

    /// <summary>
    /// Reads the code with both of ZXing's binarizers, at the picture's size and at twice it: one reading of a sharp
    /// screenshot can still miss (a module edge on a half pixel), as a camera's first frame can.
    /// </summary>
    public static string Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The screenshot is not a PNG.");
        using var rgba = decoded.Copy(SKColorType.Rgba8888);
        using var doubled = rgba.Resize(new SKImageInfo(rgba.Width * 2, rgba.Height * 2, SKColorType.Rgba8888), new SKSamplingOptions(SKFilterMode.Nearest));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        foreach (var bitmap in new[] { rgba, doubled })
        {
            var source = new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
            foreach (var binary in new BinaryBitmap[] { new(new HybridBinarizer(source)), new(new GlobalHistogramBinarizer(source)) })
            {
                if (new QRCodeReader().decode(binary, hints)?.Text is { } text) return text;
            }
        }
        throw new Xunit.Sdk.XunitException("No QR code could be read from the screenshot.");
    }
}
