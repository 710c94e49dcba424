using System.IO.Compression;
using System.Text;

namespace OpenAlumni.Tests.Infrastructure.Trust.Fuzz;

/// <summary>
/// Hostile uploads for the photo, post image, logo, cover and roster endpoints: truncated and polyglot images,
/// files that are not what they claim, roster CSV that is not UTF-8 or not CSV, and multipart bodies that lie
/// about their own framing (a boundary the header does not name, no boundary, a body cut short).
/// </summary>
public static class FuzzUploads
{
    static readonly byte[] Png = TestImages.Png(64, 48);
    static readonly byte[] PngZip = [.. Png.Take(64), .. Zip()];
    static readonly byte[] GifJs = Encoding.ASCII.GetBytes("GIF89a/*\x01\x00\x01\x00\x00\xff\xff*/=1;alert(document.domain)//;");

    /// <summary>Files: (name, bytes, file name, content type).</summary>
    static readonly (string Name, Func<byte[]> Bytes, string FileName, string Type)[] Files =
    [
        ("truncated PNG", () => Png[..(Png.Length / 2)], "photo.png", "image/png"),
        ("PNG header only", () => Png[..16], "photo.png", "image/png"),
        ("PNG header + zip", () => PngZip, "photo.png", "image/png"),
        ("GIF/JS polyglot", () => GifJs, "photo.gif", "image/gif"),
        ("SVG with script", () => Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>"), "a.svg", "image/svg+xml"),
        ("HTML as PNG", () => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "photo.png", "image/png"),
        ("empty file", () => [], "photo.png", "image/png"),
        ("one NUL byte", () => [0], "photo.png", "image/png"),
        ("PNG claiming 100000x100000", () => GiantPng(), "big.png", "image/png"),
        ("11 MB of zeros", () => new byte[11 << 20], "big.png", "image/png"),
        ("real PNG named .exe", () => Png, "photo.exe", "application/x-msdownload"),
        ("file name with traversal", () => Png, "../../etc/passwd.png", "image/png"),
        ("CSV, invalid UTF-8", () => [.. Encoding.UTF8.GetBytes(DeskTestData.Header + "\r\n山田,"), 0xC3, 0x28, 0xFF, .. Encoding.ASCII.GetBytes(",x,y,a@example.com,,,,\r\n")], "roster.csv", "text/csv"),
        ("CSV, NUL in a name", () => Encoding.UTF8.GetBytes(DeskTestData.Csv(DeskTestData.Row("山\0田", "花子", "nul@example.com"))), "roster.csv", "text/csv"),
        ("CSV, lone surrogate as CESU", () => [.. Encoding.UTF8.GetBytes(DeskTestData.Header + "\r\n"), 0xED, 0xA0, 0x80, .. Encoding.ASCII.GetBytes(",b,,,s@example.com,,,,\r\n")], "roster.csv", "text/csv"),
        ("CSV, unterminated quote", () => Encoding.UTF8.GetBytes(DeskTestData.Header + "\r\n\"山田,花子,,,q@example.com,,,,\r\n"), "roster.csv", "text/csv"),
        ("CSV, far years", () => Encoding.UTF8.GetBytes(DeskTestData.Csv(DeskTestData.Row("山田", "花子", "y@example.com", joined: -1, left: 99999))), "roster.csv", "text/csv"),
        ("CSV, 2^63 years", () => Encoding.UTF8.GetBytes(DeskTestData.Header + "\r\n山田,花子,,,z@example.com,営業,9223372036854775808,1e309,\r\n"), "roster.csv", "text/csv"),
        ("CSV, 10000 columns", () => Encoding.UTF8.GetBytes(DeskTestData.Header + "\r\n" + string.Join(',', Enumerable.Repeat("x", 10_000)) + "\r\n"), "roster.csv", "text/csv"),
        ("CSV, 1 MB field", () => Encoding.UTF8.GetBytes(DeskTestData.Csv(DeskTestData.Row(new string('山', 350_000), "花子", "big@example.com"))), "roster.csv", "text/csv"),
        ("CSV, header only with BOM", () => DeskTestData.Utf8(DeskTestData.Header, bom: true), "roster.csv", "text/csv"),
        ("CSV, formula", () => Encoding.UTF8.GetBytes(DeskTestData.Csv(DeskTestData.Row("=HYPERLINK(\"http://x\")", "@SUM(1)", "f@example.com"))), "roster.csv", "text/csv"),
        ("CSV, deep Markdown name", () => Encoding.UTF8.GetBytes(DeskTestData.Csv(DeskTestData.Row(new string('[', 128), "花子", "d@example.com"))), "roster.csv", "text/csv"),
        ("UTF-16 CSV", () => Encoding.Unicode.GetBytes(DeskTestData.Csv(DeskTestData.Row("山田", "花子", "u16@example.com"))), "roster.csv", "text/csv"),
        ("PNG as CSV", () => Png, "roster.csv", "text/csv"),
    ];

    public static FuzzInput For(FuzzOperation op, string url, Random random)
    {
        var field = op.UploadField;
        var roll = random.Next(10);
        if (roll < 7)
        {
            var (name, bytes, fileName, type) = Files[random.Next(Files.Length)];
            var target = random.Next(4) == 0 ? "other" : field;
            return new FuzzInput(op, url, () => Multipart(bytes(), target, fileName, type), $"upload {name} as field '{target}' ({fileName}, {type})");
        }
        var framing = random.Next(5);
        return framing switch
        {
            0 => new FuzzInput(op, url, () => Framed(field, "header-boundary", "body-boundary"), "multipart boundary in the body differs from the header's"),
            1 => new FuzzInput(op, url, () => Framed(field, null, "b"), "multipart without a boundary parameter"),
            2 => new FuzzInput(op, url, () => Framed(field, "b", "b", truncate: true), "multipart cut before its closing boundary"),
            3 => new FuzzInput(op, url, () => Framed(field, "b; charset=klingon", "b"), "multipart with an unknown charset"),
            _ => new FuzzInput(op, url, () => new StringContent("{\"" + field + "\":\"x\"}", Encoding.UTF8, "application/json"), "JSON where multipart belongs"),
        };
    }

    static HttpContent Multipart(byte[] bytes, string field, string fileName, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.TryAddWithoutValidation("Content-Type", type);
        var content = new MultipartFormDataContent();
        content.Add(file, field, fileName);
        return content;
    }

    /// <summary>A multipart body written by hand, so that its framing can be wrong.</summary>
    static HttpContent Framed(string field, string? headerBoundary, string bodyBoundary, bool truncate = false)
    {
        var part = $"--{bodyBoundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n";
        byte[] body = [.. Encoding.ASCII.GetBytes(part), .. Png, .. Encoding.ASCII.GetBytes(truncate ? "" : $"\r\n--{bodyBoundary}--\r\n")];
        var content = new ByteArrayContent(truncate ? body[..(body.Length - 100)] : body);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data" + (headerBoundary is null ? "" : $"; boundary={headerBoundary}"));
        return content;
    }

    static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(zip.CreateEntry("x.js").Open())) writer.Write("alert(1)");
        return stream.ToArray();
    }

    /// <summary>A valid PNG header whose IHDR claims 100000 × 100000 pixels (a decompression bomb's first bytes).</summary>
    static byte[] GiantPng()
    {
        var bytes = (byte[])Png.Clone();
        // IHDR width and height are at bytes 16..23, big-endian; the CRC no longer matches, as in a forged file.
        byte[] size = [0x00, 0x01, 0x86, 0xA0];
        size.CopyTo(bytes, 16);
        size.CopyTo(bytes, 20);
        return bytes;
    }
}
