CREATE TYPE status AS ENUM ('placed', 'shipped', 'delivered');

-- Not enforced by PostgreSQL: offset of ordered_at: a value without an offset is read in a default zone
-- Not enforced by PostgreSQL: offset of delivered_at: a value without an offset is read in a default zone
-- Not enforced by PostgreSQL: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of window_end: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: scale of price: more than 2 decimal places are rounded
-- Not enforced by PostgreSQL: scale of discount: more than 2 decimal places are rounded
-- Not enforced by PostgreSQL: JSON of notes: stores arrays and objects nested deeper than 31
CREATE TABLE shipment (
    id integer NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    ordered_on date NOT NULL,
    shipped_on date,
    ordered_at timestamptz NOT NULL CONSTRAINT ck_shipment_ordered_at_instant CHECK (ordered_at >= '0001-01-01 00:00:00+00:00' AND ordered_at <= '9999-12-31 23:59:59.999999+00:00'),
    delivered_at timestamptz CONSTRAINT ck_shipment_delivered_at_instant CHECK (delivered_at >= '0001-01-01 00:00:00+00:00' AND delivered_at <= '9999-12-31 23:59:59.999999+00:00'),
    window_start time NOT NULL,
    window_end time NOT NULL,
    local_at timestamp,
    quantity smallint NOT NULL,
    max_quantity bigint NOT NULL DEFAULT 100,
    price numeric(10,2) NOT NULL CONSTRAINT ck_shipment_price_finite CHECK (price NOT IN ('NaN', 'Infinity', '-Infinity')),
    discount numeric(10,2) NOT NULL DEFAULT 0 CONSTRAINT ck_shipment_discount_finite CHECK (discount NOT IN ('NaN', 'Infinity', '-Infinity')),
    weight double precision CONSTRAINT ck_shipment_weight_finite CHECK (weight NOT IN ('NaN', 'Infinity', '-Infinity')),
    code text NOT NULL CONSTRAINT ck_shipment_code_max_length CHECK (char_length(code) <= 20),
    "user" text,
    status status NOT NULL DEFAULT 'placed',
    express boolean NOT NULL DEFAULT FALSE,
    tracking uuid,
    notes jsonb,
    label bytea,
    CONSTRAINT ck_shipment_ships_after_order CHECK (shipped_on IS NULL OR shipped_on >= ordered_on),
    CONSTRAINT ck_shipment_delivered_at_ordered_at CHECK (delivered_at > ordered_at),
    CONSTRAINT ck_shipment_delivery_window CHECK (window_start < window_end AND window_start >= '06:00:00'),
    CONSTRAINT ck_shipment_quantity_fits CHECK (quantity <= max_quantity AND quantity > 0),
    CONSTRAINT ck_shipment_discount_below_price CHECK (discount <= price AND price <> 0.5),
    CONSTRAINT ck_shipment_weight_range CHECK (NOT (weight < 0.1 OR weight > 1000.5)),
    CONSTRAINT ck_shipment_code_range CHECK (code COLLATE "C" >= 'A' AND code COLLATE "C" < 'Z' OR code COLLATE "C" = 'O''Brien'),
    CONSTRAINT ck_shipment_express_is_shipped CHECK (express = FALSE OR status <> 'placed'),
    CONSTRAINT ck_shipment_tracked_when_sent CHECK (status = 'placed' OR tracking IS NOT NULL),
    CONSTRAINT ck_shipment_tracking_not_nil CHECK (tracking <> '00000000-0000-0000-0000-000000000000'),
    CONSTRAINT ck_shipment_local_after_2000 CHECK (local_at IS NULL OR local_at >= '2000-01-01 00:00:00'),
    CONSTRAINT ck_shipment_notes_or_no_label CHECK (notes IS NOT NULL OR label IS NULL),
    CONSTRAINT ck_shipment_user_is_not_code CHECK ("user" COLLATE "C" <> code),
    CONSTRAINT ck_shipment_a_check_name_long_enough_to_push_its_const_bd2ff61c CHECK (ordered_on > '1999-12-31')
);
COMMENT ON TABLE shipment IS 'One parcel sent to a customer.';
COMMENT ON COLUMN shipment."user" IS 'A column named like a keyword.';
