-- Forward-only. Pre-declarations made on a phone before arrival (docs/decisions/0002-signed-predeclaration-qr.md).

-- One row per traveller (DOMAIN.md §1: one QR per person); members of one family share group_id.
-- An unused row is purged 72 hours after issue, as Canada's advance declaration is (anchors.md).
CREATE TABLE predeclarations (
    predeclaration_id uuid PRIMARY KEY,
    group_id          text NULL CHECK (group_id IS NULL OR length(group_id) BETWEEN 1 AND 64),
    -- The validated declaration in the JSON of docs/arrival-declaration-schema.md, as signed into the QR.
    declaration       jsonb NOT NULL,
    qr_text           text NOT NULL,
    kid               text NOT NULL,
    issued_at         timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL CHECK (expires_at > issued_at),
    -- Set when a kiosk takes the pre-declaration into an arrival session; used rows are not purged.
    used_at           timestamptz NULL
);
CREATE INDEX predeclarations_unused ON predeclarations (issued_at) WHERE used_at IS NULL;
CREATE INDEX predeclarations_group ON predeclarations (group_id) WHERE group_id IS NOT NULL;

-- The ES256 keys that sign pre-declaration QRs. A key signs from not_before until signs_until and
-- still verifies until not_after (signs_until + the QR lifetime), so rotation never strands a QR.
-- generation numbers the keys; UNIQUE makes two service nodes that rotate at once store one successor.
CREATE TABLE predeclaration_signing_keys (
    kid               text PRIMARY KEY,
    generation        integer NOT NULL UNIQUE CHECK (generation >= 1),
    private_key_pkcs8 bytea NOT NULL,
    public_key_spki   bytea NOT NULL UNIQUE,
    not_before        timestamptz NOT NULL,
    signs_until       timestamptz NOT NULL,
    not_after         timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    CHECK (not_before < signs_until AND signs_until <= not_after)
);
