-- schemacog migration for postgres
-- from: old.yaml (fingerprint d10b01224fb9c3f1)
-- to: new.yaml (fingerprint e1f3973f6ac3282a)

-- data check: account.balance: at most 17 digits before the point: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, balance AS balance FROM account) AS s WHERE abs(balance) >= 100000000000000000) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break account.balance: at most 17 digits before the point'; END IF; END $sc$;

BEGIN;

-- in place: change column account.balance: type
ALTER TABLE account ALTER COLUMN balance TYPE numeric(19,2) USING CAST(balance AS numeric(19,2));

COMMIT;
