-- Issue 13, decision 0028: the service keeps kiosk credentials, customs rates, risk rules, the watchlist and the
-- selection seed in memory and forgets a table's copy when it changes. Every statement that changes one of these
-- tables, from whatever process, announces it on the channel passengergate_reference with the table's name; the
-- notification is delivered when (and only if) the transaction commits.
CREATE FUNCTION notify_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('passengergate_reference', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

-- kiosks: only what the credential check and the referral push read (a heartbeat's last_seen_at and devices do not count).
CREATE TRIGGER kiosks_credential_changed
    AFTER INSERT OR DELETE OR UPDATE OF credential_hash, revoked_at, airport OR TRUNCATE ON kiosks
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change();

-- The others: any change at all.
DO $$
DECLARE
    reference_table text;
BEGIN
    FOREACH reference_table IN ARRAY ARRAY['customs_rates', 'risk_rule_versions', 'watchlist_entries', 'selection_seeds'] LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change()',
            reference_table || '_changed', reference_table);
    END LOOP;
END
$$;
