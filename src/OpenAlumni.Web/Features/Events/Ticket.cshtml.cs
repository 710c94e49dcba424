using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Infrastructure.Auth;
using QRCoder;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// My ticket: the QR code the door staff scan, and below it my business card's QR code, which other attendees scan to
/// exchange cards (not the ticket's code). Only while my place is confirmed (else 404).
/// </summary>
public sealed class TicketModel(RsvpService rsvps, CardService cards, CurrentMember current) : PageModel
{
    public EventDto Event { get; private set; } = null!;
    public string MemberName { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public DateTimeOffset? CheckedInAt { get; private set; }
    public MyCardDto Card { get; private set; } = null!;
    public string CardQrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await rsvps.TicketAsync(id, ct);
        if (!result.IsOk) return NotFound();
        (Event, var payload, CheckedInAt) = result.Value;
        MemberName = (await current.RequireAsync(ct)).DisplayName;
        QrSvg = Qr(payload);
        var card = await cards.MyCardAsync(id, ct);
        if (!card.IsOk) return NotFound();
        Card = card.Value!;
        CardQrSvg = Qr(Card.Code);
        // The ticket is a credential: not kept by shared caches or the back/forward cache after sign-out.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>
    /// The code as an SVG drawn by QRCoder. Error correction M: a phone screen's glare or a crack still scans; the quiet
    /// zone is part of the code.
    /// </summary>
    static string Qr(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
