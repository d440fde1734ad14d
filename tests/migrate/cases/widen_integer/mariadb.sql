-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint c021bbda424b41ec)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of order_line aside
CREATE TABLE `sc-old-1` AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TABLE `sc-old-2` AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: create the rebuilt table order_line from the new schema
-- Not enforced by MariaDB: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id BIGINT NOT NULL,
    line_no INT NOT NULL,
    sku VARCHAR(33) NOT NULL,
    quantity INT NOT NULL DEFAULT 1,
    unit_price DECIMAL(10,2) NOT NULL,
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku),
    CONSTRAINT fk_order_line_order_id FOREIGN KEY (order_id) REFERENCES `order` (id) ON DELETE CASCADE,
    CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
    CONSTRAINT ck_order_line_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_order_line_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT fk_order_line_sku FOREIGN KEY (sku) REFERENCES product (sku),
    CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1),
    CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One product in an order.';

-- table rebuild: create the rebuilt table return_line from the new schema
CREATE TABLE return_line (
    order_id BIGINT NOT NULL,
    line_no INT NOT NULL,
    returned_on DATE NOT NULL,
    quantity INT NOT NULL,
    reason LONGTEXT,
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE,
    CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1),
    CONSTRAINT ck_return_line_reason_max_length CHECK (CHAR_LENGTH(reason) <= 1000),
    CONSTRAINT ck_return_line_reason_nul CHECK (INSTR(reason, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A line of an order sent back by the customer.';

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM `sc-old-1` AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, o.line_no, o.returned_on, o.quantity, o.reason FROM `sc-old-2` AS o;

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE `sc-old-1`;

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE `sc-old-2`;

COMMIT;

SET SESSION foreign_key_checks = 1;
