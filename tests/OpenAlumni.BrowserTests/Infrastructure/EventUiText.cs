namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>
/// The events pages' strings the journeys look for, per language, copied from tools/texts.py (as
/// <see cref="UiText"/> is), so that a page in the wrong language fails.
/// </summary>
public sealed record EventUiText(
    string NavEvents, string IndexTitle, string NewEvent, string NewTitle, string Save, string FixErrors, string EndBeforeStart,
    string SavedFlash, string KindPitch, string FormatHybrid, string SignUp, string ModeInPersonChoice, string Confirmed,
    string Waitlisted, string SignedUpConfirmed, string SignedUpWaitlistedFormat, string CancelRsvp, string RsvpCancelled,
    string PromotedSubjectFormat, string MyTicket, string TicketTitle, string TicketNotCheckedIn, string TicketCheckedInPrefix,
    string CheckInPage, string CheckInTitle, string CheckIn, string CheckedInOkFormat, string ModeInPerson, string TicketUsed,
    string AttendeeList, string AttendeesTitle,
    string ApplyPitchTitle, string ApplyPitch, string Required, string SeekingPartners, string SeekingCustomers, string PitchApplied,
    string PitchPending, string Accept, string PitchAcceptedFlashFormat, string WantToTalk, string WantToTalkSent, string InterestSent,
    string FeedbackTitle, string SendFeedback, string FeedbackThanks, string FeedbackAverageFormat, string StartCamera, string StopCamera)
{
    public static EventUiText For(string culture) => culture switch
    {
        "ja" => Japanese,
        "en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(culture), culture, null),
    };

    public static readonly EventUiText Japanese = new(
        NavEvents: "イベント", IndexTitle: "イベント", NewEvent: "イベントを作成", NewTitle: "イベントを作成", Save: "保存する",
        FixErrors: "入力内容に誤りがあります。以下の項目をご確認ください（まだ保存されていません）。",
        EndBeforeStart: "終了日時は開始日時より後にしてください。", SavedFlash: "イベントを保存しました。",
        KindPitch: "ピッチ", FormatHybrid: "ハイブリッド", SignUp: "参加を申し込む", ModeInPersonChoice: "会場で参加",
        Confirmed: "参加確定", Waitlisted: "キャンセル待ち",
        SignedUpConfirmed: "参加を申し込みました。当日お会いできるのを楽しみにしております。",
        SignedUpWaitlistedFormat: "満席のため、キャンセル待ち {0} 番目で登録しました。空きが出た際にメールでお知らせします。",
        CancelRsvp: "参加をキャンセル", RsvpCancelled: "参加をキャンセルしました。", PromotedSubjectFormat: "【参加確定】{0}",
        MyTicket: "受付用QRコードを表示", TicketTitle: "受付チケット", TicketNotCheckedIn: "未受付", TicketCheckedInPrefix: "✓",
        CheckInPage: "当日受付", CheckInTitle: "当日受付", CheckIn: "受付", CheckedInOkFormat: "受付完了：{0} さん（{1}）",
        ModeInPerson: "会場参加", TicketUsed: "このチケットは既に受付済みです。", AttendeeList: "参加者一覧", AttendeesTitle: "参加者一覧",
        ApplyPitchTitle: "ピッチに応募する", ApplyPitch: "応募する", Required: "この項目は必須です。",
        SeekingPartners: "協業パートナー", SeekingCustomers: "顧客", PitchApplied: "ご応募ありがとうございます。事務局よりご連絡いたします。",
        PitchPending: "審査中", Accept: "採択する", PitchAcceptedFlashFormat: "「{0}」を採択し、応募者への通知を手配しました。",
        WantToTalk: "この人と話したい", WantToTalkSent: "「話したい」を送信済み ✓", InterestSent: "登壇者に「話したい」をお伝えしました。",
        FeedbackTitle: "アンケート", SendFeedback: "送信する", FeedbackThanks: "ご回答ありがとうございました。",
        FeedbackAverageFormat: "平均 {0} / 5（回答 {1} 件）", StartCamera: "カメラを起動", StopCamera: "カメラを停止");

    public static readonly EventUiText English = new(
        NavEvents: "Events", IndexTitle: "Events", NewEvent: "New event", NewTitle: "New event", Save: "Save",
        FixErrors: "Please correct the fields marked below. Nothing has been saved.",
        EndBeforeStart: "The end must be after the start.", SavedFlash: "The event has been saved.",
        KindPitch: "Pitch event", FormatHybrid: "Hybrid", SignUp: "Sign up", ModeInPersonChoice: "In person at the venue",
        Confirmed: "Confirmed", Waitlisted: "Waitlisted",
        SignedUpConfirmed: "You are signed up. We look forward to seeing you.",
        SignedUpWaitlistedFormat: "The event is full: you are number {0} on the waitlist. We will email you if a seat opens up.",
        CancelRsvp: "Cancel my sign-up", RsvpCancelled: "Your sign-up has been cancelled.", PromotedSubjectFormat: "You have a seat: {0}",
        MyTicket: "Show my ticket (QR code)", TicketTitle: "Ticket", TicketNotCheckedIn: "Not checked in yet", TicketCheckedInPrefix: "✓",
        CheckInPage: "Check-in at the door", CheckInTitle: "Check-in", CheckIn: "Check in", CheckedInOkFormat: "Checked in: {0} ({1})",
        ModeInPerson: "in person", TicketUsed: "This ticket has already been checked in.", AttendeeList: "Attendee list", AttendeesTitle: "Attendees",
        ApplyPitchTitle: "Apply to pitch", ApplyPitch: "Apply", Required: "This field is required.",
        SeekingPartners: "Partners", SeekingCustomers: "Customers", PitchApplied: "Thank you for applying. The secretariat will be in touch.",
        PitchPending: "Under review", Accept: "Accept", PitchAcceptedFlashFormat: "Accepted: \"{0}\". The pitcher is being emailed.",
        WantToTalk: "I want to talk to this pitcher", WantToTalkSent: "You want to talk ✓", InterestSent: "The pitcher will see that you want to talk.",
        FeedbackTitle: "Feedback", SendFeedback: "Send", FeedbackThanks: "Thank you for your feedback.",
        FeedbackAverageFormat: "Average {0} / 5 from {1} answers", StartCamera: "Start the camera", StopCamera: "Stop the camera");

    public string SignedUpWaitlisted(int position) => string.Format(SignedUpWaitlistedFormat, position);
    public string PromotedSubject(string title) => string.Format(PromotedSubjectFormat, title);
    public string PitchAcceptedFlash(string title) => string.Format(PitchAcceptedFlashFormat, title);
    public string FeedbackAverage(string average, int count) => string.Format(FeedbackAverageFormat, average, count);
    public string CheckedInOk(string name, string mode) => string.Format(CheckedInOkFormat, name, mode);
}
