import * as fs from 'fs';
import * as path from 'path';
import { readBuild, startRunner } from '../emulator/session';
import { Workspace } from '../emulator/workspace';
import { runMatchingBench } from '../match/bench';
import { runPairingBench } from '../match/pairing-bench';
import { OPERATIONS, docsCallsOf } from './operations';

/**
 * npm run bench: service calls and time per add-on operation at 100, 1,000 and 10,000 rows
 * (calls must stay flat: each is a round trip in Apps Script), and the matcher against its peers.
 */
const SIZES = [100, 1000, 10000];

interface OperationRow {
  name: string;
  rows: number;
  totalCalls: number;
  calls: Record<string, number>;
  ms: number;
}

async function main(): Promise<void> {
  const build = readBuild();
  const operations: OperationRow[] = [];
  // --only=<part of a name>: measure a few operations while working on them.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const chosen = only ? OPERATIONS.filter((op) => op.name.includes(only)) : OPERATIONS;
  for (const op of chosen) {
    for (const rows of SIZES) {
      const ws = new Workspace({ seed: `bench-${rows}` });
      ws.now = () => new Date('2026-10-01T07:00:00Z');
      const runner = startRunner(ws, build);
      op.prepare(ws, runner, rows);
      ws.calls.reset();
      const started = process.hrtime.bigint();
      const outcome = op.run(runner) as { ok?: unknown; message?: unknown } | undefined;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // A figure for an operation that failed would measure the failure, not the operation.
      if (outcome && outcome.ok === false) throw new Error(`${op.name} at ${rows} rows failed: ${String(outcome.message)}\n${ws.logs.filter((l) => l.startsWith('ERROR')).join('\n')}`);
      const wrong = op.verify?.(ws, rows);
      if (wrong) throw new Error(`${op.name} at ${rows} rows measured the wrong thing: ${wrong}`);
      operations.push({ name: op.name, rows, totalCalls: ws.calls.total(), calls: ws.calls.snapshot(), ms: Math.round(ms * 10) / 10 });
    }
  }
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out('Операции надстройки: вызовы сервисов и время');
  for (const op of chosen) {
    const rows = operations.filter((r) => r.name === op.name);
    // Flat: the same calls at 10,000 rows as at 100, give or take growing the grid once.
    const flat = rows.every((r) => r.totalCalls <= rows[0].totalCalls + 2);
    out(`  ${op.name}`);
    for (const r of rows) {
      const docs = docsCallsOf(r.calls);
      out(`    ${String(r.rows).padStart(6)} строк: ${String(r.totalCalls).padStart(5)} вызовов${docs ? ` (Docs и Drive: ${docs})` : ''}, ${r.ms} мс`);
    }
    out(`    вызовы ${flat ? 'не растут с числом строк' : 'РАСТУТ с числом строк'}`);
    // The issue's measure for a Doc: one table insert with the whole table, never a call per cell.
    if (rows.some((r) => docsCallsOf(r.calls)))
      out(`    вызовы Docs и Drive ${rows.every((r) => docsCallsOf(r.calls) === docsCallsOf(rows[0].calls)) ? 'одни и те же при любом числе пар' : 'РАСТУТ с числом пар'}`);
  }
  out();
  const matching = process.argv.includes('--no-matching') ? [] : await runMatchingBench();
  out('Подбор пар целиком (оценка всех пар одной формы, решение, пояснения)');
  const pairing = process.argv.includes('--no-matching') ? [] : runPairingBench(out);
  const file = path.resolve('out', 'bench.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ generatedAt: new Date().toISOString(), operations, matching, pairing }, null, 2));
  out(`Записано: ${file}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
