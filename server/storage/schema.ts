import type Database from 'better-sqlite3';

/** Ordered migrations; `user_version` records how many have run. Append, never edit. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    organization TEXT NOT NULL,
    name TEXT NOT NULL,
    start TEXT NOT NULL,
    location TEXT NOT NULL,
    rules TEXT NOT NULL,
    statutory_members INTEGER NOT NULL,
    current_item_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE members (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    voting_right INTEGER NOT NULL CHECK (voting_right IN (0, 1)),
    PRIMARY KEY (meeting_id, id)
  );
  CREATE TABLE agenda_items (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    public INTEGER NOT NULL CHECK (public IN (0, 1)),
    paper TEXT,
    PRIMARY KEY (meeting_id, id)
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'chair', 'display')),
    member_id TEXT,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE polls (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    mode TEXT NOT NULL,
    majority TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'published', 'invalid')),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    published_at TEXT,
    eligible_member_ids TEXT NOT NULL,
    yes INTEGER, no INTEGER, abstain INTEGER,
    UNIQUE (meeting_id, item_id, round)
  );
  -- At most one open poll per meeting, enforced by the database.
  CREATE UNIQUE INDEX one_open_poll ON polls (meeting_id) WHERE status = 'open';
  -- One ballot per member per poll: changing a choice updates the row.
  CREATE TABLE ballots (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    member_id TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
    ballot_id TEXT NOT NULL,
    cast_at TEXT NOT NULL,
    PRIMARY KEY (poll_id, member_id)
  );
  `,
  `
  -- Attendance as an append-only log of check-ins and check-outs; the minutes show the times.
  CREATE TABLE attendance_events (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL,
    present INTEGER NOT NULL CHECK (present IN (0, 1)),
    at TEXT NOT NULL,
    by_role TEXT NOT NULL CHECK (by_role IN ('self', 'chair'))
  );
  CREATE INDEX attendance_by_meeting ON attendance_events (meeting_id, seq);
  -- Mitwirkungsverbot: one row per member excluded from an item.
  CREATE TABLE exclusions (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id, member_id)
  );
  ALTER TABLE polls ADD COLUMN excluded_member_ids TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE polls ADD COLUMN quorum TEXT;
  ALTER TABLE polls ADD COLUMN quorum_overridden INTEGER NOT NULL DEFAULT 0 CHECK (quorum_overridden IN (0, 1));
  -- "Beschlussfähigkeit angezweifelt": each time quorum was challenged and counted.
  CREATE TABLE quorum_checks (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    item_id TEXT,
    quorum TEXT NOT NULL
  );
  `,
  `
  ALTER TABLE polls ADD COLUMN roll_call_live INTEGER NOT NULL DEFAULT 0 CHECK (roll_call_live IN (0, 1));
  ALTER TABLE polls ADD COLUMN counted_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (counted_by_hand IN (0, 1));
  ALTER TABLE polls ADD COLUMN invalidated_at TEXT;
  -- Secret polls keep who has voted apart from what was chosen, with nothing linking the two:
  -- the voters carry no choice and no time, the choices exist only as counters. WITHOUT ROWID
  -- keeps the voters in key order, so no rowid counts their insertions.
  CREATE TABLE secret_voters (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    member_id TEXT NOT NULL,
    ballot_id TEXT NOT NULL,
    PRIMARY KEY (poll_id, member_id)
  ) WITHOUT ROWID;
  CREATE TABLE secret_tallies (
    poll_id TEXT PRIMARY KEY REFERENCES polls(id),
    yes INTEGER NOT NULL DEFAULT 0,
    no INTEGER NOT NULL DEFAULT 0,
    abstain INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  -- Beschlussart chosen by the clerk; an item without a row takes the default from its verdict.
  CREATE TABLE decision_kinds (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
  );
  `,
  // Setting up real meetings: the OParl ids an import came from (re-import updates), archiving.
  `
  ALTER TABLE meetings ADD COLUMN source_id TEXT;
  ALTER TABLE meetings ADD COLUMN archived_at TEXT;
  CREATE UNIQUE INDEX meetings_source ON meetings (source_id) WHERE source_id IS NOT NULL;
  ALTER TABLE agenda_items ADD COLUMN source_id TEXT;
  `,
  // The audit log: append-only, each entry carries the hash of the one before (server/audit/).
  `
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    poll_id TEXT,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
  );
  CREATE INDEX audit_log_meeting ON audit_log (meeting_id, seq);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
  // A poll keeps the rule set and statutory member count it was opened under (older rows: the meeting's).
  `
  ALTER TABLE polls ADD COLUMN rules TEXT;
  ALTER TABLE polls ADD COLUMN statutory_members INTEGER;
  `,
  // The audit log without a unique index on the hash: its random keys dirtied a page per entry,
  // the largest part of a group commit's disk writes at 10,000 ballots. Nothing looks a hash up;
  // the chain itself (each entry covers the previous hash) is what verify checks.
  `
  CREATE TABLE audit_log_v2 (
    seq INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    poll_id TEXT,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  INSERT INTO audit_log_v2 SELECT seq, meeting_id, at, kind, poll_id, payload, prev_hash, hash FROM audit_log;
  DROP TABLE audit_log;
  ALTER TABLE audit_log_v2 RENAME TO audit_log;
  CREATE INDEX audit_log_meeting ON audit_log (meeting_id, seq);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
  // Amendments (Änderungsanträge) and what a poll decides: an amendment, or several items en
  // bloc (Sammelabstimmung). polls.round stays unique per item; poll_subjects.round is the
  // round within the amendment or the bloc (server/storage/motionRows.ts).
  `
  CREATE TABLE motions (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    mover TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, id)
  );
  CREATE TABLE poll_subjects (
    poll_id TEXT PRIMARY KEY REFERENCES polls(id),
    motion_id TEXT,
    round INTEGER NOT NULL,
    bloc_item_ids TEXT
  );
  `,
  // Records the law and the RIS ask for: Fraktion/Gruppe, minute format and language per
  // meeting, § 68 recorded votes, results minuted group-wise.
  `
  ALTER TABLE members ADD COLUMN group_name TEXT;
  ALTER TABLE meetings ADD COLUMN minute_format TEXT NOT NULL DEFAULT 'allris';
  ALTER TABLE meetings ADD COLUMN language TEXT NOT NULL DEFAULT 'de';
  CREATE TABLE recorded_votes (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    member_id TEXT NOT NULL,
    by_role TEXT NOT NULL CHECK (by_role IN ('self', 'chair')),
    at TEXT NOT NULL,
    PRIMARY KEY (poll_id, member_id)
  );
  ALTER TABLE polls ADD COLUMN group_wise INTEGER NOT NULL DEFAULT 0 CHECK (group_wise IN (0, 1));
  `,
  // Elections of persons: a Wahlgang is a poll with its election part (stage, seats, candidates,
  // votes) as JSON; open ballots keep their marks; a secret Wahlgang keeps votes only as
  // counters per candidate, created with the poll so no row appears with the first mark.
  `
  ALTER TABLE polls ADD COLUMN election TEXT;
  ALTER TABLE ballots ADD COLUMN marks TEXT;
  CREATE TABLE elections (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
  );
  CREATE TABLE secret_votes (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    candidate_id TEXT NOT NULL,
    votes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (poll_id, candidate_id)
  ) WITHOUT ROWID;
  `,
];

/** Runs the migrations not yet applied; `until` stops early (tests of a migration's effect on old data). */
export function migrate(db: Database.Database, until = MIGRATIONS.length): void {
  const done = db.pragma('user_version', { simple: true }) as number;
  for (let i = done; i < until; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
