import type Database from 'better-sqlite3';

/** Ordered migrations; `user_version` records how many have run. Append, never edit. */
const MIGRATIONS: string[] = [
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
];

export function migrate(db: Database.Database): void {
  const done = db.pragma('user_version', { simple: true }) as number;
  for (let i = done; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
