using System.Globalization;
using System.Text.Json;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Arrival;

/// <summary>Schema version 1 of docs/arrival-declaration-schema.md. Collects every error; never throws.</summary>
internal sealed class DeclarationReaderV1
{
    private readonly List<DeclarationError> errors = [];

    public DeclarationReadResult Read(JsonElement root)
    {
        Known(root, "$", "schemaVersion", "groupId", "declarant", "header", "answers", "unaccompaniedPackages", "goods");
        var groupId = Str(root, "groupId", "$", required: false);
        var declarant = ReadDeclarant(root);
        var header = ReadHeader(root);
        var answers = ReadAnswers(root);
        var packages = Int(root, "unaccompaniedPackages", "$", required: false);
        var goods = ReadGoods(root);

        if (answers is not null)
        {
            if (answers.UnaccompaniedBaggage && packages < 1)
            {
                errors.Add(new DeclarationError("$.unaccompaniedPackages", "answers.unaccompaniedBaggage is yes: give the number of packages (at least 1)"));
            }
            else if (!answers.UnaccompaniedBaggage && packages > 0)
            {
                errors.Add(new DeclarationError("$.answers.unaccompaniedBaggage", "packages are counted but the answer is no"));
            }
        }

        if (errors.Count > 0 || declarant is null || header is null || answers is null || goods is null)
        {
            return new DeclarationReadResult(null, errors);
        }

        return new DeclarationReadResult(
            new ArrivalDeclaration
            {
                SchemaVersion = 1,
                GroupId = groupId,
                Declarant = declarant,
                Header = header,
                Answers = answers,
                UnaccompaniedPackages = packages,
                Goods = goods,
            },
            []);
    }

    private Declarant? ReadDeclarant(JsonElement root)
    {
        if (Obj(root, "declarant", "$", required: true) is not { } d)
        {
            return null;
        }

        const string path = "$.declarant";
        Known(d, path, "role", "guardianName");
        var role = Enum<DeclarantRole>(d, "role", path, required: true);
        var guardian = Str(d, "guardianName", path, required: false);
        if (role == DeclarantRole.Guardian && string.IsNullOrWhiteSpace(guardian))
        {
            errors.Add(new DeclarationError(path + ".guardianName", "required when the role is guardian"));
        }

        return role is { } r ? new Declarant(r, guardian) : null;
    }

    private DeclarationHeader? ReadHeader(JsonElement root)
    {
        if (Obj(root, "header", "$", required: true) is not { } h)
        {
            return null;
        }

        const string path = "$.header";
        Known(h, path, "flightOrVessel", "embarkationPoint", "arrivalDate", "name", "addressInJapan", "phone", "nationality", "occupation", "dateOfBirth", "passportNumber", "family", "residentOfJapan");
        var flight = Str(h, "flightOrVessel", path, required: true);
        var embarkation = Str(h, "embarkationPoint", path, required: true);
        var arrival = Date(h, "arrivalDate", path, required: true);
        var name = Str(h, "name", path, required: true);
        var address = Str(h, "addressInJapan", path, required: true);
        var phone = Str(h, "phone", path, required: false) ?? "";
        var nationality = Str(h, "nationality", path, required: true);
        var occupation = Str(h, "occupation", path, required: false) ?? "";
        var birth = Date(h, "dateOfBirth", path, required: true);
        var passport = Str(h, "passportNumber", path, required: true);
        var resident = Bool(h, "residentOfJapan", path, required: false);
        FamilyBands family = new(0, 0, 0);
        if (Obj(h, "family", path, required: false) is { } f)
        {
            Known(f, path + ".family", "aged20OrOver", "aged6To19", "under6");
            family = new FamilyBands(Int(f, "aged20OrOver", path + ".family", false), Int(f, "aged6To19", path + ".family", false), Int(f, "under6", path + ".family", false));
        }

        if (nationality is not null && !IsIcaoNationality(nationality))
        {
            errors.Add(new DeclarationError(path + ".nationality", $"'{nationality}' is not an ICAO alpha-3 code as printed in an MRZ (e.g. JPN, USA, D)"));
        }

        if (birth is { } b && arrival is { } a && b > a)
        {
            errors.Add(new DeclarationError(path + ".dateOfBirth", "is after the arrival date"));
        }

        if (flight is null || embarkation is null || arrival is null || name is null || address is null || nationality is null || birth is null || passport is null)
        {
            return null;
        }

        return new DeclarationHeader
        {
            FlightOrVessel = flight,
            EmbarkationPoint = embarkation,
            ArrivalDate = arrival.Value,
            Name = name,
            AddressInJapan = address,
            Phone = phone,
            Nationality = nationality.TrimEnd('<'),
            Occupation = occupation,
            DateOfBirth = birth.Value,
            PassportNumber = passport,
            Family = family,
            ResidentOfJapan = resident,
        };
    }

    private DeclarationAnswers? ReadAnswers(JsonElement root)
    {
        if (Obj(root, "answers", "$", required: true) is not { } a)
        {
            return null;
        }

        const string path = "$.answers";
        Known(a, path, "prohibitedOrRestricted", "goldBullionOrProducts", "overDutyFreeAllowance", "commercialGoodsOrSamples", "carriedForSomeoneElse", "paymentMeansOverThreshold", "unaccompaniedBaggage");
        var prohibited = Bool(a, "prohibitedOrRestricted", path, required: true);
        var gold = Bool(a, "goldBullionOrProducts", path, required: true);
        var over = Bool(a, "overDutyFreeAllowance", path, required: true);
        var commercial = Bool(a, "commercialGoodsOrSamples", path, required: true);
        var forOthers = Bool(a, "carriedForSomeoneElse", path, required: true);
        var payment = Bool(a, "paymentMeansOverThreshold", path, required: true);
        var unaccompanied = Bool(a, "unaccompaniedBaggage", path, required: true);
        if (prohibited is null || gold is null || over is null || commercial is null || forOthers is null || payment is null || unaccompanied is null)
        {
            return null;
        }

        return new DeclarationAnswers
        {
            ProhibitedOrRestricted = prohibited.Value,
            GoldBullionOrProducts = gold.Value,
            OverDutyFreeAllowance = over.Value,
            CommercialGoodsOrSamples = commercial.Value,
            CarriedForSomeoneElse = forOthers.Value,
            PaymentMeansOverThreshold = payment.Value,
            UnaccompaniedBaggage = unaccompanied.Value,
        };
    }

    private DeclaredGoods? ReadGoods(JsonElement root)
    {
        if (Obj(root, "goods", "$", required: false) is not { } g)
        {
            return new DeclaredGoods();
        }

        const string path = "$.goods";
        Known(g, path, "alcohol", "cigarettes", "cigars", "heatedTobacco", "otherTobaccoGrams", "perfumeMl", "otherGoods");
        var alcohol = new List<AlcoholLine>();
        foreach (var (item, itemPath) in Items(g, "alcohol", path))
        {
            Known(item, itemPath, "kind", "bottles", "volumeMlPerBottle");
            var kind = Enum<AlcoholKind>(item, "kind", itemPath, required: true);
            var bottles = Int(item, "bottles", itemPath, required: true, min: 1);
            var volume = Int(item, "volumeMlPerBottle", itemPath, required: true, min: 1);
            if (kind is { } k)
            {
                alcohol.Add(new AlcoholLine(k, bottles, volume));
            }
        }

        var heated = HeatedTobacco.None;
        if (Obj(g, "heatedTobacco", path, required: false) is { } ht)
        {
            var htPath = path + ".heatedTobacco";
            Known(ht, htPath, "packs", "unitsPerPack", "unit");
            var packs = Int(ht, "packs", htPath, required: true);
            var units = ht.TryGetProperty("unitsPerPack", out var u) && u.ValueKind != JsonValueKind.Null ? Int(ht, "unitsPerPack", htPath, required: true, min: 1) : HeatedTobacco.None.UnitsPerPack;
            var unit = Enum<HeatedTobaccoUnit>(ht, "unit", htPath, required: false) ?? HeatedTobaccoUnit.Stick;
            heated = new HeatedTobacco(packs, units, unit);
        }

        var other = new List<OtherGoodsLine>();
        foreach (var (item, itemPath) in Items(g, "otherGoods", path))
        {
            Known(item, itemPath, "description", "kind", "quantity", "unitRetailValue", "currency", "isSet", "forChild", "exclusion");
            var description = Str(item, "description", itemPath, required: true);
            var kind = Str(item, "kind", itemPath, required: false);
            var quantity = Int(item, "quantity", itemPath, required: true, min: 1);
            var value = Dec(item, "unitRetailValue", itemPath, required: true);
            var currencyText = Str(item, "currency", itemPath, required: true);
            var isSet = Bool(item, "isSet", itemPath, required: false) ?? false;
            var forChild = Bool(item, "forChild", itemPath, required: false) ?? false;
            var exclusion = Enum<SimplifiedExclusion>(item, "exclusion", itemPath, required: false);
            CurrencyCode currency = default;
            if (currencyText is not null && !CurrencyCode.TryParse(currencyText, out currency))
            {
                errors.Add(new DeclarationError(itemPath + ".currency", $"'{currencyText}' is not an ISO 4217 code (three capital letters)"));
            }

            if (value is < 0)
            {
                errors.Add(new DeclarationError(itemPath + ".unitRetailValue", "must not be negative"));
            }

            if (description is not null && value is { } v && currency != default)
            {
                other.Add(new OtherGoodsLine
                {
                    Description = description,
                    Kind = kind,
                    Quantity = quantity,
                    UnitRetailValue = new Money(v, currency),
                    IsSet = isSet,
                    ForChild = forChild,
                    Exclusion = exclusion,
                });
            }
        }

        var perfume = Dec(g, "perfumeMl", path, required: false) ?? 0m;
        if (perfume < 0)
        {
            errors.Add(new DeclarationError(path + ".perfumeMl", "must not be negative"));
        }

        return new DeclaredGoods
        {
            Alcohol = alcohol,
            Cigarettes = Int(g, "cigarettes", path, required: false),
            Cigars = Int(g, "cigars", path, required: false),
            HeatedTobacco = heated,
            OtherTobaccoGrams = Int(g, "otherTobaccoGrams", path, required: false),
            PerfumeMl = perfume,
            OtherGoods = other,
        };
    }

    private static bool IsIcaoNationality(string code) =>
        code.Length is >= 1 and <= 3 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || c == '<');

    private void Known(JsonElement obj, string path, params string[] names)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new DeclarationError($"{path}.{property.Name}", "unknown field"));
            }
        }
    }

    private bool TryGet(JsonElement obj, string name, string path, bool required, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            errors.Add(new DeclarationError($"{path}.{name}", "required"));
        }

        return false;
    }

    private JsonElement? Obj(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DeclarationError($"{path}.{name}", "expected an object"));
            return null;
        }

        return value;
    }

    private IEnumerable<(JsonElement Item, string Path)> Items(JsonElement obj, string name, string path)
    {
        if (!TryGet(obj, name, path, required: false, out var value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new DeclarationError($"{path}.{name}", "expected an array"));
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]");
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DeclarationError(itemPath, "expected an object"));
                continue;
            }

            yield return (item, itemPath);
        }
    }

    private string? Str(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new DeclarationError($"{path}.{name}", "expected a string"));
            return null;
        }

        var text = value.GetString()!.Trim();
        if (required && text.Length == 0)
        {
            errors.Add(new DeclarationError($"{path}.{name}", "required: must not be empty"));
            return null;
        }

        return text;
    }

    private bool? Bool(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new DeclarationError($"{path}.{name}", "expected true or false"));
            return null;
        }

        return value.GetBoolean();
    }

    private int Int(JsonElement obj, string name, string path, bool required, int min = 0)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors.Add(new DeclarationError($"{path}.{name}", "expected a whole number"));
            return 0;
        }

        if (number < min)
        {
            errors.Add(new DeclarationError($"{path}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be at least {min}")));
            return 0;
        }

        return number;
    }

    private decimal? Dec(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            errors.Add(new DeclarationError($"{path}.{name}", "expected a number"));
            return null;
        }

        return number;
    }

    private DateOnly? Date(JsonElement obj, string name, string path, bool required)
    {
        var text = Str(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new DeclarationError($"{path}.{name}", $"'{text}' is not a yyyy-MM-dd date"));
            return null;
        }

        return date;
    }

    private T? Enum<T>(JsonElement obj, string name, string path, bool required)
        where T : struct, Enum
    {
        var text = Str(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(DeclarationJson.EnumName(candidate), text, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<T>().Select(DeclarationJson.EnumName));
        errors.Add(new DeclarationError($"{path}.{name}", $"'{text}' is not one of: {allowed}"));
        return null;
    }
}
