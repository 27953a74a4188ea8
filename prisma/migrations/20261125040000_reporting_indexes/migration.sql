-- Operator reports and searches read orders by time: the overview's windows, the order
-- search's newest-first pages and date ranges. One index serves them all.
CREATE INDEX orders_created_at_id_idx ON orders (created_at, id);
-- Journal browser pages newest first by id (the primary key serves it); statements page
-- an account's postings by id (postings_account_id_id_idx).
