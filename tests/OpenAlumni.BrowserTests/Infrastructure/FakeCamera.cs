using SkiaSharp;

namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>
/// Chromium's fake camera (--use-file-for-fake-video-capture) films an MJPEG file, read anew each time a
/// page starts the camera: the test puts a picture in front of it, e.g. a ticket's QR code taken from a
/// screenshot of another page, as a phone would be held up to the door's camera.
/// </summary>
public static class FakeCamera
{
    const int Width = 640, Height = 480;

    /// <summary>Shows <paramref name="png"/> in the middle of a white frame (or a white frame alone).</summary>
    public static void Show(BrowserApp app, byte[]? png)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        if (png is not null)
        {
            using var picture = SKBitmap.Decode(png);
            var side = Math.Min(Height - 80f, Math.Min(picture.Width, picture.Height) * 2f);
            var scale = side / Math.Max(picture.Width, picture.Height);
            var (w, h) = (picture.Width * scale, picture.Height * scale);
            using var image = SKImage.FromBitmap(picture);
            surface.Canvas.DrawImage(image, SKRect.Create((Width - w) / 2, (Height - h) / 2, w, h), new SKSamplingOptions(SKFilterMode.Nearest));
        }
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 92);
        // An MJPEG file is JPEG frames one after another; Chromium loops over them, so one frame is a still picture.
        File.WriteAllBytes(app.CameraFile, jpeg.ToArray());
    }
}
