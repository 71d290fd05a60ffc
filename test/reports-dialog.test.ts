import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launch, wireScriptRun } from './helpers/browser';
import { freshAddon } from './helpers/addon';
import { approvedAfterMeeting } from './helpers/people';
import type { ScriptRunner } from '../local/emulator/runner';
import type { Workspace } from '../local/emulator/workspace';

const missing = chromiumMissing();
if (missing) console.warn(`Тесты диалога отчётов пропущены: ${missing}`);
const suite = missing ? describe.skip : describe;
const AXE = require.resolve('axe-core/axe.min.js');

function at(ws: Workspace, iso: string) {
  const now = new Date(iso);
  ws.now = () => now;
}

/** The dialog's HTML as «Сформировать отчёт…» shows it. */
function dialogHtml(ws: Workspace, runner: ScriptRunner): string {
  const before = ws.ui.length;
  runner.call('showReportDialog');
  const shown = ws.ui.slice(before).find((e) => e.kind === 'dialog');
  expect(shown?.title).toBe('Сформировать отчёт');
  return String(shown?.html);
}

async function open(browser: Browser, runner: ScriptRunner, html: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 520, height: 420 } });
  await wireScriptRun(page, runner);
  await page.route('https://dialog.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('https://dialog.test/report.html');
  return page;
}

describe('the «Сформировать отчёт…» dialog', () => {
  test('offers only the implemented kinds, each with its periods, latest first', () => {
    const { ws, runner } = freshAddon();
    at(ws, '2027-06-20T09:00:00Z');
    const html = dialogHtml(ws, runner);
    expect(html).toContain('Отчёт о реализации целевой модели наставничества (показатели эффективности) (7.3)');
    expect(html).toContain('SWOT-анализ программы наставничества (7.1)');
    // 15.06.2027 is the default, then the earlier reporting dates; never a date not yet reached.
    expect(html.indexOf('на 15.06.2027')).toBeLessThan(html.indexOf('на 15.11.2026'));
    expect(html).not.toContain('на 15.11.2027');
    expect(html).toContain('за 2026/2027 учебный год');
  });
});

suite('the «Сформировать отчёт…» dialog in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('chooses the kind and the period, makes the report and says so; no serious accessibility problem', async () => {
    const p = approvedAfterMeeting('05.10.2026');
    at(p.ws, '2026-11-30T09:00:00Z');
    const page = await open(browser, p.runner, dialogHtml(p.ws, p.runner));
    const axe = async () => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
      return page.evaluate(async () => {
        const a = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        return (await a.run()).violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
      });
    };
    expect(await axe()).toEqual([]);
    await page.getByLabel('Вид отчёта').selectOption('swot');
    // The period list follows the kind, and its label names the visible list.
    await expect(page.getByLabel('Период').inputValue()).resolves.toBe('2026');
    await page.getByRole('button', { name: 'Сформировать' }).click();
    await page.locator('#status').filter({ hasText: 'Сформирован документ' }).waitFor();
    const status = await page.locator('#status').textContent();
    expect(status).toContain('SWOT-анализ программы наставничества за 2026/2027 учебный год');
    expect(p.ws.drive.byMime('application/vnd.google-apps.document').some((d) => d.name === 'SWOT-анализ программы наставничества за 2026/2027 учебный год')).toBe(true);
    expect(await axe()).toEqual([]);
    await page.close();
  }, 60000);
});
