-- Change detection without reading unchanged files (pipeline/ingest/discover.py), as git's index does it: what the
-- file system said about each file when its bytes were last hashed. A file whose size, mtime_ns, ctime_ns and inode
-- are all as recorded is taken as unchanged without being read. NULL: not known or not to be trusted (a row from
-- before this migration, a file problem, or a stat taken within moments of the file's last change, which the same
-- timestamp could hide), so the next run hashes that file. `spbe run --verify` hashes every file.
ALTER TABLE files ADD COLUMN mtime_ns BIGINT;
ALTER TABLE files ADD COLUMN ctime_ns BIGINT;
ALTER TABLE files ADD COLUMN inode UBIGINT;

-- What a run read to find changes, and whether it verified every file (`--verify`, or weekly by itself).
ALTER TABLE runs ADD COLUMN files_hashed INTEGER;
ALTER TABLE runs ADD COLUMN bytes_hashed BIGINT;
ALTER TABLE runs ADD COLUMN verified BOOLEAN;

-- The folder's judgement is reused when its inputs are the same (pipeline/store/judgement.py): judgement_key is a
-- digest of every input (files, contents, analyses, rules and judge code, region, year, claims); judgement_from is
-- the earlier run whose judgement rows this run copied instead of judging again (NULL: judged in this run).
ALTER TABLE runs ADD COLUMN judgement_key VARCHAR;
ALTER TABLE runs ADD COLUMN judgement_from INTEGER;
