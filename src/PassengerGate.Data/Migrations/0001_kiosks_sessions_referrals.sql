-- Forward-only. Applied by DbUp (DatabaseMigrator) at service start, by `pgate db migrate` and in tests.

CREATE TABLE kiosks (
    kiosk_id        text PRIMARY KEY CHECK (kiosk_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    -- SHA-256 of a 256-bit random secret; the secret itself is shown once by `pgate kiosk register`.
    credential_hash bytea NOT NULL CHECK (octet_length(credential_hash) = 32),
    location        text NOT NULL DEFAULT '',
    registered_at   timestamptz NOT NULL,
    revoked_at      timestamptz NULL,
    last_seen_at    timestamptz NULL,
    status          text NOT NULL DEFAULT 'offline',
    devices         jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE arrival_sessions (
    session_id  uuid PRIMARY KEY,
    kiosk_id    text NOT NULL REFERENCES kiosks (kiosk_id),
    state       text NOT NULL,
    lane        text NULL CHECK (lane IN ('green', 'red')),
    -- Number of transitions stored; writers must name the sequence they expect (optimistic concurrency).
    sequence    integer NOT NULL DEFAULT 0,
    document_number text NULL,
    holder_name text NULL,
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX arrival_sessions_open ON arrival_sessions (updated_at) WHERE lane IS NULL;

-- The audit trail: every transition with who/what caused it. Append-only (see trigger below).
CREATE TABLE session_transitions (
    session_id  uuid NOT NULL REFERENCES arrival_sessions (session_id),
    sequence    integer NOT NULL,
    from_state  text NOT NULL,
    to_state    text NOT NULL,
    trigger     text NOT NULL,
    actor       text NOT NULL,
    occurred_at timestamptz NOT NULL,
    reasons     jsonb NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (session_id, sequence)
);

-- Commands already processed, with the answer given: a kiosk that resends after a reconnect gets
-- the same answer and nothing is recorded twice.
CREATE TABLE processed_commands (
    command_id   uuid PRIMARY KEY,
    session_id   uuid NOT NULL REFERENCES arrival_sessions (session_id),
    response     jsonb NOT NULL,
    processed_at timestamptz NOT NULL
);

CREATE TABLE referrals (
    case_number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id  uuid NOT NULL UNIQUE REFERENCES arrival_sessions (session_id),
    kiosk_id    text NOT NULL REFERENCES kiosks (kiosk_id),
    reasons     jsonb NOT NULL,
    document_number text NULL,
    holder_name text NULL,
    raised_at   timestamptz NOT NULL,
    closed_at   timestamptz NULL
);
CREATE INDEX referrals_open ON referrals (raised_at) WHERE closed_at IS NULL;

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER session_transitions_append_only
    BEFORE UPDATE OR DELETE ON session_transitions
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
