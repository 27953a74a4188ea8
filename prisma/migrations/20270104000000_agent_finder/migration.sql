-- The agent finder: where a shop is and when it is open, and the reservations customers make
-- from their phones before walking there (docs/decisions.md, "Agent finder").
--
-- agents.latitude/longitude existed since the first migration without bounds; they gain them
-- here. area_name is what a customer types instead of sharing a location ("Westlands").
-- opening_hours is a week, Monday first: seven entries, each null (closed that day) or
-- {"open": minute, "close": minute} in Africa/Nairobi time; a close at or before the open
-- runs past midnight. The element shape is checked by the domain's schema (opening-hours.ts)
-- before every write; the column refuses anything that is not a seven-day array.
ALTER TABLE agents
  ADD CONSTRAINT agents_latitude_check CHECK (latitude BETWEEN -90 AND 90),
  ADD CONSTRAINT agents_longitude_check CHECK (longitude BETWEEN -180 AND 180),
  ADD COLUMN area_name text
    CONSTRAINT agents_area_name_check CHECK (length(area_name) BETWEEN 1 AND 80),
  ADD COLUMN opening_hours jsonb
    CONSTRAINT agents_opening_hours_check CHECK (
      jsonb_typeof(opening_hours) = 'array' AND jsonb_array_length(opening_hours) = 7
    );
-- A shop's position is set together: a latitude without a longitude places it nowhere.
ALTER TABLE agents
  ADD CONSTRAINT agents_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL));
CREATE INDEX agents_area_name_idx ON agents (lower(area_name));

-- A customer's reservation of an agent's cash (CASH_OUT) or float (CASH_IN) for an amount.
-- REQUESTED until the shop answers (ACCEPTED or DECLINED) or the customer CANCELLED; an
-- ACCEPTED one is held until expires_at, then EXPIRED, or USED by an order the shop scanned.
-- expires_at is when a REQUESTED one lapses unanswered, and from acceptance when the hold
-- ends: a row whose expires_at has passed counts as EXPIRED wherever it is read, and is
-- written EXPIRED when the customer next reserves.
CREATE TABLE reservations (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES users (id),
  agent_id uuid NOT NULL REFERENCES agents (id),
  type "OrderType" NOT NULL,
  amount bigint NOT NULL CONSTRAINT reservations_amount_check CHECK (amount > 0),
  currency char(3) NOT NULL,
  status text NOT NULL DEFAULT 'REQUESTED'
    CONSTRAINT reservations_status_check CHECK (
      status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'USED')
    ),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  decided_at timestamptz(3),
  decided_by uuid REFERENCES users (id),
  closed_at timestamptz(3),
  -- Accepted and declined reservations name who at the shop answered, and when.
  CONSTRAINT reservations_decided CHECK (
    (status IN ('ACCEPTED', 'DECLINED', 'USED')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)
    OR (status IN ('CANCELLED', 'EXPIRED'))
  ),
  CONSTRAINT reservations_closed CHECK ((status IN ('REQUESTED', 'ACCEPTED')) = (closed_at IS NULL))
);
-- One open reservation per customer: a phone cannot tie up every shop in the area.
CREATE UNIQUE INDEX reservations_one_open ON reservations (customer_id)
  WHERE status IN ('REQUESTED', 'ACCEPTED');
-- The shop's upcoming demand and the "can serve" sum over its accepted reservations.
CREATE INDEX reservations_agent_open_idx ON reservations (agent_id, status, expires_at)
  WHERE status IN ('REQUESTED', 'ACCEPTED');
CREATE INDEX reservations_customer_idx ON reservations (customer_id, created_at);

-- The app creates and answers reservations; nothing is ever deleted.
GRANT SELECT, INSERT, UPDATE ON reservations TO proxypay_app;
