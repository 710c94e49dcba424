using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenAlumni.Tests.Features.Notifications;

/// <summary>
/// A push service on 127.0.0.1 (real HTTP over Kestrel): it records each request and answers with
/// <see cref="Status"/> (201 Created, as a push service accepts a message).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    public sealed record Received(string Path, string? Authorization, string? ContentEncoding, string? Ttl, byte[] Body);

    readonly WebApplication app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    public int Status { get; set; } = 201;
    public string Origin { get; private set; } = "";

    FakePushService(WebApplication app) => this.app = app;

    public static async Task<FakePushService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var service = new FakePushService(web);
        web.MapPost("/push/{id}", async (HttpContext c) =>
        {
            using var body = new MemoryStream();
            await c.Request.Body.CopyToAsync(body);
            service.Requests.Enqueue(new Received(c.Request.Path, c.Request.Headers.Authorization, c.Request.Headers.ContentEncoding,
                c.Request.Headers["TTL"], body.ToArray()));
            return Results.StatusCode(service.Status);
        });
        await web.StartAsync();
        service.Origin = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return service;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

/// <summary>What a browser holds for one subscription: its P-256 key pair and the auth secret (as PushManager.subscribe makes them).</summary>
public sealed class FakeBrowser : IDisposable
{
    readonly ECDiffieHellman key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    public byte[] AuthSecret { get; } = RandomNumberGenerator.GetBytes(16);
    public byte[] PublicKey
    {
        get { var q = key.ExportParameters(false).Q; return [0x04, .. q.X!, .. q.Y!]; }
    }

    public object Subscription(string endpoint) => new { endpoint, keys = new { p256dh = B64(PublicKey), auth = B64(AuthSecret) } };

    /// <summary>Decrypts a push message body per RFC 8291 (Web Push encryption) over RFC 8188 (aes128gcm), written from the RFCs.</summary>
    public string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var rs = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var serverKey = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        Assert.Equal(65, idLength); // the keyid is the sender's ephemeral public key
        Assert.True(record.Length <= rs, "one record");

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..] },
        });
        var ecdhSecret = key.DeriveRawSecretAgreement(server.PublicKey);
        byte[] keyInfo = [.. "WebPush: info"u8, 0, .. PublicKey, .. serverKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, AuthSecret, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, [.. "Content-Encoding: aes128gcm"u8, 0]);
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, [.. "Content-Encoding: nonce"u8, 0]);
        var plain = new byte[record.Length - 16];
        using (var gcm = new AesGcm(cek, 16))
            gcm.Decrypt(nonce, record[..^16], record[^16..], plain);
        // The last record ends with the delimiter 0x02, then any zero padding.
        var end = plain.Length - 1;
        while (plain[end] == 0) end--;
        Assert.Equal(2, plain[end]);
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromB64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    public void Dispose() => key.Dispose();
}

/// <summary>Checks a VAPID authorization (RFC 8292): <c>vapid t=JWT, k=key</c>, the JWT signed ES256 by that key.</summary>
public static class Vapid
{
    public static JsonElement Verify(string? authorization, string expectedKey)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("vapid ", authorization);
        var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .ToDictionary(p => p[..p.IndexOf('=')], p => p[(p.IndexOf('=') + 1)..]);
        Assert.Equal(expectedKey, parts["k"]);
        var jwt = parts["t"].Split('.');
        Assert.Equal(3, jwt.Length);
        var header = JsonDocument.Parse(FakeBrowser.FromB64(jwt[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        var key = FakeBrowser.FromB64(parts["k"]);
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key[1..33], Y = key[33..] } });
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), FakeBrowser.FromB64(jwt[2]), HashAlgorithmName.SHA256),
            "the JWT's ES256 signature verifies with the VAPID public key");
        return JsonDocument.Parse(FakeBrowser.FromB64(jwt[1])).RootElement.Clone();
    }
}
