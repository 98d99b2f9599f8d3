-- Retention of the traveller's identifiers on tax-free records (docs/taxfree-rules.md §7, amends decision 0005): once a
-- record is past its retention, the passport number, the nationality and the items' serial numbers are removed and the
-- time is recorded; the rest (shop, record id, amounts, result) stays for the shop's status queries and the statistics.
ALTER TABLE taxfree_records ADD COLUMN personal_data_purged_at timestamptz NULL;
CREATE INDEX taxfree_records_to_purge ON taxfree_records (COALESCE(decided_at, purchased_at)) WHERE personal_data_purged_at IS NULL;
