CREATE TYPE "Weird" AS ENUM ('it''s', 'say "hi"', E'back\\slash', 'with space', 'ünïcödé', '--x--');
COMMENT ON TYPE "Weird" IS E'Line one with ''quotes'' and "double quotes".
  Indented line two \\ with a backslash.
Trailing quote"
';

-- Not enforced by PostgreSQL: JSON of json: stores arrays and objects nested deeper than 31
-- Not enforced by PostgreSQL: offset of datetime: a value without an offset is read in a default zone
CREATE TABLE "select" (
    "from" bigint NOT NULL CONSTRAINT pk_select PRIMARY KEY,
    class text NOT NULL DEFAULT E'O''Brien "the" \\ one' CONSTRAINT ck_select_class_max_length CHECK (char_length(class) <= 40),
    json jsonb DEFAULT E'{"k''":["\\"","\\\\","\\n"]}',
    schema text CONSTRAINT ck_select_schema_max_length CHECK (char_length(schema) <= 10000) CONSTRAINT ck_select_schema_pattern CHECK (schema ~ E'^[^''"\\\\]*$'),
    model_config "Weird" NOT NULL DEFAULT 'it''s',
    date date,
    datetime timestamptz CONSTRAINT ck_select_datetime_instant CHECK (datetime >= '0001-01-01 00:00:00+00:00' AND datetime <= '9999-12-31 23:59:59.999999+00:00'),
    _id integer,
    "Mixed" boolean NOT NULL DEFAULT FALSE
);
COMMENT ON TABLE "select" IS E'A table named like a keyword; description with '''''' and """ and \\n literal';
COMMENT ON COLUMN "select"."from" IS '*/ DROP TABLE users; --';
COMMENT ON COLUMN "select".class IS '|pipe| and <script>alert(1)</script>';
COMMENT ON COLUMN "select".schema IS 'No quotes, no backslashes.';
COMMENT ON COLUMN "select"._id IS 'Leading underscore: # not a heading
second line';

CREATE TABLE "user" (
    key text NOT NULL CONSTRAINT pk_user PRIMARY KEY CONSTRAINT ck_user_key_max_length CHECK (char_length(key) <= 10),
    "group" bigint NOT NULL CONSTRAINT fk_user_group REFERENCES "select" ("from") ON DELETE CASCADE,
    "order" smallint NOT NULL DEFAULT 0 CONSTRAINT ck_user_order_min CHECK ("order" >= -5) CONSTRAINT ck_user_order_max CHECK ("order" <= 5)
);
COMMENT ON TABLE "user" IS 'Another keyword.';
