/**
 * The detailed tables of «Мониторинг» and their embedded charts. The tables sit to the right of the
 * (Этап, Показатель) rows, from column G, so neither can push the other: the rows grow downwards
 * and are upserted, the tables are rewritten whole on each refresh in one write. The charts float
 * to the right of the tables, next to the table they draw.
 *
 * A chart is ours by its title (CHART_TITLES): a re-run updates it in place, removes any second copy
 * a fault may have left, and removes it when its table has nothing to draw.
 */
import type { Cell } from '../core/intake/table';
import { type Block, CHART_TITLES, blockGrid } from '../core/monitoring/blocks';
import { writeCells } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column G: «Мониторинг» has five columns (A–E), F is left empty as a margin. */
export const BLOCK_COLUMN = 7;
/** The widest table's columns. */
export const BLOCK_WIDTH = 7;
/** Charts are anchored one empty column to the right of the tables. */
export const CHART_COLUMN = BLOCK_COLUMN + BLOCK_WIDTH + 1;

/**
 * Rewrites the tables from G1, blanking whatever the previous refresh left below (`previousRows`:
 * the sheet's height as read), in one write. Returns where each table's title and heading went.
 */
export function writeBlocks(sheet: Sheet, blocks: readonly Block[], previousRows: number): Array<{ key: string; title: number; header: number }> {
  const { grid, starts } = blockGrid(blocks, BLOCK_WIDTH);
  const height = Math.max(grid.length, previousRows);
  const padded: Cell[][] = Array.from({ length: height }, (_v, i) => (grid[i] ?? Array.from({ length: BLOCK_WIDTH }, () => '')) as Cell[]);
  writeCells(sheet, 1, BLOCK_COLUMN, padded);
  return starts;
}

/** Contiguous runs of 0-based columns, e.g. [0,1,2] → [[0,2]]; [0,3] → [[0,0],[3,3]]. */
function runs(columns: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/**
 * One chart per charted table, created once and then updated; charts of ours whose table has no
 * numbers now are removed. The curator's own charts (other titles) are left alone.
 */
export function placeCharts(sheet: Sheet, blocks: readonly Block[], starts: ReadonlyArray<{ key: string; title: number; header: number }>): { inserted: number; updated: number; removed: number } {
  const ours = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart[]>();
  for (const chart of sheet.getCharts()) {
    const title = String(chart.getOptions().get('title') ?? '');
    if (!(CHART_TITLES as readonly string[]).includes(title)) continue;
    ours.set(title, [...(ours.get(title) ?? []), chart]);
  }
  const counts = { inserted: 0, updated: 0, removed: 0 };
  const wanted = new Set<string>();
  for (const block of blocks) {
    const spec = block.chart;
    const at = starts.find((s) => s.key === block.key);
    if (!spec || !at) continue;
    wanted.add(spec.title);
    const [existing, ...copies] = ours.get(spec.title) ?? [];
    let builder = existing ? existing.modify().clearRanges() : sheet.newChart();
    builder = builder.setChartType(Charts.ChartType[spec.type]);
    // The heading row gives the series names; the charted rows follow it (1-based sheet rows).
    for (const [from, to] of runs(spec.columns)) builder = builder.addRange(sheet.getRange(at.header + 1, BLOCK_COLUMN + from, spec.rows + 1, to - from + 1));
    builder = builder.setPosition(at.title + 1, CHART_COLUMN, 0, 0).setOption('title', spec.title);
    for (const [name, value] of Object.entries(spec.options)) builder = builder.setOption(name, value);
    if (existing) {
      sheet.updateChart(builder.build());
      counts.updated++;
    } else {
      sheet.insertChart(builder.build());
      counts.inserted++;
    }
    for (const copy of copies) {
      sheet.removeChart(copy);
      counts.removed++;
    }
  }
  for (const [title, charts] of ours) {
    if (wanted.has(title)) continue;
    for (const chart of charts) {
      sheet.removeChart(chart);
      counts.removed++;
    }
  }
  return counts;
}
