-- The kiosk finds a traveller's phone pre-declaration by the passport it verified (decision 0027): unused ones only.
CREATE INDEX predeclarations_unused_passport ON predeclarations ((upper(declaration->'header'->>'passportNumber')))
    WHERE used_at IS NULL AND kind = 'arrival';
