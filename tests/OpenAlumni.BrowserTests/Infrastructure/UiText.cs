namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>
/// The UI strings the journeys look for, in each language, copied from tools/texts.py. They are written
/// out here rather than read from the app's resources so that a page in the wrong language (or a missing
/// translation) fails the test instead of being compared with itself.
/// </summary>
public sealed record UiText(
    string Culture,
    string RegisterTitle, string RegisterButton, string RegisterDoneTitle, string ConfirmMailSubject,
    string ConfirmTitle, string ConfirmButton, string ConfirmDone, string LoginTitle, string LoginButton, string StatusPending,
    string WelcomeFormat, string PendingNoticeFormat, string ApprovalsTitle, string Approve, string DecidedApprovedFormat,
    string ApprovedMailSubject, string EditProfileMenu, string EditTitle, string VisibilityEmployees, string VisibilityAdmins,
    string Save, string ProfileSaved, string NavDirectory, string DirectoryTitle, string SearchButton, string ResultCountFormat,
    string NoResults, string LocationLabel)
{
    public static UiText For(string culture) => culture switch
    {
        "ja" => Japanese,
        "en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(culture), culture, null),
    };

    public static readonly UiText Japanese = new(
        Culture: "ja",
        RegisterTitle: "新規登録", RegisterButton: "登録する", RegisterDoneTitle: "メールをご確認ください",
        ConfirmMailSubject: "メールアドレスの確認をお願いします",
        ConfirmTitle: "メールアドレスの確認", ConfirmButton: "メールアドレスを確認する", ConfirmDone: "メールアドレスを確認しました。ありがとうございます。",
        LoginTitle: "ログイン", LoginButton: "ログイン",
        StatusPending: "ご登録は事務局の承認待ちです。承認されるとメールでお知らせします。",
        WelcomeFormat: "ようこそ、{0} さん", PendingNoticeFormat: "承認待ちの登録が {0} 件あります",
        ApprovalsTitle: "登録承認", Approve: "承認", DecidedApprovedFormat: "{0} さんを承認し、通知しました。",
        ApprovedMailSubject: "ご登録が承認されました",
        EditProfileMenu: "プロフィール編集", EditTitle: "プロフィール編集",
        VisibilityEmployees: "社員のみ", VisibilityAdmins: "事務局のみ",
        Save: "保存する", ProfileSaved: "プロフィールを保存しました。",
        NavDirectory: "メンバー名簿", DirectoryTitle: "メンバー名簿", SearchButton: "検索", ResultCountFormat: "{0} 名",
        NoResults: "条件に合うメンバーはいません。", LocationLabel: "所在地");

    public static readonly UiText English = new(
        Culture: "en",
        RegisterTitle: "Join the network", RegisterButton: "Register", RegisterDoneTitle: "Check your email",
        ConfirmMailSubject: "Please confirm your email address",
        ConfirmTitle: "Email confirmation", ConfirmButton: "Confirm my email address", ConfirmDone: "Thank you, your email address is confirmed.",
        LoginTitle: "Sign in", LoginButton: "Sign in",
        StatusPending: "Your registration is waiting for the secretariat's approval. We will email you when it is decided.",
        WelcomeFormat: "Welcome, {0}", PendingNoticeFormat: "{0} registration(s) are waiting for approval",
        ApprovalsTitle: "Registration approvals", Approve: "Approve", DecidedApprovedFormat: "{0} has been approved and notified.",
        ApprovedMailSubject: "your registration is approved",
        EditProfileMenu: "Edit profile", EditTitle: "Edit my profile",
        VisibilityEmployees: "Employees only", VisibilityAdmins: "Secretariat only",
        Save: "Save", ProfileSaved: "Your profile has been saved.",
        NavDirectory: "Directory", DirectoryTitle: "Member directory", SearchButton: "Search", ResultCountFormat: "Members found: {0}",
        NoResults: "No members match this search.", LocationLabel: "Location");

    public string Welcome(string name) => string.Format(WelcomeFormat, name);
    public string PendingNotice(int count) => string.Format(PendingNoticeFormat, count);
    public string DecidedApproved(string name) => string.Format(DecidedApprovedFormat, name);
    public string ResultCount(int count) => string.Format(ResultCountFormat, count);
}
