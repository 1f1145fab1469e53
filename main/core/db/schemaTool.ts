/**
 * `npm run db:schema`: regenerates schema.sql from the migrations and records
 * the checksum of any new migration in shipped.json. Existing entries are
 * never rewritten: a shipped migration is frozen.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from './connection';
import { dumpSchema, migrate, migrationChecksum } from './migrate';
import { migrations } from './migrations';

export type ShippedChecksums = Record<string, string>;

export async function generateSchemaSql(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-schema-'));
  const db = await Database.open(join(dir, 'schema.db'));
  try {
    await migrate(db, migrations, () => new Date(0));
    return await dumpSchema(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sourceDir(): string {
  // From dist/main/core/db back to main/core/db in the source tree.
  return __filename.endsWith('.ts') ? __dirname : resolve(__dirname, '../../../../main/core/db');
}

async function main(): Promise<void> {
  const dir = sourceDir();
  writeFileSync(join(dir, 'schema.sql'), await generateSchemaSql());
  const shippedPath = join(dir, 'migrations', 'shipped.json');
  const shipped = JSON.parse(readFileSync(shippedPath, 'utf8')) as ShippedChecksums;
  for (const m of migrations) {
    const key = String(m.version).padStart(4, '0');
    shipped[key] ??= migrationChecksum(m);
  }
  writeFileSync(shippedPath, `${JSON.stringify(shipped, null, 2)}\n`);
  process.stdout.write(`wrote ${join(dir, 'schema.sql')} and ${shippedPath}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
