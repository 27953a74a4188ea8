-- One-time codes that prove a person holds a phone number before a wallet is opened on it.
-- The code itself is never stored: code_hash is an HMAC of (id, code) under a server key,
-- so a copy of this table cannot be turned back into codes. attempts counts guesses before
-- they are checked (at most a few per code); verified_at marks the code spent, and the
-- sign-up ticket it gave (stored as a SHA-256) is spent once by used_at.
CREATE TABLE phone_codes (
  id uuid PRIMARY KEY,
  phone text NOT NULL CHECK (length(phone) <= 20),
  purpose text NOT NULL CHECK (purpose IN ('SIGN_UP')),
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  verified_at timestamptz(3),
  ticket_hash text UNIQUE,
  used_at timestamptz(3),
  CONSTRAINT phone_codes_ticket_after_verify CHECK ((ticket_hash IS NULL) = (verified_at IS NULL)),
  CONSTRAINT phone_codes_used_after_verify CHECK (used_at IS NULL OR verified_at IS NOT NULL)
);
-- For purging old codes.
CREATE INDEX phone_codes_expires_at_idx ON phone_codes (expires_at);
