namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>
/// The community pages' strings the journeys look for, in each language, copied from tools/texts.py
/// (PostTexts, NotificationTexts and the layout's). Written out, as in <see cref="UiText"/>, so that a page
/// in the wrong language fails.
/// </summary>
public sealed record PostUiText(
    string NavCommunity, string NavModeration, string FeedTitle, string NewPost, string NewTitle, string Publish, string SaveDraft,
    string PublishedFlash, string DraftSavedFlash, string DraftNotice, string SaveChanges, string SavedFlash, string Edited, string Edit,
    string RoomNotices, string CategoryJob, string Pinned, string Comment, string CommentPosted, string InterestAdd, string InterestedListFormat,
    string NotificationsTitle, string BellUnreadFormat, string ReplyFormat, string ReactionFormat, string ReportDecisionFormat,
    string Report, string ReportSend, string Reported, string ModerationTitle, string Hide, string StatusHidden, string DecidedHidden,
    string CommentHiddenMark, string AudienceCheck, string AudienceCountFormat, string SettingsMenu, string SettingsTitle, string Save,
    string SettingsSaved, string Required)
{
    public static PostUiText For(string culture) => culture switch
    {
        "ja" => Japanese,
        "en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(culture), culture, null),
    };

    public static readonly PostUiText Japanese = new(
        NavCommunity: "コミュニティ", NavModeration: "通報対応", FeedTitle: "コミュニティ", NewPost: "新規投稿", NewTitle: "新規投稿",
        Publish: "公開する", SaveDraft: "下書き保存", PublishedFlash: "投稿を公開しました。", DraftSavedFlash: "下書きを保存しました。あなたにだけ表示されます。",
        DraftNotice: "下書きです。あなたにだけ表示されています。", SaveChanges: "変更を保存", SavedFlash: "変更を保存しました。", Edited: "編集済み", Edit: "編集する",
        RoomNotices: "告知・相談", CategoryJob: "求人", Pinned: "固定", Comment: "コメントする", CommentPosted: "コメントを投稿しました。",
        InterestAdd: "興味あり", InterestedListFormat: "興味ありのメンバー（{0} 名）",
        NotificationsTitle: "通知", BellUnreadFormat: "通知（未読 {0} 件）",
        ReplyFormat: "{0} さんが「{1}」にコメントしました", ReactionFormat: "{0} さんが「{1}」にリアクションしました",
        ReportDecisionFormat: "「{1}」への通報を事務局が確認しました",
        Report: "通報", ReportSend: "通報する", Reported: "通報を受け付けました。事務局が確認します。",
        ModerationTitle: "通報対応", Hide: "非表示にする", StatusHidden: "非表示にした通報", DecidedHidden: "非表示にしました。通報者に通知します。",
        CommentHiddenMark: "非表示のコメント（事務局にのみ表示）", AudienceCheck: "対象人数を確認", AudienceCountFormat: "配信対象：{0} 名",
        SettingsMenu: "通知設定", SettingsTitle: "通知設定", Save: "保存する", SettingsSaved: "通知設定を保存しました。", Required: "この項目は必須です。");

    public static readonly PostUiText English = new(
        NavCommunity: "Community", NavModeration: "Reports", FeedTitle: "Community", NewPost: "New post", NewTitle: "New post",
        Publish: "Publish", SaveDraft: "Save as draft", PublishedFlash: "Your post is published.", DraftSavedFlash: "Saved as a draft. Only you can see it.",
        DraftNotice: "This is a draft: only you can see it.", SaveChanges: "Save changes", SavedFlash: "Your changes are saved.", Edited: "edited", Edit: "Edit",
        RoomNotices: "Notices & consultation", CategoryJob: "Job opening", Pinned: "Pinned", Comment: "Comment", CommentPosted: "Your comment is posted.",
        InterestAdd: "I'm interested", InterestedListFormat: "Who raised a hand ({0})",
        NotificationsTitle: "Notifications", BellUnreadFormat: "Notifications, {0} unread",
        ReplyFormat: "{0} replied to \"{1}\"", ReactionFormat: "{0} reacted to \"{1}\"",
        ReportDecisionFormat: "Your report on \"{1}\" has been reviewed",
        Report: "Report", ReportSend: "Send report", Reported: "Thank you. The secretariat will review your report.",
        ModerationTitle: "Reports", Hide: "Hide", StatusHidden: "Hidden", DecidedHidden: "Hidden. The reporter is told.",
        CommentHiddenMark: "Hidden comment (only the secretariat sees it)", AudienceCheck: "Count the audience", AudienceCountFormat: "Audience: {0} members",
        SettingsMenu: "Notification settings", SettingsTitle: "Notification settings", Save: "Save", SettingsSaved: "Your notification settings are saved.",
        Required: "This field is required.");

    public string InterestedList(int count) => string.Format(InterestedListFormat, count);
    public string BellUnread(int count) => string.Format(BellUnreadFormat, count);
    public string Reply(string actor, string title) => string.Format(ReplyFormat, actor, title);
    public string Reaction(string actor, string title) => string.Format(ReactionFormat, actor, title);
    public string ReportDecision(string title) => string.Format(ReportDecisionFormat, "", title);
    public string AudienceCount(int count) => string.Format(AudienceCountFormat, count);
}
