using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Infrastructure.Storage;

namespace OpenAlumni.Tests.Infrastructure.Cluster;

/// <summary>
/// Storage:Provider=Database: every node serves every upload, with no disk shared between them. Two apps on one
/// database stand for two nodes, each with a folder of its own that stays empty.
/// </summary>
public abstract class DatabaseFileStoreTests(AlumniApp app) : AppTest(app)
{
    WebApplicationFactory<Program> Node(string name) => App.WithWebHostBuilder(b => b
        .UseSetting("Storage:Provider", "Database")
        .UseSetting("Storage:Root", Path.Combine(App.Root, "node-" + name + "-" + Guid.NewGuid().ToString("N")[..8])));

    [Fact]
    public async Task PhotoUploadedThroughOneNode_IsServedByTheOther_AndGoesWhenRemoved()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        await using var a = Node("a");
        await using var b = Node("b");
        var onA = await tenant.ClientForAsync(me, a, TimeSpan.FromHours(1));
        var onB = await tenant.ClientForAsync(me, b, TimeSpan.FromHours(1));

        var upload = await onA.PutAsync("/api/v1/members/me/photo", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 48)), "photo", "me.png" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var photoUrl = (await JsonAsync(upload)).GetProperty("photoUrl").GetString();
        var served = await onB.GetAsync(photoUrl, Ct);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, (await served.Content.ReadAsByteArrayAsync(Ct))[..2]);
        var path = (await tenant.LoadMemberAsync(me.Id)).PhotoPath!;
        Assert.True(await tenant.DbAsync(db => db.Set<StoredFile>().AnyAsync(f => f.TenantId == tenant.Info.Id && f.Path == path, Ct)));
        Assert.False(Directory.Exists(Path.Combine(a.Services.GetRequiredService<FileStore>().Root, tenant.Info.Id.ToString())));

        var removed = await onB.DeleteAsync("/api/v1/members/me/photo", Ct);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onA.GetAsync(photoUrl, Ct)).StatusCode);
        Assert.False(await tenant.DbAsync(db => db.Set<StoredFile>().AnyAsync(f => f.Path == path, Ct)));
    }

    [Fact]
    public async Task AnotherNetworksFile_IsNotServed_EvenByItsPath()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        await using var node = Node("a");
        var store = node.Services.GetRequiredService<FileStore>();
        var path = await store.SaveAsync(theirs.Info.Id, "photos", ".jpg", [0xFF, 0xD8, 0xFF], Ct);

        // The store answers by path; the path names its network, and the key is (network, path).
        var forged = path.Replace($"{theirs.Info.Id}/", $"{mine.Info.Id}/");
        Assert.Null(await store.OpenAsync(forged, Ct));
        Assert.Null(await store.OpenAsync("../" + path, Ct));
        await using (var real = await store.OpenAsync(path, Ct)) Assert.NotNull(real);
        await store.DeleteAsync(forged, Ct);
        await using (var still = await store.OpenAsync(path, Ct)) Assert.NotNull(still);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DatabaseFileStoreTestsOnSqlite(SqliteApp app) : DatabaseFileStoreTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DatabaseFileStoreTestsOnPostgres(PostgresApp app) : DatabaseFileStoreTests(app);
