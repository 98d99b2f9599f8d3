using System.Collections.Concurrent;
using Npgsql;

namespace PassengerGate.Data.Caching;

/// <summary>
/// The service's in-memory copy of data that every passenger's session reads and that changes rarely: kiosk
/// credentials and revocations, the customs weekly rates, the risk rules, the watchlist and the selection seed
/// (docs/decisions/0028). Statement triggers on those tables (migration 0200) send <c>NOTIFY passengergate_reference</c>
/// with the table's name on every change, whoever makes it — this service, another node, <c>pgate</c> or a hand-typed
/// statement. <see cref="ListenAsync"/> keeps one unpooled connection listening and moves the table's generation on;
/// an entry loaded under an older generation is never served again.
/// <para>
/// Fail safe: while the listening connection is not established, nothing is served from memory (every read goes to
/// the database, as without the cache), and every entry is also re-read after <see cref="MaxAge"/>, so a lost
/// notification costs at most that long. A write through this process's stores also invalidates at once, without
/// waiting for its own notification.
/// </para>
/// </summary>
public sealed class ReferenceDataCache
{
    public const string Channel = "passengergate_reference";

    private readonly ConcurrentDictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private volatile bool _listening;

    /// <param name="maxAge">How long an entry may be served at most (default 30 s); measured on the monotonic clock,
    /// not the airport clock a test may move.</param>
    public ReferenceDataCache(TimeSpan? maxAge = null)
    {
        MaxAge = maxAge ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The longest an entry is served without being read again, notification or not.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>True while the listening connection is up; only then are entries served.</summary>
    public bool IsListening => _listening;

    /// <summary>Notifications received since start (for tests and the operator's metrics).</summary>
    public long NotificationsReceived => Interlocked.Read(ref _notifications);

    private long _notifications;

    /// <summary>Raised with the table's name (the notification's payload) for each change announced.</summary>
    public event Action<string>? Changed;

    /// <summary>
    /// The value cached for <paramref name="key"/> of <paramref name="table"/>, or <paramref name="load"/>'s result,
    /// kept when no change of the table was announced while it was being read.
    /// </summary>
    public async Task<T> GetAsync<T>(string table, string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        var entries = _tables.GetOrAdd(table, _ => new Table());
        var generation = Volatile.Read(ref entries.Generation);
        var now = Environment.TickCount64;
        if (_listening && entries.Entries.TryGetValue(key, out var hit) && hit.Generation == generation && now - hit.LoadedAt < (long)MaxAge.TotalMilliseconds)
        {
            return (T)hit.Value!;
        }

        var value = await load(ct);
        if (_listening && Volatile.Read(ref entries.Generation) == generation)
        {
            if (entries.Entries.Count >= 256)
            {
                entries.Entries.Clear();
            }

            entries.Entries[key] = new Entry(value, generation, now);
        }

        return value;
    }

    /// <summary>Forgets everything cached of <paramref name="table"/>, and any read of it now in flight.</summary>
    public void Invalidate(string table)
    {
        var entries = _tables.GetOrAdd(table, _ => new Table());
        Interlocked.Increment(ref entries.Generation);
        entries.Entries.Clear();
    }

    private void InvalidateAll()
    {
        foreach (var name in _tables.Keys)
        {
            Invalidate(name);
        }
    }

    /// <summary>
    /// Listens for changes until <paramref name="ct"/> is cancelled, reconnecting after a failure. The connection is
    /// its own, outside the pool (decision 0024's addendum: no LISTEN on a pooled connection).
    /// </summary>
    public async Task ListenAsync(string connectionString, Action<Exception>? onError, CancellationToken ct)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(unpooled);
                connection.Notification += (_, e) =>
                {
                    Interlocked.Increment(ref _notifications);
                    Invalidate(e.Payload);
                    Changed?.Invoke(e.Payload);
                };
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                // Anything read before this moment may have missed a change.
                InvalidateAll();
                _listening = true;
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or InvalidOperationException or TimeoutException)
            {
                onError?.Invoke(ex);
            }
            finally
            {
                _listening = false;
                InvalidateAll();
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private sealed class Table
    {
        public readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
        public long Generation;
    }

    private sealed record Entry(object? Value, long Generation, long LoadedAt);
}
