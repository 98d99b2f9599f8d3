namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// Active Authentication as the chip answered it (ICAO Doc 9303-11 §6.1): the 8-byte challenge sent in
/// INTERNAL AUTHENTICATE (the one <see cref="SessionUpdate.ChipChallenge"/> issued) and the chip's raw
/// signature. The service verifies the signature with DG15's public key; the kiosk's own check is not sent.
/// </summary>
public sealed record ActiveAuthenticationResponse(byte[] Challenge, byte[] Signature);
