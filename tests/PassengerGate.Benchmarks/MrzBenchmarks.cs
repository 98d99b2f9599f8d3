using BenchmarkDotNet.Attributes;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Benchmarks;

/// <summary>
/// Acceptance: MRZ parse-and-validate at ≥ 1,000,000 per second on one core, allocating nothing beyond the result.
/// Inputs are the ICAO specimens of tech.md §1.3.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MrzBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private readonly string[] td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
    private readonly string[] td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
    private readonly string[] td3Misread = ["P<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O"];

    [Benchmark]
    public bool Validate_TD3() => MrzValidator.Validate(td3[0], td3[1]).IsValid;

    [Benchmark]
    public bool Validate_TD1() => MrzValidator.Validate(td1[0], td1[1], td1[2]).IsValid;

    [Benchmark]
    public MrzResult Parse_TD3() => MrzParser.Parse(td3, Today);

    [Benchmark]
    public MrzResult Parse_TD1() => MrzParser.Parse(td1, Today);

    [Benchmark]
    public MrzResult Parse_TD3_with_OCR_repair_of_nine_characters() => MrzParser.Parse(td3Misread, Today, MrzReadOptions.OcrTolerant);
}
