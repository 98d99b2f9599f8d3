using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class MrzValidatorTests
{
    [Fact]
    public void The_TD3_specimen_is_valid()
    {
        // Doc 9303 Part 4 App. B specimen (pymrtd mrz_test.py, tech.md §1.3).
        var result = MrzValidator.Validate("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.True(result.IsValid);
        Assert.Equal(MrzFormat.Td3, result.Format);
    }

    [Fact]
    public void The_TD1_specimen_is_valid()
    {
        // snifter/MRZCode.NET MrzSamples TD1 (tech.md §1.3).
        var result = MrzValidator.Validate("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        Assert.True(result.IsValid);
        Assert.Equal(MrzFormat.Td1, result.Format);
    }

    [Fact]
    public void The_NLD_specimen_fails_only_its_composite()
    {
        // pymrtd mrz_test.py, Doc 9303 Part 10 A.2.1: composite printed 4, recomputed 8 (tech.md §1.3).
        var result = MrzValidator.Validate("I<NLDXI85935F86999999990<<<<<<", "7208148F1108268NLD<<<<<<<<<<<4", "VAN<DER<STEEN<<MARIANNE<LOUISE");

        Assert.True(result.IsReadable);
        Assert.Equal(MrzProblems.CompositeCheckDigit, result.Problems);
    }

    [Fact]
    public void Wrong_lengths_and_characters_make_the_lines_unreadable()
    {
        Assert.False(MrzValidator.Validate("P<UTO", "L898902C3").IsReadable);
        Assert.Equal(
            MrzProblems.Characters,
            MrzValidator.Validate("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<1 ").Problems);
    }

    [Fact]
    public void Validating_allocates_nothing()
    {
        // Acceptance: MRZ validation allocates nothing beyond the result (a struct here). Measured in bytes, not time.
        const string line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
        const string line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
        MrzValidator.Validate(line1, line2);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = 0;
        for (var i = 0; i < 100; i++)
        {
            valid += MrzValidator.Validate(line1, line2).IsValid ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100, valid);
        Assert.Equal(0, allocated);
    }
}
