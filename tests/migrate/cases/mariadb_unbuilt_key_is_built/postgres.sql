-- schemacog migration for postgres
-- from: old.yaml (fingerprint 9b3b584f6713a90d)
-- to: new.yaml (fingerprint 27da9f5eb4974b1b)

-- data check: parent.code: max_length (char_length(code) <= 50): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT CAST(code AS text) AS code FROM parent) AS s WHERE NOT (char_length(code) <= 50)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break parent.code: max_length'; END IF; END $sc$;

-- data check: child.ref: max_length (char_length(ref) <= 50): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, CAST(ref AS text) AS ref FROM child) AS s WHERE NOT (char_length(ref) <= 50)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break child.ref: max_length'; END IF; END $sc$;

BEGIN;

-- in place: add constraint of child
ALTER TABLE child ADD CONSTRAINT ck_child_ref_max_length CHECK (char_length(ref) <= 50);

-- in place: add constraint of parent
ALTER TABLE parent ADD CONSTRAINT ck_parent_code_max_length CHECK (char_length(code) <= 50);

COMMIT;
