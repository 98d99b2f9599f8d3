using System.Net;
using System.Text.Json;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Staff;

/// <summary>
/// Lockout after repeated failures (issue 9, Deliver 1), against the real sign-in form on the real service. The
/// clock is the service's injected TimeProvider moved forward, never a sleep.
/// </summary>
public sealed class StaffLockoutTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly ShiftedClock _clock = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock, configure: c =>
    {
        c["Staff:MaxFailedSignIns"] = "3";
        c["Staff:LockoutDuration"] = "00:15:00";
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Three_wrong_passwords_lock_the_account_so_even_the_right_one_fails_until_the_lockout_ends()
    {
        var password = await _server.EnsureStaffAsync("lock-me", StaffRole.Officer, "NRT");
        using var http = _server.HttpClient();
        for (var i = 0; i < 3; i++)
        {
            var (wrong, _) = await StaffSession.SignInAsync(http, "lock-me", "not-the-password");
            Assert.True(StaffSession.IsRedirectTo(wrong, "/signin/?failed=1&returnUrl=%2Fstaff%2F"), $"attempt {i + 1}: {wrong.Headers.Location}");
        }

        var (locked, lockedSession) = await StaffSession.SignInAsync(http, "lock-me", password);
        Assert.Null(lockedSession.StaffCookie);
        Assert.StartsWith("/signin/?failed=1", locked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(await db.ScalarAsync<bool>("SELECT locked_until IS NOT NULL FROM staff_accounts WHERE user_name = 'lock-me'"));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'staff.sign_in_failed' AND subject = 'staff:lock-me'"));
        var lastRefusal = await db.ScalarAsync<string>("SELECT detail FROM audit_events WHERE action = 'staff.sign_in_failed' AND subject = 'staff:lock-me' ORDER BY id DESC LIMIT 1");
        Assert.Equal("account locked", JsonDocument.Parse(lastRefusal!).RootElement.GetProperty("refusal").GetString());

        // Still locked a minute before the 15 minutes are up; open again after them.
        _clock.Set(_clock.GetUtcNow().AddMinutes(14));
        var (stillLocked, _) = await StaffSession.SignInAsync(http, "lock-me", password);
        Assert.StartsWith("/signin/?failed=1", stillLocked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        _clock.Set(_clock.GetUtcNow().AddMinutes(2));
        var (open, openSession) = await StaffSession.SignInAsync(http, "lock-me", password);
        Assert.True(StaffSession.IsRedirectTo(open, "/staff/"), open.Headers.Location?.OriginalString);
        Assert.NotNull(openSession.StaffCookie);
    }
}

/// <summary>Sign-in attempts are rate limited per client address: 429 with Retry-After, the password not even checked.</summary>
public sealed class StaffSignInRateLimitTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Staff:SignInAttemptsPerMinute"] = "3");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sign_ins_beyond_the_limit_answer_429_with_retry_after_even_with_the_right_password()
    {
        var password = await _server.EnsureStaffAsync("limited", StaffRole.Officer, "NRT");
        using var http = _server.HttpClient();
        // Three per minute, one already used by the default officer's sign-in at start. A fixed window may reopen
        // during the loop, so allow two windows' worth before expecting the refusal.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 7 && refused is null; i++)
        {
            var (response, _) = await StaffSession.SignInAsync(http, "limited", "wrong-password");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
        }

        Assert.NotNull(refused);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        var (right, session) = await StaffSession.SignInAsync(http, "limited", password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Null(session.StaffCookie);
    }
}

/// <summary>The idle timeout (Staff:IdleTimeout, 15 min, sliding) and sign-out, driven by the service's clock.</summary>
public sealed class StaffSessionEndTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly ShiftedClock _clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock, configure: c => c["Staff:IdleTimeout"] = "00:15:00");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<HttpStatusCode> MeAsync(StaffSession session)
    {
        using var http = _server.HttpClient();
        using var response = await session.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/staff/me"));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_console_used_within_the_idle_timeout_stays_signed_in_and_one_left_alone_longer_is_signed_out()
    {
        var session = await _server.SignInAsync("idle-officer", await _server.EnsureStaffAsync("idle-officer", StaffRole.Officer, "NRT"));
        var signedInAt = _clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(session));

        // Used after 10 and 20 minutes: each use renews the sign-in, so 20 minutes after sign-in it still holds.
        _clock.Set(signedInAt.AddMinutes(10));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(session));
        _clock.Set(signedInAt.AddMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(session));

        // Then left alone for 16 minutes: signed out.
        _clock.Set(signedInAt.AddMinutes(36));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));
    }

    [Fact]
    public async Task Sign_out_ends_the_session_so_a_copy_of_its_cookie_no_longer_works_and_is_audited()
    {
        var session = await _server.SignInAsync("leaving-officer", await _server.EnsureStaffAsync("leaving-officer", StaffRole.Officer, "NRT"));
        var copiedCookie = session.CookieHeader;
        using var http = _server.HttpClient();

        using var signOut = await session.PostFormAsync(http, "/api/staff/sign-out");

        Assert.True(StaffSession.IsRedirectTo(signOut, "/signin/?signedOut=1"), signOut.Headers.Location?.OriginalString);
        Assert.Null(session.StaffCookie);
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
        replay.Headers.Add("Cookie", copiedCookie);
        using var replayed = await http.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("leaving-officer", await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'staff.sign_out' AND subject = 'staff:leaving-officer'"));
    }
}
