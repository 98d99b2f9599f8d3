using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;

namespace PassengerGate.Server.Tests.Support;

/// <summary>A kiosk registered at an airport, and a session taken through its first steps as the kiosk would.</summary>
public static class KioskSteps
{
    /// <summary>Registers <paramref name="kioskId"/> at <paramref name="airport"/>; returns its credential token.</summary>
    public static async Task<string> RegisterKioskAsync(this RunningServer server, string kioskId, string airport = "NRT")
    {
        var credential = KioskCredential.FromRandom(kioskId, System.Security.Cryptography.RandomNumberGenerator.GetBytes(KioskCredential.SecretBytes));
        await server.Services.GetRequiredService<KioskStore>().RegisterAsync(kioskId, credential.SecretHash, "test", airport, TimeProvider.System.GetUtcNow(), default);
        return credential.Token;
    }

    /// <summary>A new session whose passport and chip the service verified.</summary>
    public static async Task<Guid> ThroughDocumentAsync(this HubConnection kiosk, SimulatedTraveller traveller)
    {
        var sessionId = Guid.NewGuid();
        var opened = await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var document = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(opened.ChipChallenge, kiosk, sessionId)));
        Assert.Equal(SessionState.DocumentVerified, document.State);
        return sessionId;
    }

    /// <summary>A new session past the face check: at the declaration step.</summary>
    public static async Task<Guid> ThroughFaceAsync(this HubConnection kiosk, SimulatedTraveller traveller)
    {
        var sessionId = await kiosk.ThroughDocumentAsync(traveller);
        var face = await kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        Assert.Equal(SessionState.FaceVerified, face.State);
        return sessionId;
    }
}
