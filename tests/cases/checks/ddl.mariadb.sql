-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default), and literals double their backslashes (not for sql_mode NO_BACKSLASH_ESCAPES).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: offset of ordered_at: a value without an offset is read in a default zone
-- Not enforced by MariaDB: offset of delivered_at: a value without an offset is read in a default zone
-- Not enforced by MariaDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of window_end: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by MariaDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by MariaDB: scale of discount: more than 2 decimal places are rounded
-- Not enforced by MariaDB: JSON of notes: stores \u0000 in its text
CREATE TABLE shipment (
    id INT NOT NULL,
    ordered_on DATE NOT NULL,
    shipped_on DATE,
    ordered_at DATETIME(6) NOT NULL,
    delivered_at DATETIME(6),
    window_start TIME(6) NOT NULL,
    window_end TIME(6) NOT NULL,
    local_at DATETIME(6),
    quantity SMALLINT NOT NULL,
    max_quantity BIGINT NOT NULL DEFAULT 100,
    price DECIMAL(10,2) NOT NULL,
    discount DECIMAL(10,2) NOT NULL DEFAULT 0,
    weight DOUBLE,
    code VARCHAR(21) NOT NULL,
    user LONGTEXT COMMENT 'A column named like a keyword.',
    status VARCHAR(10) NOT NULL DEFAULT 'placed',
    express BOOLEAN NOT NULL DEFAULT FALSE,
    tracking UUID,
    notes JSON,
    label LONGBLOB,
    CONSTRAINT pk_shipment PRIMARY KEY (id),
    CONSTRAINT ck_shipment_code_max_length CHECK (CHAR_LENGTH(code) <= 20),
    CONSTRAINT ck_shipment_code_nul CHECK (INSTR(code, CHAR(0)) = 0),
    CONSTRAINT ck_shipment_user_nul CHECK (INSTR(user, CHAR(0)) = 0),
    CONSTRAINT ck_shipment_status_enum CHECK (status IN ('placed', 'shipped', 'delivered')),
    CONSTRAINT ck_shipment_express_boolean CHECK (express IN (0, 1)),
    CONSTRAINT ck_shipment_ships_after_order CHECK (shipped_on IS NULL OR shipped_on >= ordered_on),
    CONSTRAINT ck_shipment_delivered_at_ordered_at CHECK (delivered_at > ordered_at),
    CONSTRAINT ck_shipment_delivery_window CHECK (window_start < window_end AND window_start >= '06:00:00'),
    CONSTRAINT ck_shipment_quantity_fits CHECK (quantity <= max_quantity AND quantity > 0),
    CONSTRAINT ck_shipment_discount_below_price CHECK (discount <= price AND price <> 0.5),
    CONSTRAINT ck_shipment_weight_range CHECK (NOT (weight < 0.1 OR weight > 1000.5)),
    CONSTRAINT ck_shipment_code_range CHECK (code >= 'A' AND code < 'Z' OR code = 'O''Brien'),
    CONSTRAINT ck_shipment_express_is_shipped CHECK (express = FALSE OR status <> 'placed'),
    CONSTRAINT ck_shipment_tracked_when_sent CHECK (status = 'placed' OR tracking IS NOT NULL),
    CONSTRAINT ck_shipment_tracking_not_nil CHECK (tracking <> '00000000-0000-0000-0000-000000000000'),
    CONSTRAINT ck_shipment_local_after_2000 CHECK (local_at IS NULL OR local_at >= '2000-01-01 00:00:00'),
    CONSTRAINT ck_shipment_notes_or_no_label CHECK (notes IS NOT NULL OR label IS NULL),
    CONSTRAINT ck_shipment_user_is_not_code CHECK (user <> code),
    CONSTRAINT ck_shipment_a_check_name_long_enough_to_push_its_const_bd2ff61c CHECK (ordered_on > '1999-12-31')
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One parcel sent to a customer.';
