-- Unused pre-declarations are purged a fixed time after their QR expired (the end of the stated arrival day at the
-- airport, decision 0017), no longer a fixed time after issue: the purge looks them up by expiry.
DROP INDEX IF EXISTS predeclarations_unused;
CREATE INDEX predeclarations_unused_expiry ON predeclarations (expires_at) WHERE used_at IS NULL;
