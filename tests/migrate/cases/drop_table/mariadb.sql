-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 132693b2c4b7bb67)
-- to: new.yaml (fingerprint 3f7a615b2855d56d)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of book aside
CREATE TABLE `sc-old-1` AS SELECT id, author_id, title FROM book;

-- table rebuild: drop table book (its rows are copied aside)
DROP TABLE book;

-- destructive: drop table author
DROP TABLE author;

-- table rebuild: create the rebuilt table book from the new schema
CREATE TABLE book (
    id INT NOT NULL,
    author_id INT,
    title VARCHAR(201) NOT NULL,
    CONSTRAINT pk_book PRIMARY KEY (id),
    CONSTRAINT ck_book_title_max_length CHECK (CHAR_LENGTH(title) <= 200),
    CONSTRAINT ck_book_title_nul CHECK (INSTR(title, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of book back, converted
INSERT INTO book (id, author_id, title)
SELECT o.id, o.author_id, o.title FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of book's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
