using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.MemberAdmin;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Posts;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// What /openapi/v1.json says beyond the endpoints' signatures, so that generated clients and fuzzers know the
/// contract: the bearer scheme and which operations need it, their 401 and 403, and the values and sizes the
/// services accept. The request DTOs carry enums and numbers as the services parse them (strings, checked by
/// <see cref="Check"/> against each feature's *Limits), so their schemas get those facts from the table below,
/// which names the same constants the services check: a limit changes in one place.
/// </summary>
public static class OpenApiContract
{
    public const string BearerScheme = "bearer";

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token from POST /api/v1/auth/login (opaque, not a JWT), valid for the network it was issued in.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token (missing, expired, revoked, or issued by another network)." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but not allowed: a pending or suspended membership, or a role this operation needs." });
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is not null || !Fields.TryGetValue(context.JsonTypeInfo.Type, out var fields)) return Task.CompletedTask;
            foreach (var (name, describe) in fields)
            {
                // A name here that the DTO lacks is a stale table: fail loudly (OpenApiTests) rather than document nothing.
                if (schema.Properties is null || !schema.Properties.TryGetValue(name, out var found) || found is not OpenApiSchema property)
                    throw new InvalidOperationException($"OpenApiContract: {context.JsonTypeInfo.Type.Name} has no property '{name}'.");
                describe(property);
            }
            return Task.CompletedTask;
        });
    }

    static Action<OpenApiSchema> MaxLength(int max) => s => s.MaxLength = max;
    static Action<OpenApiSchema> MaxItems(int max) => s => s.MaxItems = max;
    static Action<OpenApiSchema> Range(int min, int max) => s => { s.Minimum = min.ToString(); s.Maximum = max.ToString(); };
    static Action<OpenApiSchema> Min(int min) => s => s.Minimum = min.ToString();

    /// <summary>A string holding one of the enum's values, spelled as the API writes them (the services accept any case).</summary>
    static Action<OpenApiSchema> OneOf<T>() where T : struct, Enum => s =>
        s.Enum = [.. Enum.GetValues<T>().Select(v => (JsonNode)JsonValue.Create(WireNames.Of(v)))];

    /// <summary>Request DTO → JSON property → what the service accepts there.</summary>
    static readonly Dictionary<Type, Dictionary<string, Action<OpenApiSchema>>> Fields = new()
    {
        [typeof(LoginRequest)] = new() { ["email"] = MaxLength(254) },
        [typeof(RegisterRequest)] = new()
        {
            ["email"] = MaxLength(254), ["kind"] = OneOf<MemberKind>(),
            ["familyName"] = MaxLength(MemberLimits.Name), ["givenName"] = MaxLength(MemberLimits.Name),
            ["familyNameKana"] = MaxLength(MemberLimits.Name), ["givenNameKana"] = MaxLength(MemberLimits.Name),
            ["department"] = MaxLength(MemberLimits.Department), ["joinedYear"] = Min(1900), ["leftYear"] = Min(1900),
        },
        [typeof(ChangeMemberRequest)] = new() { ["kind"] = OneOf<MemberKind>(), ["role"] = OneOf<MemberRole>() },
        [typeof(EventInput)] = new()
        {
            ["title"] = MaxLength(EventLimits.Title), ["description"] = MaxLength(EventLimits.Description),
            ["kind"] = OneOf<EventKind>(), ["format"] = OneOf<EventFormat>(), ["audience"] = OneOf<EventAudience>(),
            ["capacity"] = Range(0, EventLimits.Capacity), ["capacityOnline"] = Range(0, EventLimits.Capacity),
            ["venue"] = MaxLength(EventLimits.Venue), ["address"] = MaxLength(EventLimits.Address),
            ["mapUrl"] = MaxLength(500), ["onlineUrl"] = MaxLength(500),
        },
        [typeof(RsvpRequest)] = new() { ["mode"] = OneOf<AttendanceMode>() },
        [typeof(PitchInput)] = new() { ["title"] = MaxLength(EventLimits.PitchTitle), ["summary"] = MaxLength(EventLimits.PitchSummary) },
        [typeof(FeedbackInput)] = new() { ["rating"] = Range(1, 5), ["comment"] = MaxLength(EventLimits.Comment) },
        [typeof(PostInput)] = new()
        {
            ["room"] = OneOf<Room>(), ["category"] = OneOf<NoticeCategory>(),
            ["title"] = MaxLength(PostLimits.Title), ["body"] = MaxLength(PostLimits.Body),
            ["jobRole"] = MaxLength(PostLimits.Short), ["jobPlace"] = MaxLength(PostLimits.Short),
        },
        [typeof(CommentInput)] = new() { ["body"] = MaxLength(PostLimits.Comment) },
        [typeof(ReactionInput)] = new() { ["kind"] = OneOf<ReactionKind>() },
        [typeof(ReportInput)] = new() { ["reason"] = MaxLength(PostLimits.Reason) },
        [typeof(StartConversationInput)] = new() { ["body"] = MaxLength(MessageLimits.Body) },
        [typeof(MessageInput)] = new() { ["body"] = MaxLength(MessageLimits.Body) },
        [typeof(MessageReportInput)] = new() { ["reason"] = MaxLength(MessageLimits.Reason) },
        [typeof(ConsultationInput)] = new()
        {
            ["topic"] = MaxLength(ConsultationLimits.Topic), ["goal"] = MaxLength(ConsultationLimits.Goal),
            ["format"] = OneOf<ConsultationFormat>(), ["preferredTimes"] = MaxLength(ConsultationLimits.Times),
        },
        [typeof(JobInput)] = new()
        {
            ["title"] = MaxLength(JobLimits.Title), ["department"] = MaxLength(JobLimits.Department),
            ["location"] = MaxLength(JobLimits.Location), ["remote"] = OneOf<RemoteWork>(),
            ["description"] = MaxLength(JobLimits.Description), ["howToApply"] = MaxLength(JobLimits.HowToApply),
            ["status"] = OneOf<JobStatus>(), ["keywords"] = MaxLength(JobLimits.Keywords),
        },
        [typeof(ReferralInput)] = new() { ["name"] = MaxLength(JobLimits.Name), ["note"] = MaxLength(JobLimits.Note) },
        [typeof(CollaborationInput)] = new()
        {
            ["title"] = MaxLength(CollaborationLimits.Title), ["description"] = MaxLength(CollaborationLimits.Description),
            ["stage"] = OneOf<CollaborationStage>(), ["memberIds"] = MaxItems(CollaborationLimits.Members),
            ["departments"] = MaxItems(CollaborationLimits.Departments), ["reason"] = MaxLength(CollaborationLimits.Reason),
        },
        [typeof(OriginInput)] = new() { ["type"] = OneOf<CollaborationOrigin>() },
    };
}
