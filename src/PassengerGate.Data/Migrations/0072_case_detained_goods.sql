-- Goods an officer detains on a case (issue 9: "detain goods with a receipt"), printed on the detained-goods
-- receipt. One record per case, never overwritten: the receipt handed out must stay what the record says.
CREATE TABLE case_detained_goods (
    case_number bigint PRIMARY KEY REFERENCES referrals (case_number),
    -- [{"description": "...", "quantity": 1, "reason": "..."}]: what is printed, in the officer's words.
    items       jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
    officer     text NOT NULL,
    detained_at timestamptz NOT NULL
);

CREATE TRIGGER case_detained_goods_append_only
    BEFORE UPDATE OR DELETE ON case_detained_goods
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
