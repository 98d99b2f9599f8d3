-- Currency declarations pre-declared on the phone page (issue 11 point 1; decision 0026) share the signed QR, its keys
-- and its purge with arrival pre-declarations; the kind says which JSON the declaration column holds.
ALTER TABLE predeclarations
    ADD COLUMN kind text NOT NULL DEFAULT 'arrival' CONSTRAINT predeclarations_kind CHECK (kind IN ('arrival', 'currency'));
