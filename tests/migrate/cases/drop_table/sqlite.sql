-- schemacog migration for sqlite
-- from: old.yaml (fingerprint afa3c7e19774e288)
-- to: new.yaml (fingerprint e8693207c4b4ccf9)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of book aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, author_id, title FROM book;

-- table rebuild: drop table book (its rows are copied aside)
DROP TABLE book;

-- destructive: drop table author
DROP TABLE author;

-- table rebuild: create the rebuilt table book from the new schema
CREATE TABLE book (
    id INTEGER NOT NULL CONSTRAINT pk_book PRIMARY KEY CONSTRAINT ck_book_id_min CHECK (id >= -2147483648) CONSTRAINT ck_book_id_max CHECK (id <= 2147483647),
    author_id INTEGER CONSTRAINT ck_book_author_id_min CHECK (author_id >= -2147483648) CONSTRAINT ck_book_author_id_max CHECK (author_id <= 2147483647),
    title TEXT NOT NULL CONSTRAINT ck_book_title_max_length CHECK (length(title) <= 200) CONSTRAINT ck_book_title_nul CHECK (instr(title, char(0)) = 0)
);

-- table rebuild: put the rows of book back, converted
INSERT INTO book (id, author_id, title)
SELECT o.id, o.author_id, o.title FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of book's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
