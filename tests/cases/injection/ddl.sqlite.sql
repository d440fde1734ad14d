-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

-- Not enforced by SQLite: JSON of json: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Not enforced by SQLite: pattern of schema: ^[^'"\\]*$
-- Not enforced by SQLite: offset of datetime: a value without an offset is read in a default zone
-- A table named like a keyword; description with ''' and """ and \n literal
CREATE TABLE "select" (
    -- */ DROP TABLE users; --
    "from" INTEGER NOT NULL PRIMARY KEY,
    -- |pipe| and <script>alert(1)</script>
    class TEXT NOT NULL DEFAULT 'O''Brien "the" \ one' CHECK (length(class) <= 40) CHECK (instr(class, char(0)) = 0),
    json TEXT DEFAULT '{"k''":["\"","\\","\n"]}' CHECK (json IS NULL OR json_valid(json)),
    -- No quotes, no backslashes.
    schema TEXT CHECK (instr(schema, char(0)) = 0),
    model_config TEXT NOT NULL DEFAULT 'it''s' CHECK (model_config IN ('it''s', 'say "hi"', 'back\slash', 'with space', 'ünïcödé', '--x--')),
    date TEXT,
    datetime TEXT CHECK (datetime IS NULL OR coalesce(julianday(datetime), 0) >= 1721425.5),
    -- Leading underscore: # not a heading
    -- second line
    _id INTEGER CHECK (_id >= -2147483648) CHECK (_id <= 2147483647),
    Mixed INTEGER NOT NULL DEFAULT FALSE CHECK (Mixed IN (0, 1))
);

-- Another keyword.
CREATE TABLE user (
    key TEXT NOT NULL PRIMARY KEY CHECK (length(key) <= 10) CHECK (instr(key, char(0)) = 0),
    "group" INTEGER NOT NULL REFERENCES "select" ("from") ON DELETE CASCADE,
    "order" INTEGER NOT NULL DEFAULT 0 CHECK ("order" >= -5) CHECK ("order" <= 5)
);
