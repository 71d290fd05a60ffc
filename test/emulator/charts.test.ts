import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { createCharts } from '../../local/emulator/sheets/charts';
import { Workspace } from '../../local/emulator/workspace';

function setup() {
  const ws = new Workspace();
  const ss = createSpreadsheetApp(ws).getActive();
  const sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 3, 2).setValues([
    ['Вопрос', 'Оценка'],
    ['a', 5],
    ['b', 7],
  ]);
  const Charts = createCharts(ws.calls);
  return { ws, ss, sheet, Charts };
}

describe('embedded charts copy the Spreadsheet service', () => {
  test('a built chart is detached until insertChart; then it has an ID, its type, ranges, options and position', () => {
    const { sheet, Charts } = setup();
    const chart = sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B3')).setPosition(5, 4, 10, 20).setOption('title', 'Оценки').build();
    expect(chart.getChartId()).toBeNull();
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getChartId()).toEqual(expect.any(Number));
    expect(stored.getOptions().get('title')).toBe('Оценки');
    expect(stored.getOptions().get('legend')).toBeNull();
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
    const info = stored.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([5, 4, 10, 20]);
    expect(stored.modify().getChartType()).toBe(Charts.ChartType.BAR);
  });

  test('addRange does not add a range twice; removeRange and clearRanges take them away', () => {
    const { sheet, Charts } = setup();
    const b = sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:A3')).addRange(sheet.getRange('A1:A3')).addRange(sheet.getRange('B1:B3'));
    expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A3', 'B1:B3']);
    b.removeRange(sheet.getRange('A1:A3'));
    expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['B1:B3']);
    expect(b.clearRanges().getRanges()).toEqual([]);
  });

  test('modify() + updateChart changes the same chart; an old snapshot keeps its values; inserting twice makes two charts', () => {
    const { sheet, Charts } = setup();
    const chart = sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B3')).setOption('title', 'Было').build();
    sheet.insertChart(chart);
    const before = sheet.getCharts()[0];
    sheet.updateChart(before.modify().setOption('title', 'Стало').setChartType(Charts.ChartType.COLUMN).build());
    const after = sheet.getCharts();
    expect(after).toHaveLength(1);
    expect(after[0].getChartId()).toBe(before.getChartId());
    expect(after[0].getOptions().get('title')).toBe('Стало');
    expect(before.getOptions().get('title')).toBe('Было');
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(2);
  });

  test('removeChart takes the chart away; updating or removing a chart that is gone throws; a chart without a type is refused', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3')).build());
    const [chart] = sheet.getCharts();
    sheet.removeChart(chart);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.updateChart(chart)).toThrow('could not be found');
    expect(() => sheet.removeChart(chart)).toThrow('could not be found');
    expect(() => sheet.updateChart(sheet.newChart().setChartType(Charts.ChartType.PIE).build())).toThrow('could not be found');
    expect(() => sheet.insertChart(sheet.newChart().build())).toThrow('chart type');
    expect(() => sheet.newChart().setPosition(0, 1, 0, 0)).toThrow('anchor');
  });

  test('every chart call is a counted service call and can fail', () => {
    const { ws, sheet, Charts } = setup();
    const before = ws.calls.snapshot();
    const builder = sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B3'));
    sheet.insertChart(builder.build());
    sheet.getCharts()[0].getOptions().get('title');
    const after = ws.calls.snapshot();
    const used = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    for (const name of [
      'Sheet.newChart',
      'EmbeddedChartBuilder.setChartType',
      'EmbeddedChartBuilder.addRange',
      'EmbeddedChartBuilder.build',
      'Sheet.insertChart',
      'Sheet.getCharts',
      'EmbeddedChart.getOptions',
      'ChartOptions.get',
    ])
      expect([name, used(name)]).toEqual([name, 1]);
    ws.calls.failOn('Sheet.insertChart');
    expect(() => sheet.insertChart(builder.build())).toThrow('Service error: Sheet.insertChart');
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('Charts has ChartType and nothing the emulator does not model', () => {
    const { Charts } = setup();
    expect(Charts.ChartType.COLUMN).toBe('COLUMN');
    expect(() => (Charts as unknown as { newDataTable: () => unknown }).newDataTable()).toThrow('not available');
  });
});
