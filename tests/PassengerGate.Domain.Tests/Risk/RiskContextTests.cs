using System.Reflection;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.Tests.Arrival;

namespace PassengerGate.Domain.Tests.Risk;

public class RiskContextTests
{
    private static readonly string[] Forbidden = ["face", "portrait", "image", "biometric", "photo", "liveness", "template"];

    [Fact]
    public void Risk_rules_can_never_see_biometric_data()
    {
        // DOMAIN.md §1 "Electronic flow" and §5 rule 8: face images are used only for matching and then deleted.
        // Walk every property reachable from RiskContext (and what the screen takes besides) and refuse any that could carry them.
        var seen = new HashSet<Type>();
        var names = new List<string>();
        Walk(typeof(RiskContext), seen, names);
        Walk(typeof(WatchlistEntry), seen, names);
        Walk(typeof(AdvancePassengerRecord), seen, names);
        Walk(typeof(RiskRule), seen, names);

        Assert.Contains("RiskContext.Traveller", names);
        Assert.Contains("TravellerIdentity.DateOfBirth", names);
        Assert.DoesNotContain(names, n => Forbidden.Any(f => n.Contains(f, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(seen, t => t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>) || t == typeof(Stream));
    }

    private static void Walk(Type type, HashSet<Type> seen, List<string> names)
    {
        if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum || type == typeof(DateOnly))
        {
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Walk(argument, seen, names);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            names.Add(type.Name + "." + property.Name);
            Walk(property.PropertyType, seen, names);
        }
    }

    [Fact]
    public void The_context_of_an_arrival_takes_identity_from_the_MRZ_and_route_from_the_declaration()
    {
        // Doc 9303 Part 4 App. B specimen (tech.md §1.3): ERIKSSON, ANNA MARIA, L898902C3, UTO, born 1974-08-12.
        var mrz = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], new DateOnly(2010, 1, 1));
        var declaration = Declarations.Adult() with { Header = Declarations.Adult().Header with { FlightOrVessel = "nh 009", EmbarkationPoint = "lax" } };
        var assessment = ArrivalAssessor.Assess(declaration, ArrivalRuleBook.Japan, PassengerGate.Domain.Currency.CustomsRateTable.Empty, Declarations.ArrivalDay);

        var context = RiskContext.For(mrz, declaration, assessment);

        Assert.Equal("L898902C3", context.Traveller.DocumentNumber);
        Assert.Equal("ERIKSSON", context.Traveller.Surname);
        Assert.Equal(new DateOnly(1974, 8, 12), context.Traveller.DateOfBirth);
        Assert.Equal("NH9", context.Flight);
        Assert.Equal("LAX", context.EmbarkationPoint);
        Assert.False(context.Declaration.DeclaredAnything);
        var withGoods = declaration with { Goods = new DeclaredGoods { Cigarettes = 20 } };
        Assert.True(DeclarationSummary.From(withGoods, assessment).DeclaredAnything);
    }
}
