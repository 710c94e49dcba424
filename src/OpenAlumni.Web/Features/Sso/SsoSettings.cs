using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Sso;

/// <summary>
/// A network's single sign-on for employees: the company's OpenID Connect provider (its authority, this network's client id
/// and secret there) and the email domains it vouches for. At most one per network. The client secret is stored encrypted
/// with Data Protection (<see cref="ProtectedClientSecret"/>) and never returned, logged or audited.
/// </summary>
public class SsoSettings : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>The provider's issuer URL (its discovery document is at <c>/.well-known/openid-configuration</c> below it).</summary>
    public required string Authority { get; set; }
    public required string ClientId { get; set; }
    /// <summary>The client secret, encrypted (<see cref="SsoSecrets"/>); null for a public client (PKCE only).</summary>
    public string? ProtectedClientSecret { get; set; }
    /// <summary>Comma-separated, lower case: the email domains whose owners the provider vouches for as employees.</summary>
    public required string Domains { get; set; }
    /// <summary>Password sign-in is refused for these domains (except the network's admins: see <see cref="SsoService"/>).</summary>
    public bool Required { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When an employee last signed in through it: tells the secretariat it works.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    public IReadOnlyList<string> DomainList => Domains.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class SsoLimits
{
    public const int Authority = 500, ClientId = 200, ClientSecret = 500, Domains = 20, Domain = 253;
}

public sealed class SsoOptions
{
    /// <summary>
    /// Accept an http:// authority (tests run their provider on http://127.0.0.1). Off by default: the provider's discovery
    /// document, keys and tokens must come over TLS.
    /// </summary>
    public bool AllowHttp { get; set; }
    /// <summary>Let the server reach a provider on loopback and private addresses (tests); off by default, like chat channels.</summary>
    public bool AllowPrivateAddresses { get; set; }
}

/// <summary>Encrypts a network's client secret at rest with the app's Data Protection keys (shared by every node).</summary>
public sealed class SsoSecrets(IDataProtectionProvider protection)
{
    IDataProtector Protector => protection.CreateProtector("OpenAlumni.Sso.ClientSecret.v1");

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string stored) => Protector.Unprotect(stored);
}

internal sealed class SsoSettingsConfiguration : IEntityTypeConfiguration<SsoSettings>
{
    public void Configure(EntityTypeBuilder<SsoSettings> b)
    {
        b.ToTable("SsoSettings");
        b.Property(s => s.Authority).HasMaxLength(SsoLimits.Authority);
        b.Property(s => s.ClientId).HasMaxLength(SsoLimits.ClientId);
        b.Property(s => s.ProtectedClientSecret).HasMaxLength(4000);
        b.Property(s => s.Domains).HasMaxLength(SsoLimits.Domains * (SsoLimits.Domain + 1));
        // One per network.
        b.HasIndex(s => s.TenantId).IsUnique();
    }
}
