-- Only in tests: a migration newer than the ones shipped, which must run on a database whose
-- history has all of those (DatabaseTest).
CREATE TABLE startup_probe (id ${id_pk}, note TEXT NOT NULL);
