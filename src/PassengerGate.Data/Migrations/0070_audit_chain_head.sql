-- The audit trail's head (issue 9): the last row's id and hash, kept by the insert trigger in a table of its own.
-- Without it, deleting the newest rows (triggers switched off) leaves a shorter chain that still verifies;
-- `pgate audit verify` now also checks that the chain ends exactly at this head (docs/decisions/0011).
CREATE TABLE audit_chain_head (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_id   bigint NOT NULL CHECK (last_id >= 0),
    last_hash bytea NOT NULL CHECK (octet_length(last_hash) = 32)
);

INSERT INTO audit_chain_head (last_id, last_hash)
SELECT coalesce((SELECT id FROM audit_events ORDER BY id DESC LIMIT 1), 0),
       coalesce((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1), '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);

CREATE FUNCTION audit_chain_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_events_advance_head
    AFTER INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_chain_advance();

-- The head only moves forward by one, onto a row that exists with that hash; it is never deleted.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_chain_head cannot be deleted';
    END IF;
    IF NEW.last_id <> OLD.last_id + 1
       OR NOT EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.last_id AND hash = NEW.last_hash) THEN
        RAISE EXCEPTION 'audit_chain_head moves only onto the newly appended row';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_head_forward_only
    BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
