using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>A company's network. Not itself tenant-owned: it is what the rest is owned by.</summary>
public class Tenant
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>The network's name in English, shown in the English UI and English mail; null = <see cref="Name"/>.</summary>
    public string? NameEn { get; set; }
    public string TimeZone { get; set; } = "Asia/Tokyo";
    public string DefaultCulture { get; set; } = "ja";
    /// <summary>Comma-separated email domains whose owners are employees (approved once confirmed).</summary>
    public string EmployeeDomains { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Whether /community and its widget answer (public, for the company's intranet); admins switch it.</summary>
    public bool CommunityPageEnabled { get; set; }
    /// <summary>How often a member is asked to confirm their profile is current (profile freshness), in days.</summary>
    public int ProfileConfirmDays { get; set; } = 365;
    public List<TenantHost> Hosts { get; set; } = [];

    /// <summary>The network's logo (FileStore path, re-encoded JPEG), shown in the top bar.</summary>
    public string? LogoPath { get; set; }
    /// <summary>Departments offered as a list on registration, one per line; empty = free text.</summary>
    public string RegistrationDepartments { get; set; } = "";
    /// <summary>The range of years offered for joining and leaving on registration (null = 1900 / this year).</summary>
    public int? RegistrationYearFrom { get; set; }
    /// <summary>How a registration is matched to the roster for automatic approval.</summary>
    public RosterMatchRule RosterMatch { get; set; } = RosterMatchRule.Email;
    /// <summary>Comma-separated <see cref="TenantFeature"/> names switched off; a new feature starts on.</summary>
    public string DisabledFeatures { get; set; } = "";
    /// <summary>Leavers reported by the HR system (SCIM) get their personal invitation on their last day; off until an admin turns it on.</summary>
    public bool InviteLeaversOnLastDay { get; set; }
    /// <summary>
    /// At most this many network mails (newsletters and announcements) reach one member in a calendar week (ISO week in the
    /// network's time zone); 0: no cap. Mail a member asked for (replies, reminders, messages) is not counted.
    /// </summary>
    public int MailsPerWeek { get; set; } = 3;

    public IReadOnlyList<string> EmployeeDomainList =>
        EmployeeDomains.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Rooms and features a network may switch off (tenant settings).</summary>
public enum TenantFeature { Announcements, Updates, Notices, Events, Jobs, Consultations, Messages, Projects, Suggestions }

/// <summary>
/// How a registration is recognised as a roster row: by email only, or also by the same name, department
/// and years (people often register with a private address).
/// </summary>
public enum RosterMatchRule { Email, EmailOrNameAndCareer }

/// <summary>A host name that resolves to a tenant; unique across the deployment.</summary>
public class TenantHost
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Host { get; set; }
}

/// <summary>Marks an entity that belongs to one tenant; <see cref="Data.AlumniDb"/> filters it.</summary>
public interface ITenantOwned
{
    long TenantId { get; set; }
}

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.Property(t => t.Slug).HasMaxLength(40);
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.TimeZone).HasMaxLength(64);
        b.Property(t => t.DefaultCulture).HasMaxLength(8);
        b.Property(t => t.EmployeeDomains).HasMaxLength(1000);
        b.Property(t => t.ProfileConfirmDays).HasDefaultValue(365);
        b.Property(t => t.LogoPath).HasMaxLength(200);
        b.Property(t => t.RegistrationDepartments).HasMaxLength(4000);
        // Existing networks match by email, as new ones do.
        b.Property(t => t.RosterMatch).HasConversion<string>().HasMaxLength(32).HasDefaultValue(RosterMatchRule.Email);
        b.Property(t => t.DisabledFeatures).HasMaxLength(400);
        b.HasMany(t => t.Hosts).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TenantHostConfiguration : IEntityTypeConfiguration<TenantHost>
{
    public void Configure(EntityTypeBuilder<TenantHost> b)
    {
        b.Property(h => h.Host).HasMaxLength(253);
        b.HasIndex(h => h.Host).IsUnique();
    }
}
