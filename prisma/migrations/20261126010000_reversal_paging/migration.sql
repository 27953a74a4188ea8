-- The reversal list pages newest first across all statuses ("All" tab) by (requested_at, id);
-- the status tabs use reversals_status_requested_at_idx.
CREATE INDEX reversals_requested_at_id_idx ON reversals (requested_at, id);
