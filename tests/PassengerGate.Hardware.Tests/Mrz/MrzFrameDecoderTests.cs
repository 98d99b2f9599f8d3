using PassengerGate.Hardware.Mrz;
using static PassengerGate.Hardware.Tests.Mrz.Bytes;

namespace PassengerGate.Hardware.Tests.Mrz;

public class MrzFrameDecoderTests
{
    // DESKO serial protocol (tech.md §3.2): [SOD] STX line1 CR line2 CR [line3 CR] ETX [EOD].
    // The SOD/EOD values are not in our sources; any byte outside STX…ETX must be ignored, so 0x1C/0x1D stand in.
    private const byte Sod = 0x1C;
    private const byte Eod = 0x1D;

    // 3M RTE6701 flag byte: present but reader-specific (RTE6701-OEM manual p.26); BCC definition not in our sources.
    private const byte Flag = (byte)'0';

    [Fact]
    public void Desko_frame_with_start_and_end_of_data_markers_yields_the_passport_lines()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);

        var results = decoder.Decode(Of(Sod, Stx, Specimens.Td3[0], Cr, Specimens.Td3[1], Cr, Etx, Eod));

        var frame = Assert.Single(results);
        Assert.True(frame.IsRead);
        Assert.Equal(Specimens.Td3, frame.Lines);
    }

    [Fact]
    public void Desko_frame_of_an_id_card_yields_three_lines()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);

        var results = decoder.Decode(Of(Stx, Specimens.Td1[0], Cr, Specimens.Td1[1], Cr, Specimens.Td1[2], Cr, Etx));

        Assert.Equal(Specimens.Td1, Assert.Single(results).Lines);
    }

    [Fact]
    public void Desko_frame_split_into_single_bytes_is_decoded_once_when_ETX_arrives()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);
        var frame = Of(Sod, Stx, Specimens.Td2[0], Cr, Specimens.Td2[1], Cr, Etx, Eod);

        var results = new List<MrzFrameResult>();
        for (var i = 0; i < frame.Length; i++)
        {
            var decoded = decoder.Decode(frame.AsSpan(i, 1));
            if (frame[i] != Etx)
            {
                Assert.Empty(decoded);
            }

            results.AddRange(decoded);
        }

        Assert.Equal(Specimens.Td2, Assert.Single(results).Lines);
    }

    [Fact]
    public void Garbage_and_a_cut_off_frame_before_a_good_frame_are_skipped_with_one_rejection()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);

        var results = decoder.Decode(Of("\0noise", (byte)0xFF, Etx, Stx, "P<UTOERIK", Stx, Specimens.Td3[0], Cr))
            .Concat(decoder.Decode(Of(Specimens.Td3[1], Cr, Etx, "trailing")))
            .ToList();

        Assert.Equal(2, results.Count);
        Assert.False(results[0].IsRead);
        Assert.Equal(Specimens.Td3, results[1].Lines);
    }

    [Fact]
    public void Desko_frame_sent_despite_a_recognition_error_is_rejected()
    {
        // DESKO sends the frame "irrespective of … recognition errors" (tech.md §3.2); '?' stands for an unread character.
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);
        var misread = Specimens.Td3[1].Replace('7', '?');

        var frame = Assert.Single(decoder.Decode(Of(Stx, Specimens.Td3[0], Cr, misread, Cr, Etx)));

        Assert.False(frame.IsRead);
        Assert.Contains("line 2", frame.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Desko_frame_with_lines_of_different_lengths_is_rejected()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);

        var frame = Assert.Single(decoder.Decode(Of(Stx, Specimens.Td3[0], Cr, Specimens.Td2[1], Cr, Etx)));

        Assert.False(frame.IsRead);
    }

    [Fact]
    public void Frame_that_never_ends_is_rejected_and_the_decoder_recovers()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.StxEtx);
        var endless = Of(Stx, new string('<', MrzFrameDecoder.MaxFrameBytes + 10));

        var rejected = decoder.Decode(endless);
        var next = decoder.Decode(Of(Stx, Specimens.Td3[0], Cr, Specimens.Td3[1], Cr, Etx));

        Assert.Contains(rejected, r => !r.IsRead);
        Assert.Equal(Specimens.Td3, Assert.Single(next).Lines);
    }

    [Fact]
    public void Rte6701_passport_block_has_its_empty_first_line_and_underscore_padding_removed()
    {
        // RTE6701-OEM manual p.26: two lines found → line 1 missing, sent as an empty CR; lines padded with '_' to 44.
        // A TD2 document's 36-character lines therefore arrive with 8 underscores.
        var decoder = new MrzFrameDecoder(MrzFraming.Rte6701);
        var padding = new string('_', 44 - 36);

        var results = decoder.Decode(Of(
            Soh, (byte)0x5D, (byte)0x00, "OU", Stx, Flag,
            Cr, Specimens.Td2[0] + padding, Cr, Specimens.Td2[1] + padding, Cr,
            Etx, (byte)0x47));

        Assert.Equal(Specimens.Td2, Assert.Single(results).Lines);
    }

    [Fact]
    public void Rte6701_id_card_block_yields_three_lines()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.Rte6701);

        var results = decoder.Decode(Of(
            Soh, (byte)0x5F, (byte)0x00, "OU", Stx, Flag,
            Specimens.Td1[0], Cr, Specimens.Td1[1], Cr, Specimens.Td1[2], Cr,
            Etx, (byte)0x12));

        Assert.Equal(Specimens.Td1, Assert.Single(results).Lines);
    }

    [Fact]
    public void Rte6701_block_check_byte_in_a_later_read_is_not_taken_for_the_next_block()
    {
        // A BCC can take any value, including SOH; the length word (low byte first) can hold STX/ETX values.
        var decoder = new MrzFrameDecoder(MrzFraming.Rte6701);
        var header = Of(Soh, Etx, Stx, "OU", Stx, Flag);
        var body = Of(Cr, Specimens.Td3[0], Cr, Specimens.Td3[1], Cr, Etx);

        var first = decoder.Decode(Of("junk", header, body));
        var second = decoder.Decode(Of(Soh));
        var third = decoder.Decode(Of(header, body, (byte)0x00));

        Assert.Empty(first);
        Assert.Equal(Specimens.Td3, Assert.Single(second).Lines);
        Assert.Equal(Specimens.Td3, Assert.Single(third).Lines);
    }

    [Fact]
    public void Rte6701_block_with_no_lines_found_is_rejected()
    {
        // Manual p.26: "If a line is not present the associated <CR> is always transmitted".
        var decoder = new MrzFrameDecoder(MrzFraming.Rte6701);

        var frame = Assert.Single(decoder.Decode(Of(Soh, (byte)0x0B, (byte)0x00, "OU", Stx, Flag, Cr, Cr, Cr, Etx, (byte)0x00)));

        Assert.False(frame.IsRead);
    }

    [Fact]
    public void Rte6701_block_from_another_device_is_ignored()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.Rte6701);

        var results = decoder.Decode(Of(
            Soh, (byte)0x10, (byte)0x00, "XU", Stx, Flag, Cr, Specimens.Td3[0], Cr, Specimens.Td3[1], Cr, Etx, (byte)0x00,
            Soh, (byte)0x5D, (byte)0x00, "OU", Stx, Flag, Cr, Specimens.Td3[0], Cr, Specimens.Td3[1], Cr, Etx, (byte)0x00));

        Assert.Equal(Specimens.Td3, Assert.Single(results).Lines);
    }

    [Fact]
    public void Keyboard_wedge_lines_ending_in_CR_are_grouped_into_one_passport()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.KeyboardWedge);

        var results = decoder.Decode(Of(Specimens.Td3[0], Cr, Specimens.Td3[1], Cr));

        Assert.Equal(Specimens.Td3, Assert.Single(results).Lines);
    }

    [Fact]
    public void Keyboard_wedge_lines_ending_in_CRLF_split_across_reads_are_grouped_into_one_id_card()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.KeyboardWedge);
        var text = Of(Specimens.Td1[0], Cr, Lf, Specimens.Td1[1], Cr, Lf, Specimens.Td1[2], Cr, Lf);

        var results = new List<MrzFrameResult>();
        foreach (var chunk in text.Chunk(7))
        {
            results.AddRange(decoder.Decode(chunk));
        }

        Assert.Equal(Specimens.Td1, Assert.Single(results).Lines);
    }

    [Fact]
    public void Keyboard_wedge_text_that_is_not_an_MRZ_breaks_a_group()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.KeyboardWedge);

        var results = decoder.Decode(Of(
            Specimens.Td3[0], Cr, "4006381333931", Cr,
            Specimens.Td3[1], Cr,
            Specimens.Td2[0], Cr, Specimens.Td2[1], Cr));

        Assert.Equal(Specimens.Td2, Assert.Single(results).Lines);
    }

    [Fact]
    public void Keyboard_wedge_line_of_another_length_restarts_the_group()
    {
        var decoder = new MrzFrameDecoder(MrzFraming.KeyboardWedge);

        var results = decoder.Decode(Of(
            Specimens.Td1[0], Cr, Specimens.Td1[1], Cr,
            Specimens.Td3[0], Cr, Specimens.Td3[1], Cr));

        Assert.Equal(Specimens.Td3, Assert.Single(results).Lines);
    }
}
