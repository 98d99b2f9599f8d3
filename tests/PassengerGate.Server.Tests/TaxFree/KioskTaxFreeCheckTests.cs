using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Domain.Staff;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.TaxFree;

/// <summary>
/// The tax-free export check from a departure kiosk (issue 12 point 2; decision 0021, "At the kiosk") over the real
/// service, PostgreSQL and SignalR over WebSockets: the records are found by the passport the session's chip verified,
/// never by anything the kiosk sends; green confirms the confirmable ones through the outbox; a session that verified no
/// passport, or another kiosk's, gets nothing. Purchase five days before the airport's today, after the refund regime began
/// on 2026-11-01: inside the 90 days (DOMAIN.md §5 rule 5, docs/taxfree-rules.md §3), so confirmable. Random selection off.
/// </summary>
public sealed class KioskTaxFreeCheckTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string KioskId = "KIX-TF1";
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;
    private string _shopKey = "";
    private string _shopId = "";

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c =>
        {
            c["Documents:TrustListPath"] = _trust;
            c["TaxFree:LaneRules:RandomRate"] = "0";
        });
        await RiskSetup.InstallAsync(_server.Services, 0.0);
        (_shopId, _shopKey) = await _server.AddShopAsync("kt", null, new byte[32], TimeProvider.System.GetUtcNow());
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync(KioskId, "KIX"));
        await _kiosk.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _kiosk.DisposeAsync();
        await _server.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Fact]
    public async Task A_verified_passport_with_a_confirmable_record_goes_green_and_the_export_is_confirmed_once_for_that_passport_only()
    {
        await SubmitAsync("K-BAG", "TK4000001");
        await SubmitAsync("K-OTHER", "TK4000099");
        var sessionId = await _kiosk.ThroughDocumentAsync(SimulatedTraveller.Create(_pki, "TK4000001"));

        var answer = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(sessionId));

        Assert.Null(answer.Problem);
        var outcome = answer.Outcome!;
        Assert.Equal(TaxFreeLaneCode.Green, outcome.Lane);
        Assert.True(outcome.ExportConfirmed);
        var record = Assert.Single(outcome.Records);
        Assert.Equal(("K-BAG", TaxFreeRecordCheckStatus.Confirmable), (record.RecordId, record.Status));
        Assert.Equal("confirmed|open", await db.ScalarAsync<string>($"SELECT string_agg(state, '|' ORDER BY record_id) FROM taxfree_records WHERE shop_id = '{_shopId}'"));

        // Asked again (a kiosk retry): answered from the record's state, and the shop is told once.
        var again = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(sessionId));
        Assert.Equal(TaxFreeRecordCheckStatus.Confirmed, Assert.Single(again.Outcome!.Records).Status);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{_shopId}' AND record_id = 'K-BAG'"));

        // The departure session is stored once, with each step of its machine (docs/diagrams/departure-session.mmd).
        Assert.True(again.Outcome.ExportConfirmed);
        Assert.Equal("ExportConfirmed|green|KIX", await db.ScalarAsync<string>($"SELECT state || '|' || lane || '|' || airport FROM departure_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal("DocumentRead,DocumentVerified,RecordsChecked,ExportConfirmed", await TransitionsAsync(sessionId));
    }

    private Task<string?> TransitionsAsync(Guid sessionId) =>
        db.ScalarAsync<string>($"SELECT string_agg(to_state, ',' ORDER BY sequence) FROM departure_session_transitions WHERE session_id = '{sessionId}'");

    [Fact]
    public async Task A_red_traveller_gets_no_confirmation_and_the_records_wait_on_the_kiosks_airports_inspection_list()
    {
        // A unit price of ¥1,000,000 or more: the goods are shown (docs/taxfree-rules.md §5, high-value lane rule).
        await SubmitAsync("K-WATCH-RED", "TK4000003", unitPrice: 1_200_000);
        var sessionId = await _kiosk.ThroughDocumentAsync(SimulatedTraveller.Create(_pki, "TK4000003"));

        var answer = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(sessionId));

        Assert.Equal((TaxFreeLaneCode.Red, false), (answer.Outcome!.Lane, answer.Outcome.ExportConfirmed));
        Assert.Equal("open", await db.ScalarAsync<string>($"SELECT state FROM taxfree_records WHERE shop_id = '{_shopId}' AND record_id = 'K-WATCH-RED'"));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{_shopId}' AND record_id = 'K-WATCH-RED'"));
        Assert.Equal("KIX", await db.ScalarAsync<string>($"SELECT airport FROM taxfree_inspections WHERE shop_id = '{_shopId}' AND record_id = 'K-WATCH-RED'"));
        Assert.Equal("AwaitingInspection|red", await db.ScalarAsync<string>($"SELECT state || '|' || lane FROM departure_sessions WHERE session_id = '{sessionId}'"));

        // Asked again: still red from the stored session, nothing decided and no second step stored.
        var again = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(sessionId));
        Assert.Equal((TaxFreeLaneCode.Red, false), (again.Outcome!.Lane, again.Outcome.ExportConfirmed));
        Assert.Equal("DocumentRead,DocumentVerified,RecordsChecked,AwaitingInspection", await TransitionsAsync(sessionId));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_inspections WHERE shop_id = '{_shopId}' AND record_id = 'K-WATCH-RED'"));
    }

    [Fact]
    public async Task A_session_without_a_verified_passport_or_of_another_kiosk_gets_no_records_and_nothing_is_confirmed()
    {
        await SubmitAsync("K-WATCH", "TK4000002");
        var traveller = SimulatedTraveller.Create(_pki, "TK4000002");

        var opened = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(opened));
        var nothingRead = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(opened));

        // The MRZ alone (no chip): read, never verified.
        var mrzOnly = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(mrzOnly));
        await _kiosk.Hub().SubmitDocument(new SubmitDocument(mrzOnly, Guid.NewGuid(), traveller.MrzLines, null));
        var unverified = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(mrzOnly));

        var verified = await _kiosk.ThroughDocumentAsync(traveller);
        await using var otherKiosk = _server.KioskConnection(await _server.RegisterKioskAsync("KIX-TF2", "KIX"));
        await otherKiosk.StartAsync();
        var foreign = await otherKiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(verified));
        var unknown = await _kiosk.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(Guid.NewGuid()));

        Assert.Equal(
            [TaxFreeExportProblem.NoVerifiedDocument, TaxFreeExportProblem.NoVerifiedDocument, TaxFreeExportProblem.OtherKiosk, TaxFreeExportProblem.UnknownSession],
            new[] { nothingRead, unverified, foreign, unknown }.Select(a => a.Problem!.Value).ToArray());
        Assert.All(new[] { nothingRead, unverified, foreign, unknown }, a => Assert.Null(a.Outcome));
        Assert.Equal("open", await db.ScalarAsync<string>($"SELECT state FROM taxfree_records WHERE shop_id = '{_shopId}' AND record_id = 'K-WATCH'"));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM departure_sessions WHERE session_id IN ('{opened}', '{mrzOnly}', '{verified}')"));
    }

    public static TheoryData<string> NotKiosks => ["anonymous", "officer", "departure", "supervisor", "administrator"];

    [Theory]
    [MemberData(nameof(NotKiosks))]
    public async Task A_caller_that_is_not_a_kiosk_cannot_reach_the_kiosk_tax_free_check(string caller)
    {
        var cookie = caller switch
        {
            "officer" => _server.Officer.CookieHeader,
            "departure" => (await _server.SignInAsync("kt-departure", await _server.EnsureStaffAsync("kt-departure", StaffRole.Departure, "KIX"))).CookieHeader,
            "supervisor" => (await _server.SignInAsync("kt-supervisor", await _server.EnsureStaffAsync("kt-supervisor", StaffRole.Supervisor, "KIX"))).CookieHeader,
            "administrator" => (await _server.SignInAsync("kt-admin", await _server.EnsureStaffAsync("kt-admin", StaffRole.Administrator, "KIX"))).CookieHeader,
            _ => null,
        };
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(_server.BaseAddress, HubPaths.Kiosk), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (cookie is not null)
            {
                o.Headers["Cookie"] = cookie;
            }
        }).Build();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.Hub().CheckTaxFreeExport(new CheckTaxFreeExport(Guid.NewGuid())));
    }

    /// <summary>A shop's record for the simulated traveller (a Japanese passport, TANAKA HANAKO), bought five days ago.</summary>
    private Task SubmitAsync(string recordId, string passport, long unitPrice = 60_000) =>
        _server.SubmitRecordAsync(_shopKey, TaxFreeSupport.RecordJson(recordId, _server.AirportToday().AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T14:00:00+09:00", unitPrice, passport, nationality: "JPN"));
}
