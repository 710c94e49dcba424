using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Messages;

public abstract class MessagePagesTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Profile_OffersAMessage_AndTheFirstMessageOpensTheConversation()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation, family: "高橋", given: "健");
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, employee.Email, employee.Password);

        var profile = await browser.GetStringAsync($"/members/{alumnus.Id}", Ct);
        var empty = await Forms.PostAsync(browser, $"/messages/new/{alumnus.Id}", new Dictionary<string, string> { ["Body"] = " " });
        var sent = await Forms.PostAsync(browser, $"/messages/new/{alumnus.Id}", new Dictionary<string, string> { ["Body"] = "はじめまして。**よろしく**お願いします" });
        var conversation = await browser.GetStringAsync(sent.Headers.Location!.OriginalString, Ct);
        var alumnusBrowser = tenant.Client("ja");
        await Forms.SignInAsync(alumnusBrowser, alumnus.Email, alumnus.Password);
        var home = await alumnusBrowser.GetStringAsync("/messages", Ct);

        Assert.Contains("Send a message", profile);
        Assert.Contains($"/consultations/new/{alumnus.Id}", profile);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("This field is required.", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("<strong>よろしく</strong>", conversation);
        Assert.Contains("/lib/signalr/signalr.min.js", conversation);
        Assert.Contains("data-testid=\"messages-count\" aria-hidden=\"true\">1<", home);
        Assert.Contains("data-testid=\"conversation-unread\">1<", home);
    }

    [Fact]
    public async Task ConversationPage_IsNotFoundForOthers_AndSendsWithFetchAsJson()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(a);
        var start = await api.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { b.Id }, body = "hi" }, Ct);
        var id = (await JsonAsync(start)).GetProperty("id").GetInt64();
        var adminBrowser = tenant.Client();
        await Forms.SignInAsync(adminBrowser, admin.Email, admin.Password);
        var bBrowser = tenant.Client();
        await Forms.SignInAsync(bBrowser, b.Email, b.Password);

        var byAdmin = await adminBrowser.GetAsync($"/messages/{id}", Ct);
        var token = await Forms.GetTokenAsync(bBrowser, $"/messages/{id}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/messages/{id}?handler=Send")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "via fetch", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        var fetched = await bBrowser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var message = await JsonAsync(fetched);
        Assert.Equal("via fetch", message.GetProperty("body").GetString());
        Assert.Equal(b.Id, message.GetProperty("senderId").GetInt64());
    }

    [Fact]
    public async Task ConsultationPages_RequestThenAccept_LeadsToTheConversation()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var employee = await tenant.MemberAsync(MemberKind.Employee, "田中", "美咲");
        var eBrowser = tenant.Client("en");
        await Forms.SignInAsync(eBrowser, employee.Email, employee.Password);
        var aBrowser = tenant.Client("en");
        await Forms.SignInAsync(aBrowser, alumnus.Email, alumnus.Password);

        var invalid = await Forms.PostAsync(eBrowser, $"/consultations/new/{alumnus.Id}", new Dictionary<string, string> { ["Input.Topic"] = "", ["Input.Goal"] = "x", ["Input.Format"] = "coffee" });
        var sent = await Forms.PostAsync(eBrowser, $"/consultations/new/{alumnus.Id}",
            new Dictionary<string, string> { ["Input.Topic"] = "Career change", ["Input.Goal"] = "How did you decide?", ["Input.Format"] = "coffee", ["Input.PreferredTimes"] = "Fridays" });
        var received = await aBrowser.GetStringAsync("/consultations?box=received", Ct);
        var id = (await (await tenant.ApiAsync(alumnus)).GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=received", Ct)).GetProperty("items")[0].GetProperty("id").GetInt64();
        var accept = await Forms.PostAsync(aBrowser, $"/consultations?handler=Accept&id={id}", new Dictionary<string, string> { ["box"] = "received" }, "/consultations");

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("This field is required.", await invalid.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Career change", received);
        Assert.Contains("From 田中 美咲", received);
        Assert.Contains("Waiting for an answer", received);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.StartsWith("/messages/", accept.Headers.Location!.OriginalString);
        Assert.Contains("Career change", await aBrowser.GetStringAsync(accept.Headers.Location.OriginalString, Ct));
    }

    [Fact]
    public async Task NotificationSettings_OfferTheMessageAndConsultationTypes()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        var browser = tenant.Client("en");
        await Forms.SignInAsync(browser, me.Email, me.Password);

        var save = await Forms.PostAsync(browser, "/notifications/settings", new Dictionary<string, string> { ["Delivery[message]"] = "digest", ["Delivery[consultationRequest]"] = "inApp" });
        var page = await browser.GetStringAsync("/notifications/settings", Ct);

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("New direct messages (one mail per conversation until you read it)", page);
        Assert.Contains("Consultation requests to me", page);
        Assert.Matches("value=\"digest\" checked=\"checked\"[^>]*data-testid=\"delivery-message-digest\"", page);
    }

    [Fact]
    public async Task BlockFromProfile_HidesTheMessageButton_AndListsTheMember()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await tenant.MemberAsync(family: "迷惑", given: "太郎");
        var me = await tenant.MemberAsync();
        var browser = tenant.Client("en");
        await Forms.SignInAsync(browser, me.Email, me.Password);

        var block = await Forms.PostAsync(browser, "/messages/blocks?handler=Block", new Dictionary<string, string> { ["memberId"] = other.Id.ToString() }, $"/members/{other.Id}");
        var profile = await browser.GetStringAsync($"/members/{other.Id}", Ct);
        var list = await browser.GetStringAsync("/messages/blocks", Ct);

        Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        Assert.DoesNotContain("send-message-link", profile);
        Assert.Contains("Unblock", profile);
        Assert.Contains("迷惑 太郎", list);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessagePagesTestsOnSqlite(SqliteApp app) : MessagePagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MessagePagesTestsOnPostgres(PostgresApp app) : MessagePagesTests(app);
