-- A translation memory as translator 0.1.0 (schema version 1) wrote it, for the migration tests.
PRAGMA application_id = 1414680147;
PRAGMA user_version = 1;
CREATE TABLE approvals (
    doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
    src TEXT NOT NULL, source_text TEXT NOT NULL, translation TEXT NOT NULL,
    PRIMARY KEY (doc_key, tgt, segment_id)
) WITHOUT ROWID;
INSERT INTO "approvals" VALUES('interview-aisin','ru',4,'en','Thank you.','Спасибо вам.');
INSERT INTO "approvals" VALUES('interview-aisin','uk',3,'en','Good afternoon, Ruslan Aisin.','Добрий день, Руслане Айсіне.');
CREATE TABLE files (
    path TEXT NOT NULL PRIMARY KEY, sha256 TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "files" VALUES('/tmp/out/interview-aisin.uk.srt','abababababababababababababababababababababababababababababababab');
CREATE TABLE outputs (
    doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
    source_text TEXT NOT NULL, translation TEXT NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (doc_key, tgt, segment_id)
) WITHOUT ROWID;
INSERT INTO "outputs" VALUES('interview-aisin','uk',3,'Good afternoon, Ruslan Aisin.','Добрий день, Руслан Айсін.','machine');
INSERT INTO "outputs" VALUES('interview-aisin','uk',4,'Thank you.','Дякую.','flagged');
CREATE TABLE runs (
    doc_key TEXT NOT NULL PRIMARY KEY, fingerprint TEXT NOT NULL, paths TEXT NOT NULL, report TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "runs" VALUES('interview-aisin','ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','["/tmp/out/interview-aisin.uk.srt"]','flags: 1 glossary-miss (uk)');
CREATE TABLE sentences (
    src TEXT NOT NULL, tgt TEXT NOT NULL, engine TEXT NOT NULL, glossary TEXT NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (src, tgt, engine, glossary, source)
) WITHOUT ROWID;
INSERT INTO "sentences" VALUES('en','uk','translate-en_uk-1_9','g1','Hello.','Привіт.');
INSERT INTO "sentences" VALUES('en','uk','translate-en_uk-1_9','g1','Thank you.','Дякую.');
