namespace PassengerGate.Server.Tests.Contracts;

internal static class SampleDeclaration
{
    /// <summary>The example of docs/arrival-declaration-schema.md ("Example"), compacted.</summary>
    public const string Json = """{"schemaVersion":1,"declarant":{"role":"self"},"header":{"flightOrVessel":"NH9","embarkationPoint":"LAX","arrivalDate":"2026-11-20","name":"Test Traveller","addressInJapan":"Tokyo","nationality":"USA","dateOfBirth":"1980-05-01","passportNumber":"X1234567","family":{"aged20OrOver":1,"aged6To19":0,"under6":1}},"answers":{"prohibitedOrRestricted":false,"goldBullionOrProducts":false,"overDutyFreeAllowance":true,"commercialGoodsOrSamples":false,"carriedForSomeoneElse":false,"paymentMeansOverThreshold":false,"unaccompaniedBaggage":false},"goods":{"alcohol":[{"kind":"whiskyBrandy","bottles":4,"volumeMlPerBottle":750}],"otherGoods":[{"description":"handbag","quantity":1,"unitRetailValue":1400,"currency":"USD"}]}}""";
}
