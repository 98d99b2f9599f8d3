using System.Globalization;
using PassengerGate.Data.Risk;
using Microsoft.Extensions.DependencyInjection;
using PassengerGate.Domain.Risk;
using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>
/// A service with no risk rules or no selection seed refers everyone (fail-safe). Tests that expect
/// green install a rule set (the watchlist rules) with the given random-selection rate and a seed.
/// </summary>
public static class RiskSetup
{
    public static async Task InstallAsync(IServiceProvider services, double randomRate)
    {
        var json = $$"""
            {
              "randomSelectionRate": {{randomRate.ToString(CultureInfo.InvariantCulture)}},
              "rules": [
                { "id": "document-on-watchlist", "kind": "documentOnWatchlist", "reason": "the travel document is on the watchlist",
                  "enabled": true, "validFrom": "2020-01-01", "validTo": null, "source": "test" },
                { "id": "lost-or-stolen-document", "kind": "documentLostOrStolen", "reason": "the travel document is on the lost/stolen document list",
                  "enabled": true, "validFrom": "2020-01-01", "validTo": null, "source": "test" }
              ]
            }
            """;
        var read = RiskRulesJson.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var store = services.GetRequiredService<RiskDataStore>();
        var now = TimeProvider.System.GetUtcNow();
        await store.SaveRulesAsync(read.RuleSet!, now, default);
        if (await store.CurrentSeedAsync(DateOnly.FromDateTime(now.UtcDateTime), default) is not null)
        {
            return;
        }

        await store.CreateSeedAsync(new SelectionSeed("test-seed", System.Security.Cryptography.RandomNumberGenerator.GetBytes(SelectionSeed.SecretBytes), new DateOnly(2020, 1, 1), null), now, default);
    }
}
