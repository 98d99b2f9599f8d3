using System.Globalization;
using PassengerGate.Hardware.Pcsc.Native;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.Hardware.Pcsc;

/// <summary>Turns pcsc-lite return codes into exceptions a kiosk operator can act on.</summary>
internal static class PcscErrors
{
    public static uint Code(nint returnValue) => unchecked((uint)returnValue);

    public static void ThrowIfFailed(nint returnValue, string operation, string? readerName = null)
    {
        var code = Code(returnValue);
        if (code != PcscConstants.Success)
        {
            throw Create(code, operation, readerName);
        }
    }

    public static SmartCardException Create(uint code, string operation, string? readerName = null)
    {
        var reader = readerName is null ? "the reader" : $"reader '{readerName}'";
        var (error, explanation) = code switch
        {
            PcscConstants.NoService or PcscConstants.ServiceStopped =>
                (SmartCardError.ServiceUnavailable, "the PC/SC service is not running (start pcscd, e.g. `systemctl start pcscd.socket`)"),
            PcscConstants.NoReadersAvailable => (SmartCardError.NoReaders, "no smart-card reader is attached"),
            PcscConstants.UnknownReader or PcscConstants.ReaderUnavailable =>
                (SmartCardError.UnknownReader, $"{reader} is not attached or not available"),
            PcscConstants.NoSmartcard => (SmartCardError.NoCard, $"there is no card in {reader}"),
            PcscConstants.RemovedCard or PcscConstants.ResetCardWarning =>
                (SmartCardError.CardRemoved, $"the card was removed from or reset in {reader}"),
            PcscConstants.UnresponsiveCard or PcscConstants.UnpoweredCard =>
                (SmartCardError.UnresponsiveCard, $"the card in {reader} does not answer; place the document flat on the reader"),
            PcscConstants.SharingViolation => (SmartCardError.SharingViolation, $"another program is using the card in {reader}"),
            PcscConstants.Timeout => (SmartCardError.Timeout, "the wait timed out"),
            PcscConstants.Cancelled => (SmartCardError.Cancelled, "the wait was cancelled"),
            PcscConstants.CommError or PcscConstants.NotTransacted or PcscConstants.ProtocolMismatch =>
                (SmartCardError.CommunicationFailure, $"communication with the card in {reader} failed"),
            _ => (SmartCardError.Other, "PC/SC error"),
        };
        var hex = code.ToString("X8", CultureInfo.InvariantCulture);
        return new SmartCardException(error, $"{operation} failed: {explanation} (PC/SC 0x{hex}).", code);
    }
}
