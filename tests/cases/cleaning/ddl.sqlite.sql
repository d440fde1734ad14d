-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

-- Not enforced by SQLite: pattern of code: ^[A-Z][A-Z0-9]*$
-- Not enforced by SQLite: NaN in ratio (the driver stores NaN as NULL)
-- Not enforced by SQLite: scale of amount: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: offset of clock: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by SQLite: JSON of meta: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- One raw reading.
CREATE TABLE reading (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id >= -2147483648) CHECK (id <= 2147483647),
    code TEXT NOT NULL UNIQUE CHECK (length(code) >= 2) CHECK (length(code) <= 8) CHECK (instr(code, char(0)) = 0),
    note TEXT CHECK (instr(note, char(0)) = 0),
    small INTEGER CHECK (small >= -100) CHECK (small <= 100),
    big INTEGER,
    ratio REAL CHECK (ratio >= 0.0) CHECK (ratio <= 1.0) CHECK (ratio NOT IN (9e999, -9e999)),
    amount NUMERIC(8,2) NOT NULL DEFAULT 0 CHECK (amount >= 0) CHECK (abs(amount) < 1000000) CHECK (amount = round(amount, 2)) CHECK (typeof(amount) IN ('integer', 'real', 'null')),
    flag INTEGER NOT NULL DEFAULT FALSE CHECK (flag IN (0, 1)),
    day TEXT,
    clock TEXT,
    local_at TEXT,
    seen_at TEXT CHECK (seen_at IS NULL OR coalesce(julianday(seen_at), 0) >= 1721425.5),
    ref TEXT,
    meta TEXT CHECK (meta IS NULL OR json_valid(meta)),
    blob BLOB,
    status TEXT NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'shipped', 'in-progress')),
    site TEXT CHECK (length(site) <= 10) CHECK (instr(site, char(0)) = 0),
    -- A keyword as a column name.
    "from" INTEGER CHECK ("from" >= -32768) CHECK ("from" <= 32767),
    UNIQUE (site, day)
);

-- Not enforced by SQLite: scale of value: a value is compared as a double, so places past 15 significant digits are not seen
-- A reading's line; the key has two columns.
CREATE TABLE line (
    reading_id INTEGER NOT NULL CHECK (reading_id >= -2147483648) CHECK (reading_id <= 2147483647) REFERENCES reading (id),
    line_no INTEGER NOT NULL CHECK (line_no >= 1) CHECK (line_no <= 32767),
    value NUMERIC(6,3) CHECK (abs(value) < 1000) CHECK (value = round(value, 3)) CHECK (typeof(value) IN ('integer', 'real', 'null')),
    PRIMARY KEY (reading_id, line_no)
);
