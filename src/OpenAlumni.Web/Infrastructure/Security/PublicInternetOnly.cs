using System.Net;
using System.Net.Sockets;

namespace OpenAlumni.Web.Infrastructure.Security;

/// <summary>
/// Outbound calls to an address a member (or an admin) typed: a push endpoint today, webhooks later. A host name
/// that looks public can resolve to 127.0.0.1, 10.x or the cloud's metadata address (169.254.169.254), which
/// would let a member make the server call into its own network. The check runs at connect time, on the address
/// actually dialled, so a name that resolves differently at sign-up and at sending (DNS rebinding) is caught too.
/// </summary>
public static class PublicInternetOnly
{
    /// <summary>
    /// The handler for a client that calls such addresses: it follows no redirect (an answer must not send the server
    /// elsewhere) and dials only public addresses unless <paramref name="allowPrivateAddresses"/> (tests, an intranet deployment).
    /// </summary>
    public static SocketsHttpHandler Handler(bool allowPrivateAddresses)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (!allowPrivateAddresses) handler.ConnectCallback = ConnectAsync;
        return handler;
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that dials only public unicast addresses.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0) throw new AddressRefusedException(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True when <paramref name="e"/> (or what it wraps: the handler wraps the callback's error) is this refusal.</summary>
    public static bool WasRefused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is AddressRefusedException) return true;
        return false;
    }

    /// <summary>
    /// False for loopback, private (RFC 1918, IPv6 ULA), link-local, carrier-grade NAT, multicast, unspecified and
    /// documentation ranges, in both families (an IPv4-mapped IPv6 address is judged as its IPv4 address).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] >= 224                      // this network, private, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)                      // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                                   // link-local, the cloud metadata service
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)                   // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && b[1] is 18 or 19)                              // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || address.IsIPv6UniqueLocal || address.IsIPv6Teredo) return false;
        var v6 = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address inside; judge that one.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b) return IsPublic(new IPAddress(v6[12..]));
        if (v6[0] == 0x20 && v6[1] == 0x02) return IsPublic(new IPAddress(v6[2..6]));
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8) return false; // documentation
        return (v6[0] & 0xe0) == 0x20; // global unicast is 2000::/3
    }
}

/// <summary>The host resolved only to addresses inside a private network: no connection was made.</summary>
public sealed class AddressRefusedException(string host)
    : IOException($"{host} does not resolve to a public internet address; not connecting.");
