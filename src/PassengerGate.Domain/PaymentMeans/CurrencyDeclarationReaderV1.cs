using System.Globalization;
using System.Text.Json;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>Schema version 1 of docs/currency-declaration-schema.md. Collects every error; never throws.</summary>
internal sealed class CurrencyDeclarationReaderV1
{
    private readonly JsonFieldReader f = new();

    public CurrencyDeclarationReadResult Read(JsonElement root)
    {
        f.Known(root, "$", "schemaVersion", "jurisdiction", "direction", "declarationDate", "bearer", "destinationCountry", "flight", "bookingReference", "transport", "instruments", "owner", "recipient", "origin", "intendedUse");
        var jurisdiction = f.Enum<Jurisdiction>(root, "jurisdiction", "$", required: true);
        var direction = f.Enum<CarryDirection>(root, "direction", "$", required: true);
        var date = f.Date(root, "declarationDate", "$", required: true);
        var bearer = ReadParty(root, "bearer", required: true);
        var destination = f.Country(root, "destinationCountry", "$", required: direction == CarryDirection.Departure);
        var flight = f.Str(root, "flight", "$", required: false);
        var booking = f.Str(root, "bookingReference", "$", required: false);
        var transport = f.Enum<CashTransport>(root, "transport", "$", required: false) ?? CashTransport.Accompanied;
        var owner = ReadParty(root, "owner", required: false);
        var recipient = ReadParty(root, "recipient", required: false);
        var origin = f.Str(root, "origin", "$", required: false);
        var intendedUse = f.Str(root, "intendedUse", "$", required: false);
        var instruments = new List<PaymentInstrument>();
        foreach (var (item, path) in f.Items(root, "instruments", "$", required: true))
        {
            if (ReadInstrument(item, path) is { } instrument)
            {
                instruments.Add(instrument);
            }
        }

        if (f.Errors.Count > 0 || jurisdiction is null || direction is null || date is null || bearer is null)
        {
            return new CurrencyDeclarationReadResult(null, f.Errors);
        }

        return new CurrencyDeclarationReadResult(
            new CurrencyDeclaration
            {
                SchemaVersion = 1,
                Jurisdiction = jurisdiction.Value,
                Direction = direction.Value,
                DeclarationDate = date.Value,
                Bearer = bearer,
                DestinationCountry = destination,
                Flight = flight,
                BookingReference = booking,
                Transport = transport,
                Instruments = instruments,
                Owner = owner,
                Recipient = recipient,
                Origin = origin,
                IntendedUse = intendedUse,
            },
            []);
    }

    private Party? ReadParty(JsonElement root, string name, bool required)
    {
        if (f.Obj(root, name, "$", required) is not { } p)
        {
            return null;
        }

        var path = "$." + name;
        f.Known(p, path, "name", "nationality", "dateOfBirth", "documentNumber", "address");
        var partyName = f.Str(p, "name", path, required: true);

        // The bearer's identity is what FATF R.32 INR says must be kept for declarations over the threshold.
        var nationality = f.Country(p, "nationality", path, required: required);
        var documentNumber = f.Str(p, "documentNumber", path, required: required);
        var birth = f.Date(p, "dateOfBirth", path, required: false);
        var address = f.Str(p, "address", path, required: false);
        return partyName is null
            ? null
            : new Party { Name = partyName, Nationality = nationality, DocumentNumber = documentNumber, DateOfBirth = birth, Address = address };
    }

    private PaymentInstrument? ReadInstrument(JsonElement item, string path)
    {
        var kind = f.Enum<InstrumentKind>(item, "kind", path, required: true);
        switch (kind)
        {
            case null:
                return null;
            case InstrumentKind.Cash:
                {
                    f.Known(item, path, "kind", "currency", "amount", "denominations");
                    var money = ReadMoney(item, path);
                    var denominations = new List<Denomination>();
                    foreach (var (d, dPath) in f.Items(item, "denominations", path, required: false))
                    {
                        f.Known(d, dPath, "value", "count");
                        var value = f.Dec(d, "value", dPath, required: true, positive: true);
                        var count = f.Int(d, "count", dPath, required: true, min: 1);
                        if (value is { } v && count is { } c)
                        {
                            denominations.Add(new Denomination(v, c));
                        }
                    }

                    if (money is { } m && denominations.Count > 0 && denominations.Sum(d => d.Total) != m.Amount)
                    {
                        f.Add(path + ".denominations", string.Create(CultureInfo.InvariantCulture, $"the denominations add up to {denominations.Sum(d => d.Total)}, not the amount {m.Amount}"));
                    }

                    return money is { } amount ? new CashInstrument(amount) { Denominations = denominations } : null;
                }

            case InstrumentKind.TravellersCheques or InstrumentKind.Cheque or InstrumentKind.PromissoryNote:
                {
                    f.Known(item, path, "kind", "currency", "amount");
                    return ReadMoney(item, path) is { } amount ? new NegotiableInstrument(kind.Value, amount) : null;
                }

            case InstrumentKind.PrepaidCard:
                {
                    f.Known(item, path, "kind", "currency", "amount");
                    return ReadMoney(item, path) is { } amount ? new PrepaidCardInstrument(amount) : null;
                }

            case InstrumentKind.Securities:
                {
                    f.Known(item, path, "kind", "currency", "marketValue", "bookValue", "acquisitionValue");
                    var currency = f.Currency(item, "currency", path, required: true);
                    var market = f.Dec(item, "marketValue", path, required: false, positive: false);
                    var book = f.Dec(item, "bookValue", path, required: false, positive: false);
                    var acquisition = f.Dec(item, "acquisitionValue", path, required: false, positive: false);
                    if (!JsonFieldReader.Has(item, "marketValue") && !JsonFieldReader.Has(item, "bookValue") && !JsonFieldReader.Has(item, "acquisitionValue"))
                    {
                        f.Add(path + ".marketValue", "securities need at least one of marketValue, bookValue, acquisitionValue");
                    }

                    return currency is { } c ? new SecuritiesInstrument(c, market, book, acquisition) : null;
                }

            case InstrumentKind.PreciousMetal:
                {
                    f.Known(item, path, "kind", "metal", "form", "weightGrams", "purityPercent", "value", "currency");
                    var metal = f.Enum<Metal>(item, "metal", path, required: true);
                    var form = f.Enum<MetalForm>(item, "form", path, required: true);
                    var weight = f.Dec(item, "weightGrams", path, required: true, positive: true);
                    var purity = f.Dec(item, "purityPercent", path, required: true, positive: true);
                    if (purity > 100)
                    {
                        f.Add(path + ".purityPercent", "must not exceed 100");
                    }

                    Money? value = null;
                    var hasValue = JsonFieldReader.Has(item, "value");
                    var amount = f.Dec(item, "value", path, required: JsonFieldReader.Has(item, "currency"), positive: false);
                    var currency = f.Currency(item, "currency", path, required: hasValue);
                    if (amount is { } a && currency is { } c)
                    {
                        value = new Money(a, c);
                    }

                    return metal is { } mt && form is { } fm && weight is { } w && purity is { } p
                        ? new PreciousMetalInstrument(mt, fm, w, p) { Value = value }
                        : null;
                }

            default:
                f.Add(path + ".kind", $"'{kind}' has no reader");
                return null;
        }
    }

    private Money? ReadMoney(JsonElement item, string path)
    {
        var currency = f.Currency(item, "currency", path, required: true);
        var amount = f.Dec(item, "amount", path, required: true, positive: true);
        return currency is { } c && amount is { } a ? new Money(a, c) : null;
    }
}
