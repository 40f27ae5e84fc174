import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { verifyDatabase } from './verify.ts';

/** `npm run verify -- <db>`: exit 0 when the record is consistent, 1 with the problems listed. */
const file = process.argv[2];
if (!file || !existsSync(file)) {
  process.stderr.write('Aufruf: npm run verify -- <pfad/zur/handzeichen.sqlite>\n');
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const report = verifyDatabase(db);
db.close();
process.stdout.write(`${report.entries} Protokolleinträge, ${report.polls} Abstimmungen, ${report.ballots} Stimmen geprüft.\n`);
if (report.problems.length === 0) {
  process.stdout.write('OK: Hash-Kette und Ergebnisse stimmen überein.\n');
} else {
  process.stdout.write(`ABWEICHUNGEN (${report.problems.length}):\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exitCode = 1;
}
