using OpenAlumni.Web.Infrastructure;
using SkiaSharp;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// Decodes an uploaded photo with Skia (a real decoder, not a look at the first bytes), refuses what is not
/// a JPEG, PNG, WebP or GIF image or is too large in pixels, and re-encodes it as a square-bounded JPEG.
/// Re-encoding drops metadata (GPS position in EXIF) and anything smuggled after the image data.
/// </summary>
public sealed class PhotoProcessor
{
    static readonly SKEncodedImageFormat[] Allowed = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif];

    /// <summary>Longest side of an image shown large (an event cover, a picture in a post).</summary>
    public const int LargeSide = 1600;

    /// <summary>
    /// Reads an upload (refusing it past the size limit, whatever the client claimed) and re-encodes it;
    /// errors are reported on <paramref name="field"/>. Every image upload goes through here.
    /// </summary>
    public async Task<Result<byte[]>> ReadAsJpegAsync(Stream content, long length, string field, int maxSide, CancellationToken ct)
    {
        var tooLarge = FieldErrors.Of(field, "Validation.PhotoTooLarge", MemberLimits.PhotoBytes / 1024 / 1024);
        if (length > MemberLimits.PhotoBytes) return tooLarge;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MemberLimits.PhotoBytes) return tooLarge;
        return ToJpeg(buffer.ToArray(), maxSide) is { } jpeg ? jpeg : FieldErrors.Of(field, "Validation.PhotoInvalid");
    }

    /// <summary>The image re-encoded as JPEG, its longer side at most <paramref name="maxSide"/> pixels; null if it is not an image.</summary>
    public byte[]? ToJpeg(byte[] upload, int maxSide)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Allowed.Contains(codec.EncodedFormat)) return null;
        var info = codec.Info;
        if (info.Width < 16 || info.Height < 16 || (long)info.Width * info.Height > MemberLimits.PhotoPixels) return null;

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null) return null;
        var oriented = Orient(decoded, codec.EncodedOrigin);
        using var disposeOriented = ReferenceEquals(oriented, decoded) ? null : oriented;
        var scale = Math.Min(1f, (float)maxSide / Math.Max(oriented.Width, oriented.Height));
        var target = new SKImageInfo(Math.Max(1, (int)(oriented.Width * scale)), Math.Max(1, (int)(oriented.Height * scale)));
        using var resized = oriented.Resize(target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (resized is null) return null;
        using var image = SKImage.FromBitmap(resized);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg?.ToArray();
    }

    static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source;
        var rotate = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(rotate ? source.Height : source.Width, rotate ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, source.Width / 2f, source.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}
