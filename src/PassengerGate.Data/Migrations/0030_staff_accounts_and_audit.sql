-- Staff identity (issue 9): accounts, roles, airport scope, lockout; and the hash-chained audit trail.

-- Kiosks belong to an airport, so staff of one airport see only their own kiosks and cases.
ALTER TABLE kiosks ADD COLUMN airport text NOT NULL DEFAULT 'NRT' CHECK (airport ~ '^[A-Z]{3}$');

CREATE TABLE staff_accounts (
    user_name       text PRIMARY KEY CHECK (user_name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    role            text NOT NULL CHECK (role IN ('officer', 'departure', 'supervisor', 'administrator')),
    airport         text NOT NULL CHECK (airport ~ '^[A-Z]{3}$'),
    terminal        text NULL,
    -- ASP.NET Core Identity's PasswordHasher format (PBKDF2, salted, iteration count inside).
    password_hash   text NOT NULL,
    created_at      timestamptz NOT NULL,
    disabled_at     timestamptz NULL,
    failed_sign_ins integer NOT NULL DEFAULT 0,
    locked_until    timestamptz NULL,
    -- Changes whenever the password, role or state changes: open sessions carrying an older stamp are refused.
    security_stamp  uuid NOT NULL
);

-- Every staff action and every automatic decision. Each row carries the previous row's hash and
-- its own (SHA-256 over a canonical encoding, see docs/decisions/0011), so an altered or deleted
-- row breaks the chain; `pgate audit verify` walks it.
CREATE TABLE audit_events (
    id          bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    actor_kind  text NOT NULL,
    action      text NOT NULL,
    subject     text NOT NULL,
    airport     text NULL,
    detail      text NOT NULL,
    prev_hash   bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash        bytea NOT NULL UNIQUE CHECK (octet_length(hash) = 32)
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_actor ON audit_events (actor, id);

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
