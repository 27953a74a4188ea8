\set id random(1, 10000)
BEGIN;
UPDATE acct SET v = v + 1 WHERE id = :id;
COMMIT;
