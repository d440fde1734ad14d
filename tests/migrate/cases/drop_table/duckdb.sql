-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 8a2ddfc724a3155e)
-- to: new.yaml (fingerprint dd051b22e33d55fd)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of book aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, author_id, title FROM book;

-- table rebuild: copy the rows of loan aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT book_id FROM loan;

-- table rebuild: drop table loan (its rows are copied aside)
DROP TABLE loan;

-- table rebuild: drop table book (its rows are copied aside)
DROP TABLE book;

-- destructive: drop table author
DROP TABLE author;

-- table rebuild: create the rebuilt table book from the new schema
CREATE TABLE book (
    id INTEGER NOT NULL CONSTRAINT pk_book PRIMARY KEY,
    author_id INTEGER,
    title VARCHAR NOT NULL CONSTRAINT ck_book_title_max_length CHECK (length(title) <= 200) CONSTRAINT ck_book_title_nul CHECK (NOT contains(title, chr(0)))
);

-- table rebuild: create the rebuilt table loan from the new schema
CREATE TABLE loan (
    book_id INTEGER NOT NULL CONSTRAINT pk_loan PRIMARY KEY CONSTRAINT fk_loan_book_id REFERENCES book (id)
);

-- table rebuild: put the rows of book back, converted
INSERT INTO book (id, author_id, title)
SELECT o.id, o.author_id, o.title FROM "sc-old-1" AS o;

-- table rebuild: put the rows of loan back, converted
INSERT INTO loan (book_id)
SELECT o.book_id FROM "sc-old-2" AS o;

-- table rebuild: drop the copy of book's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of loan's old rows
DROP TABLE "sc-old-2";

COMMIT;
