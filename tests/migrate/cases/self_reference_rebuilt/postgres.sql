-- schemacog migration for postgres
-- from: old.yaml (fingerprint aeddac43c3fe533e)
-- to: new.yaml (fingerprint d6b3a7b26255bd69)

-- data check: node.label: max_length (char_length(label) <= 40): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, parent_id AS parent_id, label AS label FROM node) AS s WHERE NOT (char_length(label) <= 40)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break node.label: max_length'; END IF; END $sc$;

BEGIN;

-- in place: drop constraint ck_node_label_max_length of node (changed or gone)
ALTER TABLE node DROP CONSTRAINT ck_node_label_max_length;

-- in place: add constraint of node
ALTER TABLE node ADD CONSTRAINT ck_node_label_max_length CHECK (char_length(label) <= 40);

COMMIT;
