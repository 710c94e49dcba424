using SkiaSharp;

namespace OpenAlumni.Tests.Infrastructure;

public static class TestImages
{
    /// <summary>A real PNG of the given size, drawn with Skia.</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(39, 64, 139));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
