-- Tax-free export confirmation (issue 12, docs/decisions/0021-tax-free-export.md).
-- Shops and refund providers submit purchase records with their own API key, kept only as its SHA-256; the webhook
-- secret must sign every delivery, so it is kept as issued (like the QR signing keys).
CREATE TABLE taxfree_shops (
    shop_id         text PRIMARY KEY,
    name            text NOT NULL,
    key_hash        bytea NOT NULL UNIQUE,
    webhook_url     text NULL,
    webhook_secret  bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz NULL
);

-- One row per record a shop submitted. body_hash makes submissions idempotent: the same record id with the same
-- canonical body answers the stored answer byte for byte (kept as text, not jsonb, for that); a different body is
-- refused (409).
CREATE TABLE taxfree_records (
    shop_id          text NOT NULL REFERENCES taxfree_shops (shop_id),
    record_id        text NOT NULL,
    passport_number  text NOT NULL,
    nationality      text NOT NULL,
    purchased_at     timestamptz NOT NULL,
    purchase_day     date NOT NULL,
    total_yen        bigint NOT NULL,
    items            jsonb NOT NULL,
    body_hash        bytea NOT NULL,
    answer           text NOT NULL,
    received_at      timestamptz NOT NULL,
    state            text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'ineligible', 'confirmed', 'refused')),
    reasons          text[] NOT NULL DEFAULT '{}',
    decided_at       timestamptz NULL,
    PRIMARY KEY (shop_id, record_id)
);

CREATE INDEX taxfree_records_traveller ON taxfree_records (passport_number, nationality);
