using PassengerGate.Data.PreDeclarations;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>The pre-declaration feature: phone page API (arrival and currency declarations), QR signing with rotating keys, published keys, purge.</summary>
public static class PreDeclarationsRegistration
{
    public static IServiceCollection AddPreDeclarations(this IServiceCollection services)
    {
        services.AddOptions<PreDeclarationOptions>()
            .BindConfiguration(PreDeclarationOptions.Section)
            .Validate(o => o.KeySigningPeriod > o.KeyPublishAhead, "PreDeclarations:KeySigningPeriod must be longer than KeyPublishAhead.")
            .Validate(o => o.MaxDaysAhead >= 0 && o.UnusedRetention > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, "PreDeclarations: MaxDaysAhead must not be negative; retention and intervals must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PreDeclarationStore>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<IssuePreDeclaration>();
        services.AddSingleton<IssueCurrencyPreDeclaration>();
        services.AddSingleton<PreDeclarationQrImage>();
        services.AddSingleton<ListPublishedKeys>();
        services.AddSingleton<PurgeUnusedPreDeclarations>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeUnusedPreDeclarations>());
        return services;
    }

    public static IEndpointRouteBuilder MapPreDeclarations(this IEndpointRouteBuilder app)
    {
        app.MapPost(IssuePreDeclaration.Route, async (HttpRequest request, IssuePreDeclaration handler, CancellationToken ct) =>
        {
            if (request.ContentLength > IssuePreDeclaration.MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var body = await ReadBoundedAsync(request.Body, IssuePreDeclaration.MaxBodyBytes, ct);
            return body is null ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge) : await handler.HandleAsync(body, ct);
        });
        app.MapPost(IssueCurrencyPreDeclaration.Route, async (HttpRequest request, IssueCurrencyPreDeclaration handler, CancellationToken ct) =>
        {
            if (request.ContentLength > IssuePreDeclaration.MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var body = await ReadBoundedAsync(request.Body, IssuePreDeclaration.MaxBodyBytes, ct);
            return body is null ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge) : await handler.HandleAsync(body, ct);
        });
        app.MapGet(ListPublishedKeys.Route, async (HttpResponse response, ListPublishedKeys handler, CancellationToken ct) =>
        {
            // Kiosks poll this; a few minutes of caching is far inside the publish-ahead window of a new key.
            response.Headers.CacheControl = "public, max-age=300";
            return Results.Ok(await handler.HandleAsync(ct));
        });
        app.MapGet(IssuePreDeclaration.Route + "/{id:guid}/qr.png", (Guid id, HttpResponse response, PreDeclarationQrImage handler, CancellationToken ct) => handler.HandleAsync(id, response, ct));
        return app;
    }

    private static async Task<string?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
