using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class MrzOcrRepairTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static MrzResult Repair(params string[] lines) => MrzParser.Parse(lines, Today, MrzReadOptions.OcrTolerant);

    [Fact]
    public void Cheminfo_autocorrect_example_is_repaired_to_the_Utopia_specimen()
    {
        // cheminfo/mrz src/parse/__tests__/td3.test.ts 'Use autocorrection': the false MRZ reads like the specimen, with the
        // corrections (line, column 0-based) 0:4 0→O, 0:9 5→S, 0:10 5→S, 1:16 B→8, 1:17 I→1, 1:18 Z→2, 1:19 Z→2,
        // 1:26 S→5, 1:43 O→0.
        var mrz = Repair("P<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("UTO", mrz.IssuingState);
        Assert.Equal("ERIKSSON", mrz.Surname);
        Assert.Equal(new DateOnly(1974, 8, 12), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(2012, 4, 15), mrz.ExpiryDate);
        Assert.Equal(
            [
                new MrzCorrection("issuingState", 1, 4, '0', 'O'),
                new MrzCorrection("name", 1, 9, '5', 'S'),
                new MrzCorrection("name", 1, 10, '5', 'S'),
                new MrzCorrection("dateOfBirth", 2, 16, 'B', '8'),
                new MrzCorrection("dateOfBirth", 2, 17, 'I', '1'),
                new MrzCorrection("dateOfBirth", 2, 18, 'Z', '2'),
                new MrzCorrection("dateOfBirth", 2, 19, 'Z', '2'),
                new MrzCorrection("expiryDate", 2, 26, 'S', '5'),
                new MrzCorrection("composite", 2, 43, 'O', '0'),
            ],
            mrz.Corrections);
        Assert.Equal(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], mrz.Lines);
    }

    [Fact]
    public void Without_repair_the_same_lines_are_read_but_invalid()
    {
        var mrz = MrzParser.Parse(["P<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O"], Today);

        Assert.True(mrz.IsReadable);
        Assert.False(mrz.IsValid);
        Assert.Empty(mrz.Corrections);
        Assert.Contains(mrz.Errors, e => e.Field == "dateOfBirth");
        Assert.Contains(mrz.Errors, e => e.Field == "issuingState");
    }

    [Fact]
    public void A_letter_O_in_a_document_number_is_repaired_when_only_one_swap_passes_the_check_digit()
    {
        // Specimen TD3 (Doc 9303 Part 4 App. B) with the 0 of L898902C3 read as O; of the look-alike swaps only O→0
        // gives check digit 6 (recomputed per tech.md §1.2).
        var mrz = Repair("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("L898902C3", mrz.DocumentNumber);
        Assert.Equal([new MrzCorrection("documentNumber", 2, 5, 'O', '0')], mrz.Corrections);
    }

    [Fact]
    public void An_ambiguous_document_number_is_left_alone()
    {
        // LB98902C3: B→8 gives the specimen, but 8→B at L2[3] and 2→Z at L2[6] also give check digit 6
        // (recomputed per tech.md §1.2), so the check digit cannot choose.
        var mrz = Repair("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "LB98902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.False(mrz.IsValid);
        Assert.Equal("LB98902C3", mrz.DocumentNumber);
        Assert.DoesNotContain(mrz.Corrections, c => c.Field == "documentNumber");
    }

    [Fact]
    public void A_date_is_not_changed_when_its_check_digit_would_still_fail()
    {
        // 74O812 with check digit 3: O→0 gives 740812, whose digit is 2 (specimen), so the digit proves the read wrong
        // elsewhere and nothing is changed.
        var mrz = Repair("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8123F1204159ZE184226B<<<<<10");

        Assert.Empty(mrz.Corrections);
        Assert.Contains(mrz.Errors, e => e.Field == "dateOfBirth");
        Assert.Null(mrz.DateOfBirth);
    }

    [Fact]
    public void A_valid_MRZ_needs_no_corrections()
    {
        var mrz = Repair("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        Assert.True(mrz.IsValid);
        Assert.Empty(mrz.Corrections);
    }

    [Fact]
    public void Repair_does_not_make_unreadable_lines_readable()
    {
        var mrz = Repair("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<1");

        Assert.False(mrz.IsReadable);
    }
}
