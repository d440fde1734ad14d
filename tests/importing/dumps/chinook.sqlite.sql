/*******************************************************************************
   Chinook Database, in the style of its SQLite script (a cut)
********************************************************************************/
CREATE TABLE [Artist]
(
    [ArtistId] INTEGER  NOT NULL,
    [Name] NVARCHAR(120) COLLATE NOCASE, -- as the label spells it
    CONSTRAINT [PK_Artist] PRIMARY KEY  ([ArtistId])
);

CREATE TABLE [Album]
(
    [AlbumId] INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    [Title] NVARCHAR(160)  NOT NULL,
    [ArtistId] INTEGER  NOT NULL,
    FOREIGN KEY ([ArtistId]) REFERENCES [Artist] ([ArtistId])
		ON DELETE NO ACTION ON UPDATE NO ACTION
);

CREATE TABLE [Track]
(
    [TrackId] INTEGER  NOT NULL,
    [Name] NVARCHAR(200)  NOT NULL,
    [AlbumId] INTEGER,
    [Composer] NVARCHAR(220),
    [Milliseconds] INTEGER  NOT NULL CHECK (Milliseconds > 0),
    [Bytes] INTEGER,
    [UnitPrice] NUMERIC(10,2)  NOT NULL DEFAULT 0.99,
    [Explicit] BOOLEAN NOT NULL DEFAULT 0,
    [AddedAt] DATETIME DEFAULT CURRENT_TIMESTAMP,
    [Cover] BLOB,
    [Misc],
    [Seconds] INTEGER GENERATED ALWAYS AS ([Milliseconds] / 1000) VIRTUAL,
    CONSTRAINT [PK_Track] PRIMARY KEY  ([TrackId]),
    FOREIGN KEY ([AlbumId]) REFERENCES [Album] ([AlbumId])
		ON DELETE SET NULL ON UPDATE NO ACTION
);
CREATE INDEX [IFK_TrackAlbumId] ON [Track] ([AlbumId]);
CREATE UNIQUE INDEX [UX_TrackName] ON [Track] ([AlbumId], [Name]);
CREATE INDEX [IX_TrackLatest] ON [Track] ([AlbumId], [TrackId] DESC);
CREATE VIEW [AlbumTitles] AS SELECT [Title] FROM [Album];
CREATE TRIGGER [TrackAdded] AFTER INSERT ON [Track] BEGIN SELECT 1; END;

CREATE TABLE "Order Details" ("Id" INTEGER PRIMARY KEY, "Quantity" INTEGER);
