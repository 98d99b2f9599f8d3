-- A currency declaration made at a kiosk (issue 11 point 1; decision 0022, "At the kiosk"): the kiosk session it
-- was made in and the kiosk's command id, so a command repeated after a reconnect finds the declaration it already
-- made instead of storing a second one. The kiosk itself is recorded_by (channel 'kiosk'). Forward-only.
ALTER TABLE currency_declarations
    ADD COLUMN kiosk_id   text NULL,
    ADD COLUMN session_id uuid NULL,
    ADD COLUMN command_id uuid NULL;

CREATE UNIQUE INDEX currency_declarations_command ON currency_declarations (command_id) WHERE command_id IS NOT NULL;
CREATE INDEX currency_declarations_session ON currency_declarations (session_id) WHERE session_id IS NOT NULL;
