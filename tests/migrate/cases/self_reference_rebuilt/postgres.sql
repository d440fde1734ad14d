-- schemacog migration for postgres
-- from: old.yaml (fingerprint aeddac43c3fe533e)
-- to: new.yaml (fingerprint d6b3a7b26255bd69)

-- data check: node.label: max_length (char_length(label) <= 40): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, parent_id AS parent_id, label AS label FROM node) AS s WHERE NOT (char_length(label) <= 40)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break node.label: max_length'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of node aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, parent_id, label FROM node;

-- table rebuild: drop table node (its rows are copied aside)
DROP TABLE node;

-- table rebuild: create the rebuilt table node from the new schema
CREATE TABLE node (
    id integer NOT NULL CONSTRAINT pk_node PRIMARY KEY,
    parent_id integer CONSTRAINT fk_node_parent_id REFERENCES node (id),
    label text NOT NULL CONSTRAINT ck_node_label_max_length CHECK (char_length(label) <= 40)
);

-- table rebuild: put the rows of node back, converted
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of node's old rows
DROP TABLE "sc-old-1";

COMMIT;
