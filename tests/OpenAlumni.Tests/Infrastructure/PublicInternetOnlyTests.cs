using System.Net;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Which addresses a push endpoint (or, later, a webhook) may make the server dial.</summary>
public sealed class PublicInternetOnlyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // the cloud metadata service
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("2002:c0a8:0101::1")] // 6to4 of 192.168.1.1
    [InlineData("2001:db8::1")]
    public void InsideOrReservedAddresses_AreRefused(string address) =>
        Assert.False(PublicInternetOnly.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("142.250.196.110")]
    [InlineData("::ffff:8.8.4.4")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2404:6800:4004:80a::200e")]
    public void PublicAddresses_AreDialled(string address) =>
        Assert.True(PublicInternetOnly.IsPublic(IPAddress.Parse(address)));
}
