using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.Simulators.Vpcd;
using PassengerGate.Hardware.SmartCards;
using PassengerGate.Hardware.Tests.Support;
using PassengerGate.TestSupport.Pcscd;

namespace PassengerGate.Hardware.Tests.Pcsc;

[Collection(PcscdTestGroup.Name)]
public class PcscReaderServiceTests
{
    // vpcd offers two slots; tech.md §3.1 lists both names as seen by pcscd on this platform.
    private const string SecondVirtualReader = "Virtual PCD 00 01";

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private readonly PcscdFixture _pcscd;

    public PcscReaderServiceTests(PcscdFixture pcscd) => _pcscd = pcscd;

    [Fact]
    public void The_driver_lists_both_vpcd_slots()
    {
        using var service = new PcscReaderService();

        var readers = service.ListReaders();

        Assert.Contains(PcscdFixture.FirstVirtualReader, readers);
        Assert.Contains(SecondVirtualReader, readers);
    }

    [Fact]
    public async Task A_card_inserted_through_vpcd_is_found_connected_and_answers_SELECT_and_GET_CHALLENGE()
    {
        var card = new ChallengeTestCard();
        using var timeout = new CancellationTokenSource(Generous);
        await using var inserted = await VpcdCardConnector.ConnectAsync(card, "127.0.0.1", _pcscd.VpcdPort, timeout.Token);
        using var service = new PcscReaderService();

        var reader = await service.WaitForCardAsync(PcscdFixture.FirstVirtualReader, Generous, timeout.Token);
        using var connection = service.Connect(reader);
        var select = await connection.TransmitAsync([0x00, 0xA4, 0x04, 0x0C, 0x07, .. ChallengeTestCard.EmrtdAid], timeout.Token);
        var selectOther = await connection.TransmitAsync([0x00, 0xA4, 0x04, 0x0C, 0x03, 0x01, 0x02, 0x03], timeout.Token);
        var challenge = await connection.TransmitAsync([0x00, 0x84, 0x00, 0x00, 0x08], timeout.Token);

        Assert.Equal(PcscdFixture.FirstVirtualReader, reader);
        Assert.Equal(card.Atr, connection.Atr.ToArray());
        Assert.Equal(SmartCardProtocol.T1, connection.Protocol); // the ATR offers only T=1 (TD2 = 01)
        Assert.True(card.PowerOns > 0);
        Assert.Equal(ChallengeTestCard.Ok, select);
        Assert.Equal(ChallengeTestCard.FileNotFound, selectOther);
        Assert.Equal([.. ChallengeTestCard.RndIc, .. ChallengeTestCard.Ok], challenge);
    }

    [Fact]
    public async Task Taking_the_card_away_ends_the_wait_for_removal()
    {
        var card = new ChallengeTestCard();
        using var timeout = new CancellationTokenSource(Generous);
        using var service = new PcscReaderService();
        var inserted = await VpcdCardConnector.ConnectAsync(card, "127.0.0.1", _pcscd.VpcdPort, timeout.Token);
        await service.WaitForCardAsync(PcscdFixture.FirstVirtualReader, Generous, timeout.Token);

        await inserted.DisposeAsync();
        await service.WaitForCardRemovalAsync(PcscdFixture.FirstVirtualReader, Generous, timeout.Token);

        var error = Assert.Throws<SmartCardException>(() => service.Connect(PcscdFixture.FirstVirtualReader));
        Assert.Equal(SmartCardError.NoCard, error.Error);
    }

    [Fact]
    public async Task Waiting_on_an_empty_reader_ends_with_a_timeout_error()
    {
        using var service = new PcscReaderService();

        var error = await Assert.ThrowsAsync<SmartCardException>(
            () => service.WaitForCardAsync(SecondVirtualReader, TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Equal(SmartCardError.Timeout, error.Error);
        Assert.Contains(SecondVirtualReader, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_endless_wait_ends_it()
    {
        using var service = new PcscReaderService();
        using var cancel = new CancellationTokenSource();

        var wait = service.WaitForCardAsync(SecondVirtualReader, Timeout.InfiniteTimeSpan, cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Generous));
    }

    [Fact]
    public void Connecting_to_an_empty_reader_says_there_is_no_card()
    {
        using var service = new PcscReaderService();

        var error = Assert.Throws<SmartCardException>(() => service.Connect(SecondVirtualReader));

        Assert.Equal(SmartCardError.NoCard, error.Error);
        Assert.Contains("no card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_reader_that_is_not_attached_says_so()
    {
        using var service = new PcscReaderService();

        var wait = await Assert.ThrowsAsync<SmartCardException>(
            () => service.WaitForCardAsync("No Such Reader 00 00", Generous, CancellationToken.None));
        var connect = Assert.Throws<SmartCardException>(() => service.Connect("No Such Reader 00 00"));

        Assert.Equal(SmartCardError.UnknownReader, wait.Error);
        Assert.Equal(SmartCardError.UnknownReader, connect.Error);
    }
}
