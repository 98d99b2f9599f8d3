using PassengerGate.Contracts;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>Opens a scanned pre-declaration QR: signature, validity, and the declaration it carries.</summary>
public sealed class PreDeclarationReader
{
    public sealed record Result(string? DeclarationJson, Reason? Problem);

    public Task<Result> ReadAsync(string qrText, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(new Result(null, new Reason("QR_NOT_SUPPORTED", "Pre-declaration codes cannot be read yet: please fill in the form.")));
}
