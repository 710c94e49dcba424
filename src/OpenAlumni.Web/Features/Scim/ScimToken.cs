using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Scim;

/// <summary>
/// A bearer token the network's admin gave the HR system (Entra ID, Okta, ...) for <c>/scim/v2</c>. Only its SHA-256 is
/// stored: the token is shown once, when it is made, and a copy of the database cannot be used to call SCIM.
/// </summary>
public class ScimToken : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>What the admin called it ("Entra ID production"), so that they know which one to revoke.</summary>
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The token's last four characters, shown in the list.</summary>
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When a SCIM request last came with it (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public static class ScimLimits
{
    public const int Name = 100, TokensPerNetwork = 20, PageSize = 100, MaxPageSize = 200, BodyBytes = 64 * 1024;
    /// <summary>The token's prefix, so that a secret scanner (and a person) recognises one.</summary>
    public const string Prefix = "oa_scim_";
}

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(ScimLimits.Name);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Hint).HasMaxLength(8);
        // A SCIM request is resolved by its hash (inside its host's tenant).
        b.HasIndex(t => new { t.TenantId, t.TokenHash }).IsUnique();
    }
}
