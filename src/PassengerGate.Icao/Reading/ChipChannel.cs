using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.SecureMessaging;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Icao.Reading;

/// <summary>A transport plus, once access control has run, the secure-messaging session that protects every APDU.</summary>
public sealed class ChipChannel(IApduTransport transport)
{
    public IApduTransport Transport { get; } = transport;

    public SecureMessagingSession? Session { get; set; }

    /// <summary>Sends a command (protected if a session is open) and returns the plain response, whatever its status.</summary>
    public async Task<ResponseApdu> SendAsync(CommandApdu command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var session = Session;
        var wire = session is null ? command : session.WrapCommand(command);
        var raw = await Transport.TransmitAsync(wire.Encode(), ct);
        var response = ResponseApdu.Parse(raw);
        return session is null ? response : session.UnwrapResponse(response);
    }

    /// <summary>Like <see cref="SendAsync"/> but throws <see cref="ChipCommunicationException"/> unless the status is 9000.</summary>
    public async Task<ResponseApdu> SendExpectingSuccessAsync(CommandApdu command, string what, CancellationToken ct)
    {
        var response = await SendAsync(command, ct);
        if (!response.IsSuccess)
        {
            throw new ChipCommunicationException($"{what} failed", response.StatusWord);
        }

        return response;
    }
}
