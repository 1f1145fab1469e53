#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here; otherwise say why
// and open the same app through the localhost web host.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');

function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch (error) {
    return { reason: 'the electron package is not installed' };
  }
  // path.txt names the binary once it has been downloaded; reading it avoids
  // require('electron'), which starts a download when the binary is missing.
  const pathFile = path.join(packageDir, 'path.txt');
  if (fs.existsSync(pathFile)) {
    const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    if (fs.existsSync(binary)) return { binary };
  }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { reason: 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' };
  }
  // First start on a machine that skipped the download at install time:
  // fetch the binary now, quietly, and fall back if that is impossible.
  process.stderr.write('Mizan: downloading Electron for the desktop app (first start)...\n');
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 5 * 60 * 1000,
  });
  if (fs.existsSync(pathFile)) {
    const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    if (result.status === 0 && fs.existsSync(binary)) return { binary };
  }
  const why =
    `${result.stderr || ''}${result.stdout || ''}`.split('\n').find((line) => /error|failed/i.test(line)) ||
    `exit code ${result.status}`;
  return { reason: `the Electron binary could not be downloaded (${why.trim()})` };
}

function startWeb(reason) {
  process.stderr.write(`Mizan: cannot start the desktop app: ${reason}.\n`);
  process.stderr.write('Mizan: opening the same app through the local web host instead.\n');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main', 'web', 'main.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const found = electronBinary();
if (!found.binary) {
  startWeb(found.reason);
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  startWeb('no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)');
} else {
  const child = spawn(found.binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('error', (error) => startWeb(error.message));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null && code !== null) {
      process.stderr.write(`Mizan: the desktop app exited with code ${code}.\n`);
    }
    process.exit(code ?? 0);
  });
}
