-- What the service established during a session (document verification result, face scores,
-- declaration summary, assessment): kept verbatim for the officer and the audit; no image ever.
ALTER TABLE arrival_sessions ADD COLUMN facts jsonb NOT NULL DEFAULT '{}'::jsonb;

-- How an officer closed a referral.
ALTER TABLE referrals ADD COLUMN outcome text NULL;
ALTER TABLE referrals ADD COLUMN outcome_note text NULL;
ALTER TABLE referrals ADD COLUMN closed_by text NULL;
