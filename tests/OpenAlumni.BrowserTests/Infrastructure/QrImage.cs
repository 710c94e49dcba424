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
            try
            {
                return Decode(await page.ScreenshotAsync(new() { Clip = new() { X = Math.Max(0, box.X - margin), Y = Math.Max(0, box.Y - margin),
                    Width = box.Width + 2 * margin, Height = box.Height + 2 * margin } }));
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 5) { await Task.Delay(300); }
        }
    }

    public static string Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The screenshot is not a PNG.");
        using var rgba = decoded.Copy(SKColorType.Rgba8888);
        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return result?.Text ?? throw new Xunit.Sdk.XunitException("No QR code could be read from the screenshot.");
    }
}
