/**
 * The PostgreSQL schema: the SQLite schema (server/storage/schema.ts, all its migrations) as it
 * stands today, in one first migration, with the same invariants enforced by the database.
 * Append new migrations, never edit one that has shipped (migrate.ts records how many ran).
 *
 * Choices that keep both storages interchangeable:
 * - Times stay ISO-8601 TEXT as the server writes them. The audit hash covers `at` byte for
 *   byte; a timestamptz would come back formatted differently and break verification.
 * - JSON columns (eligible_member_ids, election, marks, bloc_item_ids, data, payload) stay TEXT:
 *   jsonb would reorder keys and drop whitespace, and the audit payload is hashed as written.
 * - SQLite's 0/1 INTEGER flags become boolean (node-postgres returns true/false).
 * - SQLite's AUTOINCREMENT sequences become identity columns; `integer` so node-postgres
 *   returns JS numbers. audit_log.seq is bigint (it counts every ballot of every meeting):
 *   node-postgres returns int8 as a string unless the pool sets a type parser.
 * - No foreign keys where SQLite has none: members and agenda items are replaced wholesale on a
 *   re-import (SetupStore.replaceSetup) while polls, ballots and tokens keep their ids.
 */
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
    created_at TEXT NOT NULL,
    -- Setting up real meetings: the OParl id an import came from (re-import updates), archiving.
    source_id TEXT,
    archived_at TEXT,
    minute_format TEXT NOT NULL DEFAULT 'allris',
    language TEXT NOT NULL DEFAULT 'de'
  );
  CREATE UNIQUE INDEX meetings_source ON meetings (source_id) WHERE source_id IS NOT NULL;

  CREATE TABLE members (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    voting_right BOOLEAN NOT NULL,
    -- Fraktion/Gruppe, for results minuted group-wise.
    group_name TEXT,
    PRIMARY KEY (meeting_id, id)
  );

  CREATE TABLE agenda_items (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    public BOOLEAN NOT NULL,
    paper TEXT,
    source_id TEXT,
    PRIMARY KEY (meeting_id, id)
  );

  -- Links are stored only as SHA-256 hashes (server/storage/tokenStore.ts, pairingCards.ts).
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'chair', 'display')),
    member_id TEXT,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
  );
  -- Revoking a member's links (a lost tablet) looks them up by member.
  CREATE INDEX tokens_member ON tokens (meeting_id, member_id) WHERE revoked_at IS NULL;

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
    yes INTEGER,
    no INTEGER,
    abstain INTEGER,
    excluded_member_ids TEXT NOT NULL DEFAULT '[]',
    quorum TEXT,
    quorum_overridden BOOLEAN NOT NULL DEFAULT false,
    roll_call_live BOOLEAN NOT NULL DEFAULT false,
    counted_by_hand BOOLEAN NOT NULL DEFAULT false,
    invalidated_at TEXT,
    -- The rule set and statutory member count the poll was opened under.
    rules TEXT,
    statutory_members INTEGER,
    group_wise BOOLEAN NOT NULL DEFAULT false,
    -- A Wahlgang's election part (stage, seats, candidates, votes) as JSON.
    election TEXT,
    UNIQUE (meeting_id, item_id, round)
  );
  -- At most one open poll per meeting, enforced by the database (across all server nodes).
  CREATE UNIQUE INDEX one_open_poll ON polls (meeting_id) WHERE status = 'open';

  -- One ballot per member per poll: changing a choice updates the row.
  CREATE TABLE ballots (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    member_id TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
    ballot_id TEXT NOT NULL,
    cast_at TEXT NOT NULL,
    -- An open Wahlgang's marks (candidate ids) as JSON.
    marks TEXT,
    PRIMARY KEY (poll_id, member_id)
  );

  -- Secret polls keep who has voted apart from what was chosen, with no column linking the
  -- two: the voters carry no choice and no time, the choices exist only as counters (per
  -- choice, or per candidate for a secret Wahlgang, created with the poll so no row appears
  -- with the first mark). Unlike SQLite's WITHOUT ROWID tables, PostgreSQL rows carry hidden
  -- system columns (xmin: the writing transaction; ctid: the physical slot): a voter row and
  -- the counter version written in the same transaction share an xmin. For whoever can read
  -- system columns or old row versions (a superuser, a copy of the data directory or the WAL),
  -- a transaction holding one secret ballot links voter and choice; a group commit blurs it
  -- to the batch. The storage must never select xmin/ctid; closing the gap is its design task.
  CREATE TABLE secret_voters (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    member_id TEXT NOT NULL,
    ballot_id TEXT NOT NULL,
    PRIMARY KEY (poll_id, member_id)
  );
  CREATE TABLE secret_tallies (
    poll_id TEXT PRIMARY KEY REFERENCES polls(id),
    yes INTEGER NOT NULL DEFAULT 0,
    no INTEGER NOT NULL DEFAULT 0,
    abstain INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE secret_votes (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    candidate_id TEXT NOT NULL,
    votes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (poll_id, candidate_id)
  );

  -- Attendance as an append-only log of check-ins and check-outs; the minutes show the times.
  CREATE TABLE attendance_events (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    seq INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    member_id TEXT NOT NULL,
    present BOOLEAN NOT NULL,
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

  -- "Beschlussfähigkeit angezweifelt": each time quorum was challenged and counted.
  CREATE TABLE quorum_checks (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    seq INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    item_id TEXT,
    quorum TEXT NOT NULL
  );

  -- Beschlussart chosen by the clerk; an item without a row takes the default from its verdict.
  CREATE TABLE decision_kinds (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
  );

  -- Amendments (Änderungsanträge) and what a poll decides: an amendment, or several items en
  -- bloc. polls.round stays unique per item; poll_subjects.round is the round within the
  -- amendment or the bloc (server/storage/motionRows.ts).
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

  -- § 68 recorded votes: who asked for their vote to be minuted, and when.
  CREATE TABLE recorded_votes (
    poll_id TEXT NOT NULL REFERENCES polls(id),
    member_id TEXT NOT NULL,
    by_role TEXT NOT NULL CHECK (by_role IN ('self', 'chair')),
    at TEXT NOT NULL,
    PRIMARY KEY (poll_id, member_id)
  );

  -- Elections of persons: an item's election setup as JSON.
  CREATE TABLE elections (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
  );

  -- The audit log (server/audit/auditLog.ts): append-only, each entry's hash covers the
  -- previous entry's hash. One chain for the whole database, as in SQLite.
  CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY CHECK (seq >= 1),
    meeting_id TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    poll_id TEXT,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash TEXT NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
  );
  CREATE INDEX audit_log_meeting ON audit_log (meeting_id, seq);

  CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
  END $$;
  -- Per statement, so even an UPDATE or DELETE matching no row is refused; TRUNCATE bypasses
  -- row triggers and needs its own. Whoever drops the trigger is caught by the chain (verify).
  CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

  -- With several server nodes appending, the chain must not fork: an entry must follow the
  -- entry before it (seq - 1, whose hash it carries) or be the first. Together with the
  -- primary key, two nodes appending from the same end cannot both commit.
  CREATE FUNCTION audit_log_check_link() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.seq = 1 THEN
      IF NEW.prev_hash <> repeat('0', 64) THEN
        RAISE EXCEPTION 'audit_log entry 1 must start from the genesis hash' USING ERRCODE = 'check_violation';
      END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq - 1 AND hash = NEW.prev_hash) THEN
      RAISE EXCEPTION 'audit_log entry % does not follow entry %', NEW.seq, NEW.seq - 1 USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_check_link();
  `,
  `
  -- Clustered mode (server/cluster/ownership.ts): which node owns a meeting. Ownership itself is
  -- a session advisory lock (lock_key) held by the owner's dedicated connection (backend_pid);
  -- this row only says who holds it. A row counts while that backend holds that lock in
  -- pg_locks: a dead owner's row does not, nor the old owner's row in the moment between a new
  -- owner's lock and its rewrite of the row.
  CREATE TABLE meeting_owners (
    meeting_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL,
    lock_key BIGINT NOT NULL,
    backend_pid INTEGER NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  `,
];
