using System.Net;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Staff;

/// <summary>
/// The key ring that protects staff cookies and anti-forgery tokens lives in PostgreSQL (data_protection_keys), so
/// a restart does not sign staff out and a second node accepts the first node's cookie.
/// </summary>
public sealed class SharedKeyRingTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_cookie_and_a_form_token_issued_before_a_restart_still_work_after_it_and_on_a_second_node()
    {
        await using var server = await RunningServer.StartAsync(db.ConnectionString);
        var supervisor = await server.SignInAsync("ring-super", await server.EnsureStaffAsync("ring-super", StaffRole.Supervisor, "NRT"));
        using var before = server.HttpClient();
        var token = await supervisor.AntiforgeryAsync(before);

        // The ring is in the database, not in a node's file system.
        var keyId = await db.ScalarAsync<string>("SELECT substring(xml from 'key id=\"([0-9a-f-]+)\"') FROM data_protection_keys ORDER BY stored_at LIMIT 1");
        Assert.NotNull(keyId);
        Assert.True(Guid.TryParse(keyId, out _));

        await server.StopAsync();
        await server.StartAsync();

        using var after = server.HttpClient();
        using (var me = await supervisor.SendAsync(after, new HttpRequestMessage(HttpMethod.Get, "/api/staff/me")))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        // A form posted with the token fetched before the restart is accepted (sign-out: a state-changing post).
        var second = await RunningServer.StartAsync(db.ConnectionString);
        await using (second)
        {
            using var other = second.HttpClient();
            using (var me = await supervisor.SendAsync(other, new HttpRequestMessage(HttpMethod.Get, "/api/staff/me")))
            {
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            }

            using var signOut = await supervisor.SendAsync(other, new HttpRequestMessage(HttpMethod.Post, "/api/staff/sign-out")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { [token.FieldName] = token.Token }),
            });
            Assert.True(StaffSession.IsRedirectTo(signOut, "/signin/?signedOut=1"), $"{(int)signOut.StatusCode} {signOut.Headers.Location}");
        }

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
    }
}
