-- Confirmations out (issue 12 point 4, docs/taxfree-webhooks.md, docs/decisions/0021): a transactional outbox. The
-- row is written in the same transaction that decides the record, so a result is never decided without being queued
-- nor queued without being decided. One row per record (the primary key): a record has one result, sent as one event
-- id however many times it is delivered. next_attempt_at is persisted so a restarted service resumes the schedule;
-- a claimed row's next_attempt_at is pushed out by a lease, so a delivery cut short by a crash is tried again.
CREATE TABLE taxfree_outbox (
    event_id         uuid PRIMARY KEY,
    shop_id          text NOT NULL,
    record_id        text NOT NULL,
    result           text NOT NULL CHECK (result IN ('confirmed', 'refused')),
    body             text NOT NULL,
    created_at       timestamptz NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    last_status      integer NULL,
    last_error       text NULL,
    UNIQUE (shop_id, record_id),
    FOREIGN KEY (shop_id, record_id) REFERENCES taxfree_records (shop_id, record_id)
);

CREATE INDEX taxfree_outbox_due ON taxfree_outbox (next_attempt_at) WHERE delivered_at IS NULL;
