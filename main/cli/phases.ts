/**
 * Where one call's time goes (`node dist/bench/cliStart.js --phases`): with
 * MIZAN_CLI_PHASES=1 in the environment the CLI notes, at each step, the wall
 * and CPU milliseconds since the process started, and prints them on stderr
 * at exit as one line, `mizan-phases [...]`. bin/mizan.js notes its own first
 * steps (Node's start, the bundle compiled) on the same list, a global one
 * because the bundle and bin/mizan.js share no module.
 */
export interface PhaseMark {
  phase: string;
  /** Milliseconds since the process started (performance.now()). */
  wall: number;
  /** User + system CPU milliseconds of the whole process so far, every thread. */
  cpu: number;
}

const KEY = Symbol.for('mizan.cliPhases');
const holder = globalThis as { [KEY]?: PhaseMark[] };
const marks: PhaseMark[] | null = process.env.MIZAN_CLI_PHASES === '1' ? (holder[KEY] ??= []) : null;

if (marks)
  process.on('exit', () => {
    markPhase('exit');
    process.stderr.write(`mizan-phases ${JSON.stringify(marks)}\n`);
  });

/** Notes that `phase` has just ended (nothing unless MIZAN_CLI_PHASES=1). */
export function markPhase(phase: string): void {
  if (!marks) return;
  const { user, system } = process.cpuUsage();
  marks.push({ phase, wall: performance.now(), cpu: (user + system) / 1000 });
}
