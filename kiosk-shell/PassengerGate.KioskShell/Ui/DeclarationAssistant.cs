using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Service;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// What the declaration form asks of the service while the traveller fills it (decision 0020): the currencies the picker
/// may offer and the running assessment, both computed by the service, so no duty rule lives in the kiosk. A failure is
/// never a guess: the picker falls back to yen alone and the assessment to none shown.
/// </summary>
public sealed class DeclarationAssistant(ServiceLink link, IOptions<KioskOptions> options, ILogger<DeclarationAssistant> logger)
{
    public async Task<IReadOnlyList<string>> CurrenciesAsync(CancellationToken ct)
    {
        try
        {
            return (await link.GetDeclarationCurrenciesAsync(options.Value.ServiceDeadline, ct)).Currencies;
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Declaration currencies not loaded, offering yen only: {Message}", ex.Message);
            return ["JPY"];
        }
    }

    public async Task<DraftAssessment?> AssessAsync(string declarationJson, CancellationToken ct)
    {
        try
        {
            return await link.Hub(options.Value.ServiceDeadline, ct).AssessDeclarationDraft(new AssessDeclarationDraft(declarationJson));
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Running assessment not available: {Message}", ex.Message);
            return null;
        }
    }
}
