-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 441ed3f7d87a66a2)
-- to: new.yaml (fingerprint 53e605d7f5605394)

-- data check: node.label: max_length (length(label) <= 40): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break node.label: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, parent_id AS parent_id, label AS label FROM node) AS s WHERE NOT (length(label) <= 40)) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of node aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, parent_id, label FROM node;

-- table rebuild: drop table node (its rows are copied aside)
DROP TABLE node;

-- table rebuild: create the rebuilt table node from the new schema
-- DuckDB: a row whose (parent_id) names the row itself is refused (the key is checked before the row is stored)
CREATE TABLE node (
    id INTEGER NOT NULL CONSTRAINT pk_node PRIMARY KEY,
    parent_id INTEGER CONSTRAINT fk_node_parent_id REFERENCES node (id),
    label VARCHAR NOT NULL CONSTRAINT ck_node_label_max_length CHECK (length(label) <= 40) CONSTRAINT ck_node_label_nul CHECK (NOT contains(label, chr(0)))
);

-- table rebuild: put the rows of node back, converted: pass 1 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 2 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 3 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 4 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 5 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 6 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 7 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 8 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 9 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 10 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 11 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 12 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 13 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 14 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 15 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 16 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 17 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 18 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 19 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 20 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 21 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 22 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 23 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 24 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 25 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 26 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 27 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 28 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 29 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 30 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 31 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- table rebuild: put the rows of node back, converted: pass 32 of 32, the rows whose rows are in
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.id) AND (o.parent_id IS NULL OR EXISTS (SELECT 1 FROM node AS n WHERE n.id = o.parent_id));

-- data check: every row of node is back
SELECT error('schemacog: rows of node name each other more than 32 deep; DuckDB cannot put them back in one migration') FROM (SELECT (SELECT count(*) FROM "sc-old-1") - (SELECT count(*) FROM node) AS n) AS c WHERE c.n > 0;

-- table rebuild: drop the copy of node's old rows
DROP TABLE "sc-old-1";

COMMIT;
