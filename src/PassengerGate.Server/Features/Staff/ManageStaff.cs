using Microsoft.AspNetCore.Mvc;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.Staff;

/// <summary>
/// The administrator page's API: list accounts, create one (a generated password is shown once),
/// disable or enable it, reset its password. Each change is audited in the same transaction.
/// Administrators manage accounts of their own airport only.
/// </summary>
public static class ManageStaff
{
    public static void MapStaffAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff/users").RequireAuthorization(StaffAuth.Policies.Administration);

        group.MapGet("", async (HttpContext http, StaffStore staff) =>
            Results.Ok((await staff.ListAsync(http.User.Airport(), http.RequestAborted)).Select(View)));

        group.MapPost("", async (
            HttpContext http,
            [FromForm(Name = "userName")] string? userName,
            [FromForm(Name = "role")] string? role,
            [FromForm(Name = "terminal")] string? terminal,
            StaffStore staff,
            AuditTrail audit,
            TimeProvider clock) =>
        {
            var name = (userName ?? "").Trim();
            if (!StaffRoles.IsUserName(name))
            {
                return Results.BadRequest(new { error = "a user name is lower-case letters, digits, '.', '_' or '-' (at most 64)" });
            }

            if (!StaffRoles.TryParse(role, out var parsedRole))
            {
                return Results.BadRequest(new { error = "role must be officer, departure, supervisor or administrator" });
            }

            var airport = http.User.Airport();
            var password = StaffPasswords.Generate();
            var t = string.IsNullOrWhiteSpace(terminal) ? null : terminal.Trim();
            var created = await staff.CreateAsync(
                new StaffStore.NewAccount(name, parsedRole.Name(), airport, t, StaffPasswords.Hash(password), clock.GetUtcNow()),
                audit.Record(http.User, AuditActions.UserCreated, "staff:" + name, new { role = parsedRole.Name(), airport, terminal = t }),
                http.RequestAborted);
            return created
                ? Results.Ok(new { userName = name, role = parsedRole.Name(), airport, terminal = t, password })
                : Results.Conflict(new { error = $"an account '{name}' exists" });
        });

        group.MapPost("/{userName}/disable", (HttpContext http, string userName, [FromForm(Name = "disabled")] bool? disabled, StaffStore staff, AuditTrail audit, TimeProvider clock) =>
            SetDisabledAsync(http, userName, disabled ?? true, staff, audit, clock));

        group.MapPost("/{userName}/reset-password", async (HttpContext http, string userName, [FromForm(Name = "confirm")] string? confirm, StaffStore staff, AuditTrail audit) =>
        {
            if (await OwnAirportAccountAsync(http, userName, staff) is null)
            {
                return Results.NotFound(new { error = $"no account '{userName}'" });
            }

            var password = StaffPasswords.Generate();
            await staff.ResetPasswordAsync(userName, StaffPasswords.Hash(password), audit.Record(http.User, AuditActions.UserPasswordReset, "staff:" + userName, new { }), http.RequestAborted);
            return Results.Ok(new { userName, password });
        });
    }

    private static async Task<IResult> SetDisabledAsync(HttpContext http, string userName, bool disabled, StaffStore staff, AuditTrail audit, TimeProvider clock)
    {
        if (await OwnAirportAccountAsync(http, userName, staff) is null)
        {
            return Results.NotFound(new { error = $"no account '{userName}'" });
        }

        if (disabled && string.Equals(userName, http.User.UserName(), StringComparison.Ordinal))
        {
            return Results.BadRequest(new { error = "an administrator cannot disable their own account" });
        }

        await staff.SetDisabledAsync(userName, disabled, clock.GetUtcNow(), audit.Record(http.User, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, "staff:" + userName, new { }), http.RequestAborted);
        return Results.Ok(new { userName, disabled });
    }

    private static async Task<StaffStore.StaffRow?> OwnAirportAccountAsync(HttpContext http, string userName, StaffStore staff) =>
        await staff.FindAsync(userName, http.RequestAborted) is { } account && account.Airport == http.User.Airport() ? account : null;

    private static object View(StaffStore.StaffRow a) => new
    {
        userName = a.UserName,
        role = a.Role,
        airport = a.Airport,
        terminal = a.Terminal,
        disabled = a.DisabledAt is not null,
        locked = a.LockedUntil is not null,
        createdAt = new DateTimeOffset(a.CreatedAt, TimeSpan.Zero),
    };
}
