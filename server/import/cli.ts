import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ImportAnswer } from './importMeeting.ts';

/**
 * `npm run import -- <bundle.json>`: sends an OParl bundle to the running server.
 * It goes through the server, not the database file, because the server keeps each meeting's
 * state in memory and issues the links; a second writer would leave it stale.
 * Settings: HANDZEICHEN_URL (else PUBLIC_URL, else http://localhost:$PORT), ADMIN_TOKEN (else
 * DATA_DIR/admin-token).
 */
async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length !== 1) {
    process.stderr.write('Aufruf: npm run import -- <oparl-bundle.json>\n');
    return 2;
  }
  const env = process.env;
  const base = (env.HANDZEICHEN_URL ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '');
  const tokenFile = join(resolve(env.DATA_DIR ?? './data'), 'admin-token');
  const token = env.ADMIN_TOKEN || (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '');
  if (!token) {
    process.stderr.write(`Kein Admin-Token: ADMIN_TOKEN setzen oder ${tokenFile} anlegen lassen (erster Serverstart).\n`);
    return 2;
  }
  let res: Response;
  try {
    res = await fetch(`${base}/api/import/oparl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: readFileSync(file, 'utf8'),
    });
  } catch (error) {
    process.stderr.write(`Server unter ${base} nicht erreichbar (${String(error)}). Läuft npm start?\n`);
    return 1;
  }
  const body = (await res.json()) as ImportAnswer | { error: string };
  if ('error' in body) {
    process.stderr.write(`Import abgelehnt (${res.status}): ${body.error}\n`);
    return 1;
  }
  const lines = [
    `${body.updated ? 'Sitzung aktualisiert' : 'Sitzung angelegt'}: ${body.id}`,
    `  Sitzungsleitung: ${body.chairUrl}`,
    `  Saalanzeige:     ${body.displayUrl}`,
    `  Mitglieder (${body.members.length}):`,
    ...body.members.map((m) => `    ${m.name.padEnd(28)} ${m.joinUrl}`),
  ];
  if (body.warnings.length) lines.push('', 'Bitte prüfen:', ...body.warnings.map((w) => `  - ${w}`));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
