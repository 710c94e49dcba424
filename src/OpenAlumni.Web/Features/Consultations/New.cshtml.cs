using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Consultations;

/// <summary>A consultation request to a member open to consultation, from their profile. Same service as POST /api/v1/consultations.</summary>
public sealed class NewModel(ConsultationService consultations, MemberService members, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<ConsultationTexts> C) : PageModel
{
    public static readonly string[] Formats = ["onlineCall", "coffee", "message"];
    public MemberDto To { get; private set; } = null!;
    [BindProperty] public FormInput Input { get; set; } = new();
    public string? Error { get; private set; }
    /// <summary>My request to this member still waiting: shown instead of the form, which would only be refused.</summary>
    public WaitingRequestDto? Waiting { get; private set; }

    public sealed class FormInput
    {
        public string? Topic { get; set; }
        public string? Goal { get; set; }
        public string? Format { get; set; } = "onlineCall";
        public string? PreferredTimes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Waiting = await consultations.WaitingRequestToAsync(memberId, ct);
        return Page();
    }

    async Task<bool> LoadAsync(long memberId, CancellationToken ct)
    {
        var result = await members.GetAsync(memberId, ct);
        if (!result.IsOk || result.Value!.IsMe) return false;
        To = result.Value;
        return true;
    }

    public async Task<IActionResult> OnPostAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var result = await consultations.CreateAsync(new ConsultationInput(memberId, Input.Topic, Input.Goal, Input.Format, Input.PreferredTimes), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = C["RequestSent", To.DisplayName].Value;
            return Redirect("/consultations?box=sent");
        }
        if (result.Status is ResultStatus.Forbidden or ResultStatus.NotFound) Error = C["NotAvailable"];
        else
        {
            ModelState.AddErrors(result.Errors!, texts);
            Error = result.Errors!.Items.Where(e => e.Field == "memberId").Select(e => texts[e.Key, e.Args].Value).FirstOrDefault();
        }
        return Page();
    }
}
