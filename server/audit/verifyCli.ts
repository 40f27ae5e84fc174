import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { verifyPostgres } from '../storage/postgres/pgRecord.ts';
import { verifyDatabase, type VerifyReport } from './verify.ts';

/**
 * `npm run verify -- <db>` (a SQLite file) or `DATABASE_URL=postgres://… npm run verify`:
 * exit 0 when the record is consistent, 1 with the problems listed, 2 when there is nothing to read.
 */
const source = process.argv[2] ?? process.env.DATABASE_URL;
const isPostgres = !!source && /^postgres(ql)?:\/\//.test(source);
if (!source || (!isPostgres && !existsSync(source))) {
  process.stderr.write('Aufruf: npm run verify -- <pfad/zur/handzeichen.sqlite>  oder  DATABASE_URL=postgres://… npm run verify\n');
  process.exit(2);
}

async function verify(source: string): Promise<VerifyReport> {
  if (isPostgres) return verifyPostgres(source);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    return verifyDatabase(db);
  } finally {
    db.close();
  }
}

try {
  const report = await verify(source);
  process.stdout.write(`${report.entries} Protokolleinträge, ${report.polls} Abstimmungen, ${report.ballots} Stimmen geprüft.\n`);
  if (report.problems.length === 0) {
    process.stdout.write('OK: Hash-Kette und Ergebnisse stimmen überein.\n');
  } else {
    process.stdout.write(`ABWEICHUNGEN (${report.problems.length}):\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  }
} catch (error) {
  // A database that cannot be read is no verdict on the record: not exit 1.
  process.stderr.write(`Prüfung nicht möglich: ${String(error)}\n`);
  process.exitCode = 2;
}
