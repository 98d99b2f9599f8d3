-- The Chip Authentication key agreement the service issues during a session's chip read (ICAO Doc 9303-11 §6.2):
-- the session keys agreed with the service's ephemeral key and the DG14's public key, and the hash of that DG14.
-- Only the service holds them, so only it can check the chip's answers; they are worthless once the chip is
-- removed (the chip's CA session ends with it) and go with the session (ON DELETE CASCADE).
CREATE TABLE session_chip_authentications (
    session_id     uuid PRIMARY KEY REFERENCES arrival_sessions (session_id) ON DELETE CASCADE,
    algorithm      text NOT NULL,
    encryption_key bytea NOT NULL,
    mac_key        bytea NOT NULL,
    dg14_hash      bytea NOT NULL CHECK (octet_length(dg14_hash) = 32),
    issued_at      timestamptz NOT NULL
);
