-- Red-lane inspection on the departure console (issue 12 point 3, docs/decisions/0021 "Red-lane inspection").
-- A red departure check leaves each confirmable record open and puts it here, on the worklist of the airport where
-- the traveller stands; one inspection per record (a record is decided once, so a second red check adds nothing).
CREATE TABLE taxfree_inspections (
    shop_id    text NOT NULL,
    record_id  text NOT NULL,
    airport    text NOT NULL,
    sent_at    timestamptz NOT NULL,
    closed_at  timestamptz NULL,
    closed_by  text NULL,
    result     text NULL CHECK (result IN ('confirmed', 'refused', 'assessed')),
    PRIMARY KEY (shop_id, record_id),
    FOREIGN KEY (shop_id, record_id) REFERENCES taxfree_records (shop_id, record_id),
    CHECK ((closed_at IS NULL) = (result IS NULL))
);

CREATE INDEX taxfree_inspections_open ON taxfree_inspections (airport) WHERE closed_at IS NULL;

-- Staff's mark per item (its index on the record), changeable until the inspection is closed.
CREATE TABLE taxfree_inspection_marks (
    shop_id     text NOT NULL,
    record_id   text NOT NULL,
    item_index  integer NOT NULL CHECK (item_index >= 0),
    present     boolean NOT NULL,
    marked_by   text NOT NULL,
    marked_at   timestamptz NOT NULL,
    PRIMARY KEY (shop_id, record_id, item_index),
    FOREIGN KEY (shop_id, record_id) REFERENCES taxfree_inspections (shop_id, record_id)
);

-- Exemption regime (purchases up to 2026-10-31): the consumption tax assessed on the goods not carried out (賦課決定),
-- one assessment per record, its lines as the domain computed them, and the payment recorded once.
CREATE TABLE taxfree_assessments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id         text NOT NULL,
    record_id       text NOT NULL,
    airport         text NOT NULL,
    passport_number text NOT NULL,
    nationality     text NOT NULL,
    lines           jsonb NOT NULL,
    total_tax       bigint NOT NULL CHECK (total_tax >= 0),
    issued_at       timestamptz NOT NULL,
    issued_by       text NOT NULL,
    paid_at         timestamptz NULL,
    paid_by         text NULL,
    payment_method  text NULL CHECK (payment_method IN ('cash', 'creditCard', 'electronicMoney')),
    receipt_number  text NULL,
    UNIQUE (shop_id, record_id),
    FOREIGN KEY (shop_id, record_id) REFERENCES taxfree_inspections (shop_id, record_id),
    CHECK ((paid_at IS NULL) = (payment_method IS NULL))
);

CREATE INDEX taxfree_assessments_traveller ON taxfree_assessments (passport_number, nationality);
