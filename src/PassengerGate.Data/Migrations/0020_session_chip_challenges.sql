-- The Active Authentication challenge the service issues when a session opens (ICAO Doc 9303-11 §6.1):
-- the kiosk sends it to the chip and returns the chip's signature, which the service verifies itself.
-- One per session and never reused, so a chip response recorded elsewhere cannot be replayed.
CREATE TABLE session_chip_challenges (
    session_id uuid PRIMARY KEY REFERENCES arrival_sessions (session_id) ON DELETE CASCADE,
    challenge  bytea NOT NULL CHECK (octet_length(challenge) = 8),
    issued_at  timestamptz NOT NULL
);
