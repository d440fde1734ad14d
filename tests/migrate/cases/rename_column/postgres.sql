-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint dbab6389298fb210)

BEGIN;

-- in place: rename column order.note to remark
ALTER TABLE "order" RENAME COLUMN note TO remark;

-- in place: rename constraint ck_order_note_max_length to ck_order_remark_max_length
ALTER TABLE "order" RENAME CONSTRAINT ck_order_note_max_length TO ck_order_remark_max_length;

COMMIT;
