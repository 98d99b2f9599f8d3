-- The departure tax-free check session (issue 12 point 5; docs/decisions/0021, "The departure session"), persisted like
-- the arrival session: its state and lane, and every transition of the Stateless machine (Domain/Sessions/DepartureSession)
-- append-only with who caused it. The id is the kiosk session that verified the passport; no personal data is kept here
-- (the passport stays on the arrival session, purged on its schedule), so the row is kept for the audit.
CREATE TABLE departure_sessions (
    session_id  uuid PRIMARY KEY,
    kiosk_id    text NOT NULL REFERENCES kiosks (kiosk_id),
    airport     text NOT NULL CHECK (airport ~ '^[A-Z]{3}$'),
    state       text NOT NULL,
    lane        text NULL CHECK (lane IN ('green', 'red')),
    sequence    integer NOT NULL,
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE departure_session_transitions (
    session_id  uuid NOT NULL REFERENCES departure_sessions (session_id),
    sequence    integer NOT NULL,
    from_state  text NOT NULL,
    to_state    text NOT NULL,
    trigger     text NOT NULL,
    actor       text NOT NULL,
    occurred_at timestamptz NOT NULL,
    reasons     jsonb NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (session_id, sequence)
);

CREATE TRIGGER departure_session_transitions_append_only
    BEFORE UPDATE OR DELETE ON departure_session_transitions
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
