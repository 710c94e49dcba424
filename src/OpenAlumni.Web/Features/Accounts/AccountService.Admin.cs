using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Accounts;

public sealed partial class AccountService
{
    /// <summary>
    /// Operator command: an approved admin of the current tenant, email confirmed. An existing login
    /// (same email) is reused and made admin here, since one person may run several networks.
    /// </summary>
    public async Task<Result<RegistrationDto>> CreateAdminAsync(string? email, string? password, string? familyName, string? givenName, CancellationToken ct)
    {
        var errors = new FieldErrors();
        email = Check.Email(errors, "email", email);
        var draft = members.ValidateDraft(errors, new ProfileDraft(familyName, givenName, null, null, null, null, null), MemberKind.Employee, clock.GetUtcNow().Year);
        var existing = email is null ? null : await users.FindByEmailAsync(email);
        if (existing is null && !string.IsNullOrEmpty(password)
            && await PasswordRules.CheckAsync(users, new AppUser { Email = email }, password, [familyName, givenName]) is { } weak)
            errors.Add("password", weak);
        if (existing is null && string.IsNullOrEmpty(password)) errors.Add("password", "Validation.Required");
        if (errors.Any) return errors;

        var admin = await db.InTransactionAsync<Result<Member>>(async tx =>
        {
            var user = existing;
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = "ja" };
                var created = await users.CreateAsync(user, password!);
                if (!created.Succeeded) return FieldErrors.Of("password", PasswordRules.KeyOf(created));
            }
            // Loaded here, so that a retry changes the row as it is then (the first try gets a tracked one back).
            var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
            if (member is null)
            {
                member = members.NewMember(user.Id, MemberKind.Employee, MemberStatus.Approved, draft!, MemberRole.Admin);
                db.Members.Add(member);
            }
            member.Role = MemberRole.Admin;
            member.Status = MemberStatus.Approved;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return member;
        }, ct);
        if (!admin.IsOk) return admin.Errors!;
        return new RegistrationDto(admin.Value!.Id, email!, admin.Value.Kind.ToString(), admin.Value.Status.ToString());
    }
}
