using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Mail;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Accounts;

public sealed record RegisterRequest(
    string? Email, string? Password, string? DisplayName, string? Kind,
    string? FamilyName = null, string? GivenName = null, string? FamilyNameKana = null, string? GivenNameKana = null,
    string? Department = null, int? JoinedYear = null, int? LeftYear = null,
    /// <summary>Purposes of use consented to (directory, companyNews, rehireContact, featured, eventPhotos); omitted = the form's defaults.</summary>
    IReadOnlyList<string>? Consents = null, string? Invitation = null);

public sealed record RegistrationDto(long Id, string Email, string Kind, string Status);

/// <summary>Sign-up, email confirmation, password reset: the account side of a membership.</summary>
public sealed partial class AccountService(
    AlumniDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, MemberService members, Privacy.PrivacyService privacy, ITenantContext tenant,
    IMailer mailer, IStringLocalizer<AccountTexts> texts, TimeProvider clock, ILogger<AccountService> log,
    Roster.InvitationService invitations, Roster.RosterMatcher roster, AppLinks links, Sso.SsoGate ssoGate)
{
    /// <param name="prior">Errors the caller already found (a form's unparseable year): reported with the rest, and nothing is written.</param>
    public async Task<Result<RegistrationDto>> RegisterAsync(RegisterRequest r, CancellationToken ct, FieldErrors? prior = null)
    {
        var errors = prior ?? new FieldErrors();
        var email = Check.Email(errors, "email", r.Email);
        var kind = Check.Enum<MemberKind>(errors, "kind", r.Kind, required: true);
        if (string.IsNullOrEmpty(r.Password)) errors.Add("password", "Validation.Required");
        else if (r.Password.Length > 128) errors.Add("password", "Validation.TooLong", 128);
        else if (await PasswordRules.CheckAsync(users, new AppUser { Email = r.Email?.Trim() }, r.Password,
                     [r.FamilyName, r.GivenName, r.FamilyNameKana, r.GivenNameKana, r.DisplayName]) is { } weak)
            errors.Add("password", weak);
        var (family, given) = (r.FamilyName, r.GivenName);
        if (string.IsNullOrWhiteSpace(family) && string.IsNullOrWhiteSpace(given) && !string.IsNullOrWhiteSpace(r.DisplayName))
            (family, given) = SplitDisplayName(r.DisplayName);
        var profile = new ProfileDraft(family, given, r.FamilyNameKana, r.GivenNameKana, r.Department, r.JoinedYear, r.LeftYear);
        var draft = members.ValidateDraft(errors, profile, kind, clock.GetUtcNow().Year);
        var consents = Privacy.PrivacyService.ParseGranted(errors, r.Consents);
        // The network may narrow the years offered on registration (tenant settings).
        if (tenant.Tenant?.RegistrationYearFrom is { } from)
            foreach (var (field, year) in new[] { ("joinedYear", r.JoinedYear), ("leftYear", r.LeftYear) })
                if (year < from) errors.Add(field, "Validation.YearOutOfRange", from, clock.GetUtcNow().Year);
        // The network's employees of these domains sign in with their company account (it makes their membership then).
        if (email is not null && await ssoGate.RequiredForAsync(email, ct)) errors.Add("email", "Sso.UseCompanySignIn");
        var invitation = string.IsNullOrEmpty(r.Invitation) ? null : await invitations.CheckAsync(r.Invitation, ct);
        if (invitation is { IsValid: false }) errors.Add("invitation", "Validation.InvitationInvalid");
        if (errors.Any) return errors;
        // What a new address would be told: a known one is answered the same (see AlreadyRegisteredAsync).
        var invited = invitation is not null && kind == MemberKind.Alumni && string.Equals(invitation.Email, email, StringComparison.OrdinalIgnoreCase);
        var received = new RegistrationDto(0, email!, kind!.Value.ToString(), (invited ? MemberStatus.Approved : MemberStatus.Pending).ToString());

        var existing = await users.FindByEmailAsync(email!);
        if (existing is not null)
        {
            // Same login, new network: only its owner (who knows the password) may add a membership.
            if (await db.Members.AnyAsync(m => m.UserId == existing.Id, ct))
            {
                LoginTiming.SpendAsMuchAsAPasswordCheck(users);
                return await AlreadyRegisteredAsync(existing, received, ct);
            }
            if (!(await signIn.CheckPasswordSignInAsync(existing, r.Password!, lockoutOnFailure: true)).Succeeded)
                return await AlreadyRegisteredAsync(existing, received, ct);
        }

        var (answer, user, member) = await db.InTransactionAsync<(Result<RegistrationDto>?, AppUser?, Member?)>(async tx =>
        {
            // The login read before is read again: on a retry it is no longer tracked (the first try gets that one back).
            var user = existing is not null ? (await users.FindByIdAsync(existing.Id))!
                : new AppUser { UserName = email, Email = email, PreferredCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName };
            if (existing is null)
            {
                IdentityResult created;
                try { created = await users.CreateAsync(user, r.Password!); }
                catch (DbUpdateException e) when (!DbErrors.IsTransient(e))
                {
                    // Another registration for this address committed first (the unique email index decided): the
                    // owner's own, made in the same instant, so nobody else is mailed about it.
                    return (received, null, null);
                }
                if (!created.Succeeded)
                    return (created.Errors.Any(e => e.Code.Contains("Duplicate")) ? received : FieldErrors.Of("password", PasswordRules.KeyOf(created)), null, null);
            }
            // An invitation is the secretariat's approval in advance, for the invited address and a former employee
            // (the roster lists people who left). A forwarded link, another address or "employee" waits in the queue.
            var member = members.NewMember(user.Id, kind!.Value, invited ? MemberStatus.Approved : MemberStatus.Pending, draft!);
            if (invited) { member.DecidedAt = clock.GetUtcNow(); member.DecisionReason = "invitation"; }
            db.Members.Add(member);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!DbErrors.IsTransient(e))
            {
                // Two registrations for one email in the same instant: the unique index decides.
                return (received, null, null);
            }
            await privacy.RecordRegistrationAsync(member, consents, ct);
            await db.SaveChangesAsync(ct);
            if (invitation is not null)
            {
                // Used, revoked or expired since the check: no account.
                if (!await invitations.ConsumeAsync(r.Invitation!, member.Id, ct))
                    return (FieldErrors.Of("invitation", "Validation.InvitationInvalid"), null, null);
                if (string.Equals(invitation.Email, email, StringComparison.OrdinalIgnoreCase) && !user.EmailConfirmed)
                {
                    user.EmailConfirmed = true;
                    await users.UpdateAsync(user);
                }
            }
            await tx.CommitAsync(ct);
            return (null, user, member);
        }, ct);
        if (answer is { } early) return early;

        if (user!.EmailConfirmed)
            await ApproveAutomaticallyAsync(user, ct);
        else
            await SendConfirmationAsync(user, ct);
        return new RegistrationDto(member!.Id, email!, member.Kind.ToString(), member.Status.ToString());
    }

    /// <summary>
    /// A registration for an address that has an account here (or elsewhere, without its password) is answered
    /// exactly as a new one, so that registering cannot be used to find out who is a member; the address's
    /// owner learns of it by mail, in their language, with the way in if it was them.
    /// </summary>
    async Task<Result<RegistrationDto>> AlreadyRegisteredAsync(AppUser owner, RegistrationDto received, CancellationToken ct)
    {
        await SendAsync(owner, "Mail.AlreadyRegisteredSubject", "Mail.AlreadyRegisteredBody", ct, tenant.Tenant!.LocalName, links.To("/accounts/login"), links.To("/accounts/forgotpassword"));
        return received;
    }

    /// <summary>Whether this login has a membership (of any status) in the request's network: the gate of both sign-in paths.</summary>
    /// <remarks>A suspended membership cannot sign in: it looks like any failed sign-in.</remarks>
    public Task<bool> HasMembershipHereAsync(string userId, CancellationToken ct) =>
        db.Members.AnyAsync(m => m.UserId == userId && m.Status != MemberStatus.Suspended, ct);

    static (string?, string?) SplitDisplayName(string name)
    {
        var parts = name.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return (parts.FirstOrDefault(), parts.FirstOrDefault());
        // Japanese names come family-first; Western ones given-first.
        var cjk = name.Any(c => c >= '\u3040');
        return cjk ? (parts[0], parts[1]) : (parts[1], parts[0]);
    }

    public async Task SendConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = links.To($"/accounts/confirmemail?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await SendAsync(user, "Mail.ConfirmSubject", "Mail.ConfirmBody", ct, tenant.Tenant!.LocalName, link);
    }

    public async Task ResendConfirmationAsync(string? email, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.EmailConfirmed || !await db.Members.AnyAsync(m => m.UserId == user.Id, ct)) return;
        await SendConfirmationAsync(user, ct);
    }

    /// <summary>Confirms the email; an employee of one of the tenant's email domains is then approved.</summary>
    public async Task<bool> ConfirmEmailAsync(string? userId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return false;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return false;
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return false; }
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded) return false;
        await ApproveAutomaticallyAsync(user, ct);
        return true;
    }

    /// <summary>
    /// Once the address is proven: an employee of the company's email domains, or someone on the roster
    /// (by email, or by name, department and years where the network chose so), is approved without waiting.
    /// </summary>
    async Task ApproveAutomaticallyAsync(AppUser user, CancellationToken ct)
    {
        var domain = user.Email![(user.Email!.LastIndexOf('@') + 1)..].ToLowerInvariant();
        if (tenant.Tenant!.EmployeeDomains.Contains(domain)
            && await Approve(db.Members.Where(m => m.UserId == user.Id && m.Kind == MemberKind.Employee), "employee email domain") > 0) return;

        // The roster lists former employees: it approves alumni, never someone registering as an employee.
        var m = await db.Members.AsNoTracking().Where(x => x.UserId == user.Id && x.Status == MemberStatus.Pending && x.Kind == MemberKind.Alumni)
            .Select(x => new { x.Id, x.FamilyName, x.GivenName, Career = x.Career.OrderBy(c => c.Id).Select(c => new { c.Department, c.FromYear, c.ToYear }).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (m is null) return;
        var match = await roster.FindAsync(new Roster.Applicant(user.Email, m.FamilyName, m.GivenName, m.Career?.Department, m.Career?.FromYear, m.Career?.ToYear), ct);
        if (match is not { Approves: true }) return;
        // Claim the roster row first: a row already linked to a member approves nobody else (no second 山田花子).
        if (await db.Set<Roster.RosterEntry>().Where(r => r.Id == match.RosterId && r.MemberId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.MemberId, m.Id), ct) == 1)
            await Approve(db.Members.Where(x => x.Id == m.Id), "roster");

        Task<int> Approve(IQueryable<Member> which, string reason) =>
            which.Where(x => x.Status == MemberStatus.Pending).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, MemberStatus.Approved)
                .SetProperty(x => x.DecidedAt, clock.GetUtcNow()).SetProperty(x => x.DecisionReason, reason), ct);
    }

    /// <summary>Always looks the same to the caller, so it cannot be used to find out who has an account.</summary>
    public async Task ForgotPasswordAsync(string? email, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !await db.Members.AnyAsync(m => m.UserId == user.Id, ct)) return;
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = links.To($"/accounts/resetpassword?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await SendAsync(user, "Mail.ResetSubject", "Mail.ResetBody", ct, tenant.Tenant!.LocalName, link);
    }

    public async Task<Result<bool>> ResetPasswordAsync(string? userId, string? code, string? password, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(password)) errors.Add("password", "Validation.Required");
        else if (password.Length > 128) errors.Add("password", "Validation.TooLong", 128);
        if (errors.Any) return errors;
        var user = string.IsNullOrWhiteSpace(userId) ? null : await users.FindByIdAsync(userId);
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code ?? "")); }
        catch (FormatException) { return FieldErrors.Of("code", "Validation.LinkInvalid"); }
        if (user is null) return FieldErrors.Of("code", "Validation.LinkInvalid");
        var result = await users.ResetPasswordAsync(user, token, password!);
        if (result.Succeeded)
        {
            // A reset also ends a lockout: the owner has just proven control of the mailbox.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            // Whoever can read the mailbox owns the address: a reset confirms it (and frees it from a squatter's unconfirmed registration).
            if (!user.EmailConfirmed) { user.EmailConfirmed = true; await users.UpdateAsync(user); }
            return true;
        }
        return result.Errors.Any(e => e.Code == "InvalidToken")
            ? FieldErrors.Of("code", "Validation.LinkInvalid")
            : FieldErrors.Of("password", PasswordRules.KeyOf(result));
    }

    public async Task SendAsync(AppUser user, string subjectKey, string bodyKey, CancellationToken ct, params object[] args)
    {
        string subject, body;
        using (Cultures.Use(user.PreferredCulture))
        {
            subject = texts[subjectKey, args];
            body = texts[bodyKey, args];
        }
        try
        {
            await mailer.SendAsync(user.Email!, subject, body, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The account is saved either way; the user can ask for the mail again.
            // The exception's message may hold the address: only its type is logged.
            log.LogError("Sending {Mail} failed: {Error}", subjectKey, e.GetType().Name);
        }
    }
}
