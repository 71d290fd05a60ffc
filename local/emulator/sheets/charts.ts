/**
 * Embedded charts (Sheet.newChart / insertChart / updateChart / removeChart / getCharts) as the
 * Spreadsheet service has them: a builder collects type, ranges, options and position; build()
 * gives a detached EmbeddedChart; nothing reaches the sheet until insertChart or updateChart.
 * An EmbeddedChart read from getCharts() is a snapshot: a later update does not change it.
 *
 * Not modelled: the picture itself (getBlob/getAs), the typed builders (asBarChart() …), merge and
 * hidden-dimension strategies, and ranges moving when rows or columns are inserted or deleted.
 */
import { CallLog, strict, unwrap } from '../calls';
import type { GridRange } from './a1';
import type { ChartModel, ChartRangeModel, SpreadsheetModel } from './model';

type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Charts.ChartType: the enum's names (the real enum values print as these names). */
export const ChartType = {
  TIMELINE: 'TIMELINE',
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  RADAR: 'RADAR',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

/** Messages of the emulator where the reference does not give Google's wording. */
export const CHART_ERRORS = {
  notFound: 'The chart could not be found on this sheet.',
  position: 'Invalid chart position: anchor row and column start at 1.',
  type: (t: unknown) => `Invalid argument: chart type ${String(t)}`,
  range: 'Invalid argument: range',
};

/** What a chart needs from the emulator: its spreadsheet, the call log, and a Range for a stored grid. */
export interface ChartEnv {
  book: SpreadsheetModel;
  log: CallLog;
  rangeOf: (r: ChartRangeModel) => Range;
}

function copy(model: ChartModel): ChartModel {
  return { ...model, ranges: model.ranges.map((r) => ({ ...r })), options: { ...model.options }, position: { ...model.position } };
}

const sameRange = (a: ChartRangeModel, b: ChartRangeModel) => a.sheetId === b.sheetId && a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;

function gridOf(range: Range): ChartRangeModel {
  const raw = unwrap(range as object) as { __grid?: () => GridRange & { sheetId: number } };
  if (typeof raw.__grid !== 'function') throw new Error(CHART_ERRORS.range);
  return raw.__grid();
}

type BuilderApi = Pick<Builder, 'addRange' | 'removeRange' | 'clearRanges' | 'getRanges' | 'setChartType' | 'getChartType' | 'setOption' | 'setPosition' | 'getContainer' | 'build'>;

export class FakeEmbeddedChartBuilder implements BuilderApi {
  /** `id` is 0 for a new chart, the chart's ID for one from modify(). */
  constructor(
    private readonly model: ChartModel,
    private readonly env: ChartEnv,
  ) {}

  private self(): Builder {
    return this as unknown as Builder;
  }

  /** A range already added is not added twice (reference: addRange). */
  addRange(range: Range): Builder {
    const grid = gridOf(range);
    if (!this.model.ranges.some((r) => sameRange(r, grid))) this.model.ranges.push(grid);
    return this.self();
  }
  removeRange(range: Range): Builder {
    const grid = gridOf(range);
    this.model.ranges = this.model.ranges.filter((r) => !sameRange(r, grid));
    return this.self();
  }
  clearRanges(): Builder {
    this.model.ranges = [];
    return this.self();
  }
  getRanges(): Range[] {
    return this.env.log.untracked(() => this.model.ranges.map((r) => this.env.rangeOf(r)));
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    const name = String(type);
    if (!(name in ChartType)) throw new Error(CHART_ERRORS.type(type));
    this.model.type = name;
    return this.self();
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.model.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the real signature: an option's value is any JSON-like value
  setOption(option: string, value: any): Builder {
    this.model.options[option] = value;
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    if (![anchorRowPos, anchorColPos].every((n) => Number.isInteger(n) && n >= 1)) throw new Error(CHART_ERRORS.position);
    this.model.position = { row: anchorRowPos, column: anchorColPos, offsetX: offsetX || 0, offsetY: offsetY || 0 };
    return this.self();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.model, this.env.log);
  }
  /** A detached chart: the sheet changes only with insertChart or updateChart. */
  build(): EmbeddedChart {
    return wrapChart(copy(this.model), this.env);
  }
}

function containerInfo(model: ChartModel, log: CallLog): GoogleAppsScript.Spreadsheet.ContainerInfo {
  const p = { ...model.position };
  const info = {
    getAnchorRow: () => p.row,
    getAnchorColumn: () => p.column,
    getOffsetX: () => p.offsetX,
    getOffsetY: () => p.offsetY,
  };
  return strict('ContainerInfo', info, log) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
}

type ChartApi = Pick<EmbeddedChart, 'getChartId' | 'getOptions' | 'getRanges' | 'getContainerInfo' | 'modify'>;

export class FakeEmbeddedChart implements ChartApi {
  constructor(
    private readonly model: ChartModel,
    private readonly env: ChartEnv,
  ) {}

  __model(): ChartModel {
    return this.model;
  }

  /** Null until the chart is inserted in a sheet (reference: getChartId). */
  getChartId(): number | null {
    return this.model.id || null;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = { ...this.model.options };
    const api = {
      get: (option: string): unknown => (option in options ? options[option] : null),
      getOrDefault: (option: string): unknown => (option in options ? options[option] : null),
    };
    return strict('ChartOptions', api, this.env.log) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getRanges(): Range[] {
    return this.env.log.untracked(() => this.model.ranges.map((r) => this.env.rangeOf(r)));
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.model, this.env.log);
  }
  /** A builder holding this chart's state and ID: its build() is for updateChart. */
  modify(): Builder {
    return newBuilder(copy(this.model), this.env);
  }
}

export function wrapChart(model: ChartModel, env: ChartEnv): EmbeddedChart {
  return strict('EmbeddedChart', new FakeEmbeddedChart(model, env), env.log) as unknown as EmbeddedChart;
}

export function newBuilder(model: ChartModel, env: ChartEnv): Builder {
  return strict('EmbeddedChartBuilder', new FakeEmbeddedChartBuilder(model, env), env.log) as unknown as Builder;
}

/** A fresh builder for Sheet.newChart(): no ID, no ranges, anchored at A1 until setPosition. */
export function blankChart(): ChartModel {
  return { id: 0, type: '', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } };
}

/** The stored state behind a chart object given back by the script. */
export function chartModelOf(chart: EmbeddedChart): ChartModel {
  const raw = unwrap(chart as object) as { __model?: () => ChartModel };
  if (typeof raw.__model !== 'function') throw new Error('Invalid argument: chart');
  return raw.__model();
}

/** The Charts global: only its ChartType enum (a member the emulator lacks throws, as everywhere). */
export function createCharts(log: CallLog): typeof GoogleAppsScript.Charts {
  return strict('Charts', { ChartType }, log) as unknown as typeof GoogleAppsScript.Charts;
}
