using System.Net;
using System.Text.Json;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Staff;

/// <summary>
/// The administrator page's acts (create and disable an account, through the API the page posts its forms to, with
/// anti-forgery tokens) and the audit page's search and CSV export (RFC 4180 quoting), over real HTTP against the real service.
/// </summary>
public sealed class AdministrationAndAuditPageTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_administrator_creates_an_account_that_can_sign_in_then_disables_it_which_ends_its_session_and_both_acts_are_audited()
    {
        var admin = await _server.SignInAsync("admin-a", await _server.EnsureStaffAsync("admin-a", StaffRole.Administrator, "NRT"));
        using var http = _server.HttpClient();
        using (var page = await admin.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/admin/")))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var created = await admin.PostFormAsync(http, "/api/staff/users", new Dictionary<string, string> { ["userName"] = "new-officer", ["role"] = "officer", ["terminal"] = "1" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("NRT", body.GetProperty("airport").GetString());
        var password = body.GetProperty("password").GetString()!;
        var officer = await _server.SignInAsync("new-officer", password);

        // Without the form's anti-forgery token the same post is refused.
        using (var forged = await admin.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "/api/staff/users/new-officer/disable") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["disabled"] = "true" }) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var disabled = await admin.PostFormAsync(http, "/api/staff/users/new-officer/disable", new Dictionary<string, string> { ["disabled"] = "true" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        using (var me = await officer.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/staff/me")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        var (again, againSession) = await StaffSession.SignInAsync(http, "new-officer", password);
        Assert.Null(againSession.StaffCookie);
        Assert.StartsWith("/signin/?failed=1", again.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("admin-a", await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'user.created' AND subject = 'staff:new-officer'"));
        Assert.Equal("admin-a", await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'user.disabled' AND subject = 'staff:new-officer'"));
    }

    [Fact]
    public async Task The_audit_search_filters_by_actor_and_action_within_the_airport_and_the_csv_export_is_quoted_and_itself_audited()
    {
        var supervisor = await _server.SignInAsync("audit-super", await _server.EnsureStaffAsync("audit-super", StaffRole.Supervisor, "NRT"));
        await _server.SignInAsync("audit-kix", await _server.EnsureStaffAsync("audit-kix", StaffRole.Officer, "KIX"));
        using var http = _server.HttpClient();
        await _server.EnsureStaffAsync("audit-typo", StaffRole.Officer, "NRT");
        await StaffSession.SignInAsync(http, "audit-typo", "not-the-password");

        using var search = await supervisor.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/audit?actor=audit-super&action=staff.sign_in"));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var rows = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("staff:audit-super", row.GetProperty("subject").GetString());

        // Another airport's sign-in is not in this airport's trail.
        using var kix = await supervisor.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/audit?actor=audit-kix"));
        Assert.Empty(JsonDocument.Parse(await kix.Content.ReadAsStringAsync()).RootElement.EnumerateArray());

        using var csv = await supervisor.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/audit.csv?action=staff.sign_in_failed"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,actor_kind,action,subject,airport,detail,prev_hash,hash", lines[0]);
        var failed = Assert.Single(lines.Skip(1));
        // RFC 4180 §2.7: a cell holding quotes is quoted and each quote doubled (the detail is JSON).
        Assert.Contains("\"audit-typo\",\"staff\",\"staff.sign_in_failed\",\"staff:audit-typo\",\"NRT\",\"{\"\"refusal\"\":\"\"wrong password\"\"", failed, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'audit.exported' AND actor = 'audit-super'"));
    }
}
