using System.Net;
using System.Net.Sockets;

namespace PassengerGate.Cli.Face;

/// <summary>
/// Serves folders over http://127.0.0.1:PORT/ for the headless browser (loopback is a secure context,
/// so the page may use the camera and WASM). Only GET of files under the mapped folders; nothing is listed.
/// </summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".map"] = "application/json",
        // tfjs compiles its backend with WebAssembly.instantiateStreaming, which refuses any other type.
        [".wasm"] = "application/wasm",
        [".bin"] = "application/octet-stream",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
    };

    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string> _roots;
    private readonly Task _loop;

    private StaticFileServer(IReadOnlyDictionary<string, string> roots, int port)
    {
        _roots = roots;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts a server mapping each URL prefix ("ui", "images") to a folder.</summary>
    public static StaticFileServer Start(IReadOnlyDictionary<string, string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var full = roots.ToDictionary(r => r.Key, r => Path.GetFullPath(r.Value), StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new StaticFileServer(full, FreePort());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and listening: probe again.
            }
        }
    }

    public Uri Url(string prefix, string relativePath) => new(BaseAddress, $"{prefix}/{relativePath}");

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // The listener was closed while waiting for a request: that is how the loop ends.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var file = Resolve(context.Request.Url?.AbsolutePath ?? "/");
            if (context.Request.HttpMethod != "GET" || file is null || !File.Exists(file))
            {
                response.StatusCode = 404;
                return;
            }

            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.Headers["Cache-Control"] = "no-store";
            var bytes = await File.ReadAllBytesAsync(file);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away mid-response; nothing to tell it.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already closed by the client.
            }
        }
    }

    private string? Resolve(string urlPath)
    {
        var path = Uri.UnescapeDataString(urlPath).TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !_roots.TryGetValue(path[..slash], out var root))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, path[(slash + 1)..]));
        // No "../" escapes from the mapped folder.
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
