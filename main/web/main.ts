/**
 * `npm run web` / `node dist/main/web/main.js [--library FILE] [--port N] [--no-open] [--restore-latest-backup]`:
 * starts the services and the localhost host, prints the URL with its token.
 * A damaged library (LIBRARY_CORRUPT) stops it with the way out printed;
 * `--restore-latest-backup` takes it (the damaged file is kept in backups/).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MizanError } from '../../preload/contract';
import { recoverFromLatestBackup } from '../core/db/backup';
import { defaultLibraryPath } from '../core/paths';
import { createServices } from '../core/services';
import { startWebHost } from './server';

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No desktop to open a browser on: the printed URL is enough.
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      library: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'restore-latest-backup': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: mizan-web [--library FILE] [--port N] [--no-open] [--restore-latest-backup]\n');
    return;
  }
  const dbPath = values.library ?? defaultLibraryPath();
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: "${values.port}" is not a port number`);
  if (values['restore-latest-backup']) {
    const { restoredFrom, keptAside } = await recoverFromLatestBackup(dbPath);
    process.stdout.write(
      `Restored ${restoredFrom.name} (${restoredFrom.createdAt}); the replaced file is kept as ${keptAside ?? '(none)'}\n`,
    );
  }
  // MIZAN_STORIES_AFTER_IMPORT=0: imports leave story placement to compare.cluster (suites that time or count runs).
  const storiesAfterImport = process.env.MIZAN_STORIES_AFTER_IMPORT !== '0';
  const services = await createServices({ dbPath, host: 'web', storiesAfterImport }).catch((error: unknown) => {
    if (error instanceof MizanError && error.code === 'LIBRARY_CORRUPT') {
      throw new Error(
        `${error.message}\nTo restore the last good backup: mizan-web --library "${dbPath}" --restore-latest-backup`,
      );
    }
    throw error;
  });
  // A big library is checked after it opens: on failure every call answers LIBRARY_CORRUPT; say the way out here too.
  void services.db.checked().then((failure) => {
    if (failure)
      process.stderr.write(
        `${failure.message}\nTo restore the last good backup: mizan-web --library "${dbPath}" --restore-latest-backup\n`,
      );
  });
  const host = await startWebHost({
    handlers: services.handlers,
    rendererDir: join(__dirname, '..', '..', 'renderer'),
    port,
    // An uploaded bundle is staged beside the library it replaces: the same disk, and not a RAM-backed /tmp.
    uploadStagingDir: dirname(dbPath),
  });
  process.stdout.write(`Mizan web host: ${host.url}\nLibrary: ${dbPath}\nPress Ctrl+C to stop.\n`);
  if (!values['no-open']) openBrowser(host.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`mizan web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
