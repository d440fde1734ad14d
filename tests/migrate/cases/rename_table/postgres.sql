-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 81f70288dfb7ebd3)

BEGIN;

-- in place: rename table product to item
ALTER TABLE product RENAME TO item;

-- in place: rename constraint pk_product to pk_item
ALTER TABLE item RENAME CONSTRAINT pk_product TO pk_item;

-- in place: rename constraint ck_product_sku_max_length to ck_item_sku_max_length
ALTER TABLE item RENAME CONSTRAINT ck_product_sku_max_length TO ck_item_sku_max_length;

-- in place: rename constraint ck_product_sku_pattern to ck_item_sku_pattern
ALTER TABLE item RENAME CONSTRAINT ck_product_sku_pattern TO ck_item_sku_pattern;

-- in place: rename constraint ck_product_name_max_length to ck_item_name_max_length
ALTER TABLE item RENAME CONSTRAINT ck_product_name_max_length TO ck_item_name_max_length;

-- in place: rename constraint ck_product_price_min to ck_item_price_min
ALTER TABLE item RENAME CONSTRAINT ck_product_price_min TO ck_item_price_min;

-- in place: rename constraint ck_product_price_finite to ck_item_price_finite
ALTER TABLE item RENAME CONSTRAINT ck_product_price_finite TO ck_item_price_finite;

-- in place: rename constraint ck_product_weight_kg_min to ck_item_weight_kg_min
ALTER TABLE item RENAME CONSTRAINT ck_product_weight_kg_min TO ck_item_weight_kg_min;

-- in place: rename constraint ck_product_weight_kg_max to ck_item_weight_kg_max
ALTER TABLE item RENAME CONSTRAINT ck_product_weight_kg_max TO ck_item_weight_kg_max;

-- in place: rename constraint ck_product_weight_kg_finite to ck_item_weight_kg_finite
ALTER TABLE item RENAME CONSTRAINT ck_product_weight_kg_finite TO ck_item_weight_kg_finite;

COMMIT;
