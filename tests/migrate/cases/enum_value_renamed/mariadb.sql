-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 5d1d6dfdde66fa2f)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of order aside
CREATE TABLE `sc-old-1` AS SELECT id, customer_id, status, placed_at, note FROM `order`;

-- table rebuild: drop table order (its rows are copied aside)
DROP TABLE `order`;

-- table rebuild: create the rebuilt table order from the new schema
-- Not enforced by MariaDB: offset of placed_at: a value without an offset is read in a default zone
CREATE TABLE `order` (
    id BIGINT NOT NULL AUTO_INCREMENT,
    customer_id BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'placed',
    placed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    note LONGTEXT COMMENT 'Customer''s note to the packer.',
    CONSTRAINT pk_order PRIMARY KEY (id),
    CONSTRAINT fk_order_customer_id FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE RESTRICT,
    CONSTRAINT ck_order_status_enum CHECK (status IN ('placed', 'settled', 'shipped', 'delivered', 'cancelled')),
    CONSTRAINT ck_order_note_max_length CHECK (CHAR_LENGTH(note) <= 500),
    CONSTRAINT ck_order_note_nul CHECK (INSTR(note, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One checkout of one customer.';

-- table rebuild: put the rows of order back, converted
INSERT INTO `order` (id, customer_id, status, placed_at, note)
SELECT o.id, o.customer_id, CASE o.status WHEN 'paid' THEN 'settled' ELSE o.status END, o.placed_at, o.note FROM `sc-old-1` AS o;

-- in place: create index ix_order_customer_id_placed_at
CREATE INDEX ix_order_customer_id_placed_at ON `order` (customer_id, placed_at);

-- table rebuild: drop the copy of order's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
