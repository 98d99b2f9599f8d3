-- Forward-only. Risk and selection data (docs/decisions/0003-risk-rules-and-selection.md) and the customs weekly rates.

-- Watchlist and lost/stolen document entries. Text columns hold '' rather than NULL so that the natural key
-- below makes a re-import of the same list an update, never a second row.
CREATE TABLE watchlist_entries (
    entry_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('watchlist', 'lost-stolen')),
    document_number text NOT NULL DEFAULT '' CHECK (document_number ~ '^[A-Z0-9]{0,20}$'),
    issuing_state   text NOT NULL DEFAULT '',
    surname         text NOT NULL DEFAULT '',
    given_names     text NOT NULL DEFAULT '',
    date_of_birth   date NULL,
    reason          text NOT NULL CHECK (reason <> ''),
    source          text NOT NULL CHECK (source <> ''),
    valid_from      date NOT NULL,
    valid_to        date NULL CHECK (valid_to IS NULL OR valid_to >= valid_from),
    imported_at     timestamptz NOT NULL,
    CHECK (document_number <> '' OR (surname <> '' AND date_of_birth IS NOT NULL)),
    CHECK (kind <> 'lost-stolen' OR document_number <> ''),
    UNIQUE NULLS NOT DISTINCT (kind, document_number, issuing_state, surname, given_names, date_of_birth, source)
);
CREATE INDEX watchlist_entries_document ON watchlist_entries (document_number) WHERE document_number <> '';

-- Advance passenger information per flight: one row per document on a flight and date, so importing the
-- same manifest again changes nothing.
CREATE TABLE apis_records (
    flight            text NOT NULL,
    flight_date       date NOT NULL,
    document_number   text NOT NULL CHECK (document_number ~ '^[A-Z0-9]{1,20}$'),
    name              text NOT NULL,
    nationality       text NOT NULL,
    booking_reference text NOT NULL DEFAULT '',
    imported_at       timestamptz NOT NULL,
    PRIMARY KEY (flight, flight_date, document_number)
);

-- Every rules document ever set, kept verbatim; the highest version is in force. Old versions explain old decisions.
CREATE TABLE risk_rule_versions (
    version  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rules    jsonb NOT NULL,
    saved_at timestamptz NOT NULL
);

CREATE TRIGGER risk_rule_versions_append_only
    BEFORE UPDATE OR DELETE ON risk_rule_versions
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Random-selection seeds. The secret stays here so that an auditor can recompute any draw (seed id + session id).
CREATE TABLE selection_seeds (
    seed_id    text PRIMARY KEY,
    secret     bytea NOT NULL CHECK (octet_length(secret) >= 16),
    valid_from date NOT NULL,
    valid_to   date NULL CHECK (valid_to IS NULL OR valid_to >= valid_from),
    created_at timestamptz NOT NULL
);

-- Customs weekly rates (DOMAIN.md §2 "Conversion"): yen per unit, validity inclusive, with the publication cited.
CREATE TABLE customs_rates (
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    valid_from   date NOT NULL,
    valid_to     date NOT NULL CHECK (valid_to >= valid_from),
    yen_per_unit numeric NOT NULL CHECK (yen_per_unit > 0),
    source       text NOT NULL CHECK (source <> ''),
    imported_at  timestamptz NOT NULL,
    PRIMARY KEY (currency, valid_from)
);
