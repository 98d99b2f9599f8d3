using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Departure;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Departure;

/// <summary>
/// The departure hub and the FIU export asked by every kind of caller (decision 0022, after 0011's roles): departure
/// staff and supervisors of the airport only. Anonymous callers and kiosks are refused with 401, officers and
/// administrators with 403; departure staff of another airport connect but see none of NRT's declarations.
/// </summary>
public sealed class DepartureAuthorizationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public enum Caller { Anonymous, Kiosk, Officer, Departure, Supervisor, Administrator, OtherAirportDeparture }

    private RunningServer _server = null!;
    private string _kioskToken = "";
    private readonly Dictionary<Caller, StaffSession> _sessions = [];

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");
        await _server.ImportTestRatesAsync();
        _kioskToken = await _server.RegisterKioskAsync("NRT-DA-1");
        foreach (var (caller, role, airport) in new[]
        {
            (Caller.Officer, StaffRole.Officer, "NRT"), (Caller.Departure, StaffRole.Departure, "NRT"), (Caller.Supervisor, StaffRole.Supervisor, "NRT"),
            (Caller.Administrator, StaffRole.Administrator, "NRT"), (Caller.OtherAirportDeparture, StaffRole.Departure, "KIX"),
        })
        {
            var name = "da-" + caller.ToString().ToLowerInvariant();
            _sessions[caller] = await _server.SignInAsync(name, await _server.EnsureStaffAsync(name, role, airport));
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly Caller[] Allowed = [Caller.Departure, Caller.Supervisor, Caller.OtherAirportDeparture];

    [Fact]
    public async Task Only_departure_staff_and_supervisors_connect_to_the_departure_hub()
    {
        foreach (var caller in Enum.GetValues<Caller>())
        {
            await using var connection = Connect(caller);
            if (Allowed.Contains(caller))
            {
                await connection.StartAsync();
                Assert.Equal(HubConnectionState.Connected, connection.State);
            }
            else
            {
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
                Assert.Contains(caller is Caller.Anonymous or Caller.Kiosk ? "401" : "403", refused.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_departure_hub_method_is_covered_here()
    {
        // The hub's policy is on the class: a method added to IDepartureHub is for the same callers, and the flows
        // below call each. A method with a narrower rule must get its own test and be listed apart here.
        var methods = typeof(IDepartureHub).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).Order();
        Assert.Equal(
            new[]
            {
                nameof(IDepartureHub.Decide), nameof(IDepartureHub.GetQueue), nameof(IDepartureHub.RecordCount), nameof(IDepartureHub.ReleaseCash), nameof(IDepartureHub.SubmitDeskDeclaration),
                nameof(IDepartureHub.GetInspections), nameof(IDepartureHub.MarkItem), nameof(IDepartureHub.CloseInspection), nameof(IDepartureHub.RecordTaxPayment),
            }.Order(),
            methods);
    }

    [Fact]
    public async Task Each_hub_method_works_for_its_airport_and_another_airport_is_told_there_is_no_such_declaration()
    {
        var today = _server.AirportToday();
        await using var nrt = Connect(Caller.Departure);
        await nrt.StartAsync();
        var receipt = await nrt.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
            DepartureSupport.DepartureJson(today, "AUTH TEST", "AU0000001", null, null, ("JPY", 1_200_000m))));
        var id = receipt.Id!.Value;

        await using var kix = Connect(Caller.OtherAirportDeparture);
        await kix.StartAsync();
        Assert.DoesNotContain((await kix.InvokeAsync<DepartureWorklist>(nameof(IDepartureHub.GetQueue))).Declarations, d => d.Id == id);
        foreach (var call in new Func<Task>[]
        {
            () => kix.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.RecordCount), new RecordCountRequest(id, [new CountedAmount("$.instruments[0]", 1m)])),
            () => kix.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(id, DepartureOutcome.Verified, null, null, null, null)),
            () => kix.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.ReleaseCash), id),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains($"No declaration CD-{id:D6}", refused.Message, StringComparison.Ordinal);
        }

        // The supervisor of the airport may act too: count as declared, verify.
        await using var supervisor = Connect(Caller.Supervisor);
        await supervisor.StartAsync();
        Assert.Contains((await supervisor.InvokeAsync<DepartureWorklist>(nameof(IDepartureHub.GetQueue))).Declarations, d => d.Id == id);
        await supervisor.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.RecordCount), new RecordCountRequest(id, [new CountedAmount("$.instruments[0]", 1_200_000m)]));
        var verified = await supervisor.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(id, DepartureOutcome.Verified, null, null, null, null));
        Assert.Equal(DepartureDeclarationStatus.Verified, verified.Status);

        // Nothing restrained: nothing to release.
        await Assert.ThrowsAsync<HubException>(() => nrt.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.ReleaseCash), id));
    }

    [Fact]
    public async Task The_FIU_export_answers_each_caller_and_another_airport_gets_none_of_NRTs_declarations()
    {
        var today = _server.AirportToday();
        await using var nrt = Connect(Caller.Departure);
        await nrt.StartAsync();
        var receipt = await nrt.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
            DepartureSupport.DepartureJson(today, "EXPORT TEST", "EX0000001", null, null, ("JPY", 1_100_000m))));
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var http = _server.HttpClient();
            using var response = await GetAsync(http, caller, $"/api/currency/export?from={day}&to={day}&format=csv");
            var expected = caller switch
            {
                Caller.Anonymous or Caller.Kiosk => 401,
                Caller.Officer or Caller.Administrator => 403,
                _ => 200,
            };
            Assert.True(expected == (int)response.StatusCode, $"{caller}: {(int)response.StatusCode}, expected {expected}");
            if (expected == 200)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.Equal(caller != Caller.OtherAirportDeparture, body.Contains(receipt.Number!, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task The_inspection_methods_and_the_tax_notice_work_for_the_airports_staff_and_another_airport_finds_nothing()
    {
        // Exemption regime (bought 20 Oct 2026 in Japan; the 90-day window does not apply to it, docs/taxfree-rules.md §3),
        // a ¥600,000 line ⇒ red (docs/taxfree-rules.md §5).
        var (shopId, key) = await _server.AddShopAsync("da", null, new byte[32], DateTimeOffset.UnixEpoch);
        await _server.SubmitRecordAsync(key, TaxFree.TaxFreeShopApiTests.RecordJson("DA-INSP", "2026-10-20T14:00:00+09:00", unitPrice: 600_000, passport: "DA5000005"));
        await _server.Services.GetRequiredService<PassengerGate.Server.Features.TaxFree.TaxFreeDepartureCheck>().FinishAsync("DA5000005", "USA", "NRT", default);
        await using var kix = Connect(Caller.OtherAirportDeparture);
        await kix.StartAsync();
        Assert.DoesNotContain(await kix.InvokeAsync<IReadOnlyList<TaxFreeInspectionView>>(nameof(IDepartureHub.GetInspections)), i => i.ShopId == shopId);
        foreach (var call in new Func<Task>[]
        {
            () => kix.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "DA-INSP", 0, InspectionMark.Present)),
            () => kix.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.CloseInspection), new CloseInspectionRequest(shopId, "DA-INSP")),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("No inspection for record DA-INSP", refused.Message, StringComparison.Ordinal);
        }

        // Departure staff mark, the supervisor closes: the tax on the missing handbag is assessed.
        await using var nrt = Connect(Caller.Departure);
        await nrt.StartAsync();
        Assert.Contains(await nrt.InvokeAsync<IReadOnlyList<TaxFreeInspectionView>>(nameof(IDepartureHub.GetInspections)), i => i.ShopId == shopId);
        await nrt.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "DA-INSP", 0, InspectionMark.Missing));
        await using var supervisor = Connect(Caller.Supervisor);
        await supervisor.StartAsync();
        var assessment = (await supervisor.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.CloseInspection), new CloseInspectionRequest(shopId, "DA-INSP"))).Assessment!;
        var refusedPayment = await Assert.ThrowsAsync<HubException>(() => kix.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.RecordTaxPayment), new RecordTaxPaymentRequest(assessment.Id, TaxPaymentMethod.Cash, null)));
        Assert.Contains($"No assessment {assessment.Number}", refusedPayment.Message, StringComparison.Ordinal);

        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var http = _server.HttpClient();
            using var response = await GetAsync(http, caller, assessment.Notice);
            var expected = caller switch
            {
                Caller.Anonymous or Caller.Kiosk => 401,
                Caller.Officer or Caller.Administrator => 403,
                Caller.OtherAirportDeparture => 404,
                _ => 200,
            };
            Assert.True(expected == (int)response.StatusCode, $"{caller}: {(int)response.StatusCode}, expected {expected}");
        }

        var paid = await nrt.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.RecordTaxPayment), new RecordTaxPaymentRequest(assessment.Id, TaxPaymentMethod.Cash, "DA-R1"));
        Assert.Equal(TaxPaymentMethod.Cash, paid.Assessment!.Payment!.Method);
    }

    /// <summary>A GET as <paramref name="caller"/>: no credential, the kiosk's bearer token, or the staff member's sign-in cookie.</summary>
    private async Task<HttpResponseMessage> GetAsync(HttpClient http, Caller caller, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (caller == Caller.Kiosk)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _kioskToken);
        }
        else if (caller != Caller.Anonymous)
        {
            request.Headers.Add("Cookie", _sessions[caller].CookieHeader);
        }

        return await http.SendAsync(request);
    }

    private HubConnection Connect(Caller caller) => caller switch
    {
        Caller.Anonymous => _server.DepartureConnection(null),
        Caller.Kiosk => _server.DepartureConnection(null, _kioskToken),
        _ => _server.DepartureConnection(_sessions[caller]),
    };
}
