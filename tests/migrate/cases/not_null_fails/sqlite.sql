-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint df9dfe39f9fbfcf3)

PRAGMA foreign_keys = OFF;

-- data check: order.note: NOT NULL: no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break order.note: NOT NULL') FROM (SELECT count(*) AS n FROM (SELECT id AS id, customer_id AS customer_id, status AS status, placed_at AS placed_at, note AS note FROM "order") AS s WHERE note IS NULL) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of order aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, customer_id, status, placed_at, note FROM "order";

-- table rebuild: drop table order (its rows are copied aside)
DROP TABLE "order";

-- table rebuild: create the rebuilt table order from the new schema
CREATE TABLE "order"
-- Not enforced by SQLite: offset of placed_at: a value without an offset is read in a default zone
-- One checkout of one customer.
(
    id INTEGER NOT NULL CONSTRAINT pk_order PRIMARY KEY,
    customer_id INTEGER NOT NULL CONSTRAINT fk_order_customer_id REFERENCES customer (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'placed' CONSTRAINT ck_order_status_enum CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    placed_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CONSTRAINT ck_order_placed_at_instant CHECK (placed_at IS NULL OR coalesce(julianday(placed_at), 0) >= 1721425.5),
    -- Customer's note to the packer.
    note TEXT NOT NULL CONSTRAINT ck_order_note_max_length CHECK (length(note) <= 500) CONSTRAINT ck_order_note_nul CHECK (instr(note, char(0)) = 0)
);

-- table rebuild: put the rows of order back, converted
INSERT INTO "order" (id, customer_id, status, placed_at, note)
SELECT o.id, o.customer_id, o.status, o.placed_at, o.note FROM "sc-old-1" AS o;

-- in place: create index ix_order_customer_id_placed_at
CREATE INDEX ix_order_customer_id_placed_at ON "order" (customer_id, placed_at);

-- table rebuild: drop the copy of order's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
