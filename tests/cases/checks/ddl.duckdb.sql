-- DuckDB: constraint names are not kept (its errors show the expression).

CREATE TYPE status AS ENUM ('placed', 'shipped', 'delivered');

-- Not enforced by DuckDB: offset of ordered_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: offset of delivered_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of window_end: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by DuckDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by DuckDB: scale of discount: more than 2 decimal places are rounded
-- Not enforced by DuckDB: JSON of notes: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
CREATE TABLE shipment (
    id INTEGER NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    ordered_on DATE NOT NULL,
    shipped_on DATE,
    ordered_at TIMESTAMPTZ NOT NULL CONSTRAINT ck_shipment_ordered_at_instant CHECK (ordered_at >= '0001-01-01 00:00:00+00:00' AND ordered_at <= '9999-12-31 23:59:59.999999+00:00'),
    delivered_at TIMESTAMPTZ CONSTRAINT ck_shipment_delivered_at_instant CHECK (delivered_at >= '0001-01-01 00:00:00+00:00' AND delivered_at <= '9999-12-31 23:59:59.999999+00:00'),
    window_start TIME NOT NULL,
    window_end TIME NOT NULL,
    local_at TIMESTAMP,
    quantity SMALLINT NOT NULL,
    max_quantity BIGINT NOT NULL DEFAULT 100,
    price DECIMAL(10,2) NOT NULL,
    discount DECIMAL(10,2) NOT NULL DEFAULT 0,
    weight DOUBLE CONSTRAINT ck_shipment_weight_finite CHECK (isfinite(weight)),
    code VARCHAR NOT NULL CONSTRAINT ck_shipment_code_max_length CHECK (length(code) <= 20) CONSTRAINT ck_shipment_code_nul CHECK (NOT contains(code, chr(0))),
    user VARCHAR CONSTRAINT ck_shipment_user_nul CHECK (NOT contains(user, chr(0))),
    status status NOT NULL DEFAULT 'placed',
    express BOOLEAN NOT NULL DEFAULT FALSE,
    tracking UUID,
    notes JSON,
    label BLOB,
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
);
COMMENT ON TABLE shipment IS 'One parcel sent to a customer.';
COMMENT ON COLUMN shipment.user IS 'A column named like a keyword.';
