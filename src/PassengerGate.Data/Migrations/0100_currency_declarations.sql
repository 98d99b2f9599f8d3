-- Currency declarations (issue 11; FATF Recommendation 32; decision 0022): made at a kiosk, at a departure desk or
-- pre-declared, each stored with its assessment (the rule pack, total, threshold and the weekly rate and its week
-- per instrument), the bearer's identity, the direction, flight and booking, and what departure staff found.
-- Forward-only.
CREATE TABLE currency_declarations (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    airport                text NOT NULL,
    channel                text NOT NULL CHECK (channel IN ('kiosk', 'desk', 'preDeclaration')),
    -- The kiosk or the staff account that took it.
    recorded_by            text NOT NULL,
    recorded_at            timestamptz NOT NULL,
    jurisdiction           text NOT NULL,
    direction              text NOT NULL CHECK (direction IN ('departure', 'arrival')),
    declaration_date       date NOT NULL,
    flight                 text NULL,
    booking_reference      text NULL,
    -- Bearer identity (FATF R.32 INR para. 6: kept for declarations over the threshold and false declarations).
    bearer_name            text NULL,
    bearer_nationality     text NULL,
    bearer_document_number text NULL,
    -- The declaration as docs/currency-declaration-schema.md v1 JSON, and its assessment.
    declaration            jsonb NULL,
    assessment             jsonb NOT NULL,
    reporting_currency     text NOT NULL,
    total                  numeric(20, 2) NOT NULL,
    threshold              numeric(20, 2) NOT NULL,
    over_threshold         boolean NOT NULL,
    status                 text NOT NULL CHECK (status IN ('declared', 'verified', 'falseDeclaration', 'missingDeclaration', 'referredPolice', 'referredFiu')),
    -- Departure staff's count per instrument: [{"path": "$.instruments[0]", "kind": "cash", "currency": "JPY", "counted": 1000000}].
    counted                jsonb NULL,
    counted_total          numeric(20, 2) NULL,
    counted_by             text NULL,
    counted_at             timestamptz NULL,
    -- A false or missing declaration case: the bearer's account of origin and use, the cash restrained.
    case_origin            text NULL,
    case_intended_use      text NULL,
    restrained_amount      numeric(20, 2) NULL,
    restrained_at          timestamptz NULL,
    released_at            timestamptz NULL,
    referral_note          text NULL,
    decided_by             text NULL,
    decided_at             timestamptz NULL,
    -- Why FATF R.32 wants it kept; NULL: deleted after Retention:CurrencyDeclarations, else after
    -- Retention:CurrencyDeclarationsKept (decision 0022).
    retain_reason          text NULL CHECK (retain_reason IN ('overThreshold', 'falseDeclaration', 'suspicion'))
);

CREATE INDEX currency_declarations_airport_date ON currency_declarations (airport, declaration_date);
CREATE INDEX currency_declarations_booking ON currency_declarations (booking_reference) WHERE booking_reference IS NOT NULL;
CREATE INDEX currency_declarations_flight ON currency_declarations (flight, declaration_date) WHERE flight IS NOT NULL;
CREATE INDEX currency_declarations_bearer ON currency_declarations (bearer_nationality, bearer_document_number) WHERE bearer_document_number IS NOT NULL;
CREATE INDEX currency_declarations_recorded ON currency_declarations (recorded_at);
