import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json, found from source (main/core) or build (dist/main/core) alike. */
export function appVersion(): string {
  for (const up of ['../..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'mizan' && pkg.version) return pkg.version;
    } catch {
      // not at this level; try the next
    }
  }
  return '0.0.0';
}
