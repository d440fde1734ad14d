-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 0b38c479ea179ba4)
-- to: new.yaml (fingerprint 0126c03dfa631b16)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of parent aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id FROM parent;

-- table rebuild: copy the rows of child aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT id, parent_id FROM child;

-- table rebuild: drop table child (its rows are copied aside)
DROP TABLE child;

-- table rebuild: drop table parent (its rows are copied aside)
DROP TABLE parent;

-- table rebuild: create the rebuilt table parent from the new schema
CREATE TABLE parent (
    id INTEGER NOT NULL CONSTRAINT pk_parent PRIMARY KEY,
    score INTEGER CONSTRAINT ck_parent_score_min CHECK (score >= 0)
);

-- table rebuild: create the rebuilt table child from the new schema
CREATE TABLE child (
    id INTEGER NOT NULL CONSTRAINT pk_child PRIMARY KEY,
    parent_id INTEGER NOT NULL CONSTRAINT fk_child_parent_id REFERENCES parent (id),
    flag BOOLEAN NOT NULL DEFAULT FALSE
);

-- table rebuild: put the rows of parent back, converted
INSERT INTO parent (id)
SELECT o.id FROM "sc-old-1" AS o;

-- table rebuild: put the rows of child back, converted
INSERT INTO child (id, parent_id)
SELECT o.id, o.parent_id FROM "sc-old-2" AS o;

-- table rebuild: drop the copy of parent's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of child's old rows
DROP TABLE "sc-old-2";

COMMIT;
