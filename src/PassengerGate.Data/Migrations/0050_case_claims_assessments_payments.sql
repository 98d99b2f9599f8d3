-- The officer console (issue 9): who holds a case, the lines an officer assessed at the general rate,
-- and the duty paid at the counter. Forward-only.

-- One holder per case, enforced by a single conditional UPDATE (see CaseStore.ClaimAsync).
ALTER TABLE referrals ADD COLUMN claimed_by text NULL;
ALTER TABLE referrals ADD COLUMN claimed_at timestamptz NULL;

-- A line the simplified rates could not take (duty.officerAssessment): the officer's customs value and
-- general duty rate, and the duty the service computed from them. Re-assessing a line replaces it.
CREATE TABLE case_line_assessments (
    case_number       bigint NOT NULL REFERENCES referrals (case_number),
    line_path         text NOT NULL,
    customs_value_yen numeric(14, 0) NOT NULL CHECK (customs_value_yen >= 0),
    rate_percent      numeric(6, 2) NOT NULL CHECK (rate_percent >= 0 AND rate_percent <= 100),
    duty_yen          numeric(14, 0) NOT NULL CHECK (duty_yen >= 0),
    officer           text NOT NULL,
    assessed_at       timestamptz NOT NULL,
    PRIMARY KEY (case_number, line_path)
);

-- Duty received for a case: one payment per case.
CREATE TABLE case_payments (
    case_number bigint PRIMARY KEY REFERENCES referrals (case_number),
    amount_yen  numeric(14, 0) NOT NULL CHECK (amount_yen > 0),
    method      text NOT NULL CHECK (method IN ('cash', 'creditCard', 'electronicMoney')),
    paid_at     timestamptz NOT NULL,
    officer     text NOT NULL
);
