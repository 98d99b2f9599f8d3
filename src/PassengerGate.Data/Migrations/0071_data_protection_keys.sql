-- ASP.NET Core Data Protection's key ring (issue 9): the keys that sign staff cookies and anti-forgery tokens,
-- shared by every service node and kept across restarts (docs/decisions/0011). One row per key, as the
-- framework's XML; the framework never deletes keys (expired ones stay so old payloads can still be read).
CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml           text NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);
