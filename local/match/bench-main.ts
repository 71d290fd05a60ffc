/**
 * The matching benchmark alone: `npx esbuild local/match/bench-main.ts --bundle --platform=node
 * --packages=external --outfile=.build/bench-match.cjs && node --expose-gc .build/bench-match.cjs`
 * (inside the project, so packages resolve; add --quick for the smallest instance only). Prints a table and the rows as JSON.
 */
import { MatchingBenchRow, runMatchingBench } from './bench';

function table(rows: MatchingBenchRow[]): string {
  const head = ['instance', 'solver', 'scope', 'ms', 'x ours', 'matched', 'objective', 'agrees', 'note'];
  const body = rows.map((r) => [
    r.instance,
    r.solver,
    r.scope,
    r.ms === null ? '—' : r.ms.toFixed(r.ms < 10 ? 2 : 1),
    r.ratioToOurs === null ? '' : r.ratioToOurs.toFixed(2),
    r.matched === null ? '' : String(r.matched),
    r.objective === null ? '' : r.objective.toFixed(3),
    r.agreesWithOurs === null ? '' : r.agreesWithOurs ? 'yes' : 'NO',
    r.skipped ?? '',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  return [head, ...body]
    .map((cells) =>
      cells
        .map((c, i) => (i === 3 || i === 4 ? c.padStart(width[i]) : c.padEnd(width[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

runMatchingBench({ quick: process.argv.includes('--quick'), matchCli: process.env.MATCH_CLI })
  .then((rows) => {
    process.stdout.write(`${table(rows)}\n\n${JSON.stringify(rows)}\n`);
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
