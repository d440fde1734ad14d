-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE shipment
-- Not enforced by SQLite: offset of ordered_at: a value without an offset is read in a default zone
-- Not enforced by SQLite: offset of delivered_at: a value without an offset is read in a default zone
-- Not enforced by SQLite: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of window_end: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by SQLite: scale of price: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: scale of discount: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: NaN in weight (the driver stores NaN as NULL)
-- Not enforced by SQLite: JSON of notes: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Not enforced by SQLite: check delivered_at_ordered_at: times are compared as julianday(c), to the millisecond
-- Not enforced by SQLite: check delivery_window: times are compared as julianday(c), to the millisecond
-- Not enforced by SQLite: check local_after_2000: times are compared as julianday(c), to the millisecond
-- One parcel sent to a customer.
(
    id INTEGER NOT NULL CONSTRAINT pk_shipment PRIMARY KEY CONSTRAINT ck_shipment_id_min CHECK (id >= -2147483648) CONSTRAINT ck_shipment_id_max CHECK (id <= 2147483647),
    ordered_on DATE NOT NULL,
    shipped_on DATE,
    ordered_at TIMESTAMPTZ NOT NULL CONSTRAINT ck_shipment_ordered_at_instant CHECK (ordered_at IS NULL OR coalesce(julianday(ordered_at), 0) >= 1721425.5),
    delivered_at TIMESTAMPTZ CONSTRAINT ck_shipment_delivered_at_instant CHECK (delivered_at IS NULL OR coalesce(julianday(delivered_at), 0) >= 1721425.5),
    window_start TIME NOT NULL,
    window_end TIME NOT NULL,
    local_at TIMESTAMP,
    quantity INTEGER NOT NULL CONSTRAINT ck_shipment_quantity_min CHECK (quantity >= -32768) CONSTRAINT ck_shipment_quantity_max CHECK (quantity <= 32767),
    max_quantity INTEGER NOT NULL DEFAULT 100,
    price NUMERIC(10,2) NOT NULL CONSTRAINT ck_shipment_price_precision CHECK (abs(price) < 100000000) CONSTRAINT ck_shipment_price_scale CHECK (price = round(price, 2)) CONSTRAINT ck_shipment_price_finite CHECK (typeof(price) IN ('integer', 'real', 'null')),
    discount NUMERIC(10,2) NOT NULL DEFAULT 0 CONSTRAINT ck_shipment_discount_precision CHECK (abs(discount) < 100000000) CONSTRAINT ck_shipment_discount_scale CHECK (discount = round(discount, 2)) CONSTRAINT ck_shipment_discount_finite CHECK (typeof(discount) IN ('integer', 'real', 'null')),
    weight REAL CONSTRAINT ck_shipment_weight_finite CHECK (weight NOT IN (9e999, -9e999)),
    code TEXT NOT NULL CONSTRAINT ck_shipment_code_max_length CHECK (length(code) <= 20) CONSTRAINT ck_shipment_code_nul CHECK (instr(code, char(0)) = 0),
    -- A column named like a keyword.
    user TEXT CONSTRAINT ck_shipment_user_nul CHECK (instr(user, char(0)) = 0),
    status TEXT NOT NULL DEFAULT 'placed' CONSTRAINT ck_shipment_status_enum CHECK (status IN ('placed', 'shipped', 'delivered')),
    express INTEGER NOT NULL DEFAULT FALSE CONSTRAINT ck_shipment_express_boolean CHECK (express IN (0, 1)),
    tracking UUID,
    notes TEXT CONSTRAINT ck_shipment_notes_json CHECK (notes IS NULL OR json_valid(notes)),
    label BLOB,
    CONSTRAINT ck_shipment_ships_after_order CHECK (shipped_on IS NULL OR shipped_on >= ordered_on),
    CONSTRAINT ck_shipment_delivered_at_ordered_at CHECK (julianday(delivered_at) > julianday(ordered_at)),
    CONSTRAINT ck_shipment_delivery_window CHECK (julianday(window_start) < julianday(window_end) AND julianday(window_start) >= julianday('06:00:00')),
    CONSTRAINT ck_shipment_quantity_fits CHECK (quantity <= max_quantity AND quantity > 0),
    CONSTRAINT ck_shipment_discount_below_price CHECK (discount <= price AND price <> 0.5),
    CONSTRAINT ck_shipment_weight_range CHECK (NOT (weight < (CAST(3602879701896397 AS REAL) / 36028797018963968) OR weight > 1000.5)),
    CONSTRAINT ck_shipment_code_range CHECK (code >= 'A' AND code < 'Z' OR code = 'O''Brien'),
    CONSTRAINT ck_shipment_express_is_shipped CHECK (express = FALSE OR status <> 'placed'),
    CONSTRAINT ck_shipment_tracked_when_sent CHECK (status = 'placed' OR tracking IS NOT NULL),
    CONSTRAINT ck_shipment_tracking_not_nil CHECK (tracking <> '00000000-0000-0000-0000-000000000000'),
    CONSTRAINT ck_shipment_local_after_2000 CHECK (local_at IS NULL OR julianday(local_at) >= julianday('2000-01-01 00:00:00')),
    CONSTRAINT ck_shipment_notes_or_no_label CHECK (notes IS NOT NULL OR label IS NULL),
    CONSTRAINT ck_shipment_user_is_not_code CHECK (user <> code),
    CONSTRAINT ck_shipment_a_check_name_long_enough_to_push_its_const_bd2ff61c CHECK (ordered_on > '1999-12-31')
);
