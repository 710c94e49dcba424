using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>The admins' dashboard: the same figures as GET /api/v1/admin/analytics, as charts, tables and CSV.</summary>
public sealed class IndexModel(AnalyticsService analytics, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AnalyticsTexts> a, Spaces.SpaceService spaces)
    : AnalyticsPageModel(analytics, texts, a, spaces);
