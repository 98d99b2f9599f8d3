using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate risk rules set FILE.json`: validates a rules document and saves it as the next version.</summary>
public sealed class RiskRulesSetCommand : ICliCommand
{
    public string Path => "risk rules set";

    public string Usage => "FILE.json [--db CONNECTION]";

    public string Summary => "Validate a risk rules document (docs/decisions/0003-risk-rules-and-selection.md) and save it as the rules in force; earlier versions are kept.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (RiskCliSupport.FileAndDb(args, context, Path, Usage, out var exit) is not { } input)
        {
            return exit;
        }

        var (_, file, db) = input;

        var read = RiskRulesJson.Read(await File.ReadAllTextAsync(file));
        if (read.RuleSet is null)
        {
            foreach (var error in read.Errors)
            {
                context.Error.WriteLine($"pgate: {file}: {error.Path}: {error.Message}");
            }

            return context.Usage($"{Path}: {file} is not a valid rules document ({read.Errors.Count} error(s)); nothing was saved");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var version = await new RiskDataStore(dataSource).SaveRulesAsync(read.RuleSet, context.Clock.GetUtcNow(), CancellationToken.None);
        context.WriteJson(new
        {
            file,
            version,
            randomSelectionRate = read.RuleSet.RandomSelectionRate,
            rules = read.RuleSet.Rules.Select(r => new { id = r.Id, kind = RiskRulesJson.KindName(r.Condition.Kind), enabled = r.Enabled }),
        });
        return 0;
    }
}
