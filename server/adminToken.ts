import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from './storage/tokenStore.ts';

/** ADMIN_TOKEN from the environment, else the one generated on first start (DATA_DIR/admin-token, mode 600). */
export function loadAdminToken(dataDir: string, fromEnv: string | undefined): { token: string; generated: boolean } {
  if (fromEnv) return { token: fromEnv, generated: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const token = newToken();
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return { token, generated: true };
}
