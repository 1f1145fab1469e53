/** npm run bench — every benchmark in turn, each in its own process so peak RSS is its own. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['import', 'htmlParts', 'text', 'search', 'compare', 'dossier'];
let failed = 0;
for (const name of benches) {
  const script = join(__dirname, `${name}.js`);
  if (!existsSync(script)) continue;
  const result = spawnSync(process.execPath, ['--expose-gc', script], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
