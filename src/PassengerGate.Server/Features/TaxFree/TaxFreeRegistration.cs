using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>Tax-free export confirmation (issue 12, docs/decisions/0021): the shop API and the webhook outbox.</summary>
public static class TaxFreeRegistration
{
    public static IServiceCollection AddTaxFree(this IServiceCollection services)
    {
        services.AddSingleton<TaxFreeStore>();
        services.AddSingleton<ShopCaller>();
        services.AddSingleton<SubmitPurchaseRecord>();
        services.AddSingleton<ShowPurchaseRecord>();
        services.AddSingleton<TaxFreeOutboxStore>();
        services.AddSingleton<TaxFreeWebhookSignal>();
        services.AddSingleton<DecideTaxFreeRecords>();
        services.AddOptions<TaxFreeWebhookOptions>().BindConfiguration(TaxFreeWebhookOptions.Section)
            .Validate(o => o.FirstRetrySeconds > 0 && o.MaxRetrySeconds >= o.FirstRetrySeconds && o.PollSeconds > 0 && o.TimeoutSeconds > 0 && o.LeaseSeconds > o.TimeoutSeconds,
                "TaxFree:Webhooks needs positive delays, MaxRetrySeconds >= FirstRetrySeconds and LeaseSeconds > TimeoutSeconds.")
            .ValidateOnStart();
        services.AddSingleton<TaxFreeWebhookDispatcher>();
        services.AddSingleton<TaxFreeDepartureQuery>();
        // The lane rules as data (docs/taxfree-rules.md §5); TaxFree:LaneRules overrides members of the defaults.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("TaxFree:LaneRules").Get<TaxFreeLaneRules>() ?? TaxFreeLaneRules.Default);
        services.AddSingleton<TaxFreeDepartureCheck>();
        services.AddSingleton<CheckTaxFreeAtKiosk>();
        services.AddSingleton<TaxFreeInspectionStore>();
        services.AddSingleton<DepartureSessionStore>();
        services.AddSingleton<InspectionAccess>();
        services.AddSingleton<ListInspections>();
        services.AddSingleton<MarkInspectedItem>();
        services.AddSingleton<CloseInspection>();
        services.AddSingleton<RecordTaxPayment>();
        services.AddHostedService(sp => sp.GetRequiredService<TaxFreeWebhookDispatcher>());
        services.AddOptions<TaxFreeRetentionOptions>().BindConfiguration(TaxFreeRetentionOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, "TaxFree:Retention needs a positive Retention and PurgeInterval.")
            .ValidateOnStart();
        services.AddSingleton<PurgeTaxFreePersonalData>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeTaxFreePersonalData>());
        return services;
    }

    public static IEndpointRouteBuilder MapTaxFree(this IEndpointRouteBuilder app)
    {
        // Shops authenticate with their own key, not a staff cookie: the endpoints take no anti-forgery token and
        // check the key themselves (ShopCaller), so a signed-in officer's browser cannot submit records either.
        app.MapPost(SubmitPurchaseRecord.Route, async (HttpRequest request, ShopCaller caller, SubmitPurchaseRecord handler, CancellationToken ct) =>
        {
            var shopId = await caller.ShopIdAsync(request, ct);
            if (shopId is null)
            {
                return ShopCaller.Unauthorized();
            }

            if (request.ContentLength > SubmitPurchaseRecord.MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            var buffer = new char[SubmitPurchaseRecord.MaxBodyBytes + 1];
            var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            if (length > SubmitPurchaseRecord.MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            return await handler.HandleAsync(shopId, new string(buffer, 0, length), ct);
        }).DisableAntiforgery().AllowAnonymous();
        app.MapGet(SubmitPurchaseRecord.Route + "/{recordId}", async (string recordId, HttpRequest request, ShopCaller caller, ShowPurchaseRecord handler, CancellationToken ct) =>
        {
            var shopId = await caller.ShopIdAsync(request, ct);
            return shopId is null ? ShopCaller.Unauthorized() : await handler.HandleAsync(shopId, recordId, ct);
        }).AllowAnonymous();
        app.MapConsumptionTaxNotices();
        return app;
    }
}
