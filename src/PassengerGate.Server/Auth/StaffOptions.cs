namespace PassengerGate.Server.Auth;

/// <summary>Staff sign-in settings (configuration section "Staff").</summary>
public sealed class StaffOptions
{
    /// <summary>A console left alone this long must sign in again (sliding: every request renews it).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Origins (scheme://host:port) whose pages may open the staff hubs besides the service's own.
    /// A browser always sends Origin on a WebSocket upgrade; a hub request from another origin is refused.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];
}
