-- DuckDB: constraint names are not kept (its errors show the expression).

CREATE TYPE Weird AS ENUM ('it''s', 'say "hi"', 'back\slash', 'with space', 'ünïcödé', '--x--');
COMMENT ON TYPE Weird IS 'Line one with ''quotes'' and "double quotes".
  Indented line two \ with a backslash.
Trailing quote"
';

-- Not enforced by DuckDB: JSON of json: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
-- Not enforced by DuckDB: offset of datetime: a value without an offset is read in a default zone
CREATE TABLE "select" (
    "from" BIGINT NOT NULL CONSTRAINT pk_select PRIMARY KEY,
    class VARCHAR NOT NULL DEFAULT 'O''Brien "the" \ one' CONSTRAINT ck_select_class_max_length CHECK (length(class) <= 40) CONSTRAINT ck_select_class_nul CHECK (NOT contains(class, chr(0))),
    json JSON DEFAULT '{"k''":["\"","\\","\n"]}',
    schema VARCHAR CONSTRAINT ck_select_schema_max_length CHECK (length(schema) <= 10000) CONSTRAINT ck_select_schema_pattern CHECK (regexp_matches(schema, '^[^''"\\]*$', 's')) CONSTRAINT ck_select_schema_nul CHECK (NOT contains(schema, chr(0))),
    model_config Weird NOT NULL DEFAULT 'it''s',
    date DATE,
    datetime TIMESTAMPTZ CONSTRAINT ck_select_datetime_instant CHECK (datetime >= '0001-01-01 00:00:00+00:00' AND datetime <= '9999-12-31 23:59:59.999999+00:00'),
    _id INTEGER,
    Mixed BOOLEAN NOT NULL DEFAULT FALSE
);
COMMENT ON TABLE "select" IS 'A table named like a keyword; description with '''''' and """ and \n literal';
COMMENT ON COLUMN "select"."from" IS '*/ DROP TABLE users; --';
COMMENT ON COLUMN "select".class IS '|pipe| and <script>alert(1)</script>';
COMMENT ON COLUMN "select".schema IS 'No quotes, no backslashes.';
COMMENT ON COLUMN "select"._id IS 'Leading underscore: # not a heading
second line';

-- Not enforced by DuckDB: ON DELETE CASCADE of (group) -> select: not supported, NO ACTION instead
CREATE TABLE user (
    key VARCHAR NOT NULL CONSTRAINT pk_user PRIMARY KEY CONSTRAINT ck_user_key_max_length CHECK (length(key) <= 10) CONSTRAINT ck_user_key_nul CHECK (NOT contains(key, chr(0))),
    "group" BIGINT NOT NULL CONSTRAINT fk_user_group REFERENCES "select" ("from"),
    "order" SMALLINT NOT NULL DEFAULT 0 CONSTRAINT ck_user_order_min CHECK ("order" >= -5) CONSTRAINT ck_user_order_max CHECK ("order" <= 5)
);
COMMENT ON TABLE user IS 'Another keyword.';
