using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>Small display helpers shared by the feed, a post and the home page (no rules: what to show, not what is allowed).</summary>
public static class PostView
{
    public static DateTimeOffset When(this PostDto p) => p.PublishedAt ?? p.CreatedAt;

    public static int ReactionTotal(this ReactionsDto r) => r.Like + r.Thanks + r.Celebrate + r.Insightful;

    public static int Count(this ReactionsDto r, string kind) => kind switch
    {
        "like" => r.Like, "thanks" => r.Thanks, "celebrate" => r.Celebrate, "insightful" => r.Insightful, _ => 0,
    };

    public static readonly string[] ReactionKinds = ["like", "thanks", "celebrate", "insightful"];
    public static readonly string[] Rooms = ["announcements", "updates", "notices"];
    public static readonly string[] Categories = ["business", "consultation", "job"];

    /// <summary>"Interested" is offered on job openings and consultations (the service enforces it; this only hides the button elsewhere).</summary>
    public static bool OffersInterest(this PostDto p) => p.Category is "job" or "consultation";

    public static string Format(this DateTimeOffset time, IStringLocalizer<PostTexts> texts) => time.ToString(texts["DateTimeFormat"]);
}
