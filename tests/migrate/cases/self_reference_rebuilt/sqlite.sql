-- schemacog migration for sqlite
-- from: old.yaml (fingerprint e877e533a72a0448)
-- to: new.yaml (fingerprint 48a22179bdc0f100)

PRAGMA foreign_keys = OFF;

-- data check: node.label: max_length (length(label) <= 40): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break node.label: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, parent_id AS parent_id, label AS label FROM node) AS s WHERE NOT (length(label) <= 40)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of node aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, parent_id, label FROM node;

-- table rebuild: drop table node (its rows are copied aside)
DROP TABLE node;

-- table rebuild: create the rebuilt table node from the new schema
CREATE TABLE node (
    id INTEGER NOT NULL CONSTRAINT pk_node PRIMARY KEY CONSTRAINT ck_node_id_min CHECK (id >= -2147483648) CONSTRAINT ck_node_id_max CHECK (id <= 2147483647),
    parent_id INTEGER CONSTRAINT ck_node_parent_id_min CHECK (parent_id >= -2147483648) CONSTRAINT ck_node_parent_id_max CHECK (parent_id <= 2147483647) CONSTRAINT fk_node_parent_id REFERENCES node (id),
    label TEXT NOT NULL CONSTRAINT ck_node_label_max_length CHECK (length(label) <= 40) CONSTRAINT ck_node_label_nul CHECK (instr(label, char(0)) = 0)
);

-- table rebuild: put the rows of node back, converted
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of node's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
