-- The app role's rights on the tables created in parallel with the least-privilege
-- migration (operator proposals, pending operator money moves, sign-up codes). Same rule as
-- there: rows the app keeps state in may be read, inserted and updated; sign-up codes are
-- also deleted once long expired. Nothing here grants TRUNCATE or DDL.
GRANT SELECT, INSERT, UPDATE ON operator_invitations, money_requests TO proxypay_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON phone_codes TO proxypay_app;
