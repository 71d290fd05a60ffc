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

  test("the covering letter's tick is marked for the stage справки only", () => {
    const { ws, runner } = freshAddon();
    at(ws, '2027-06-20T09:00:00Z');
    const html = dialogHtml(ws, runner);
    expect(html).toContain('<label for="cover" class="check">С сопроводительным письмом</label>');
    const marked = [...html.matchAll(/<option value="([^"]+)" data-cover="1"/g)].map((m) => m[1]);
    expect(marked).toEqual(['stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5', 'stage-6']);
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

  test('the covering letter: the tick only for a stage справка, by keyboard, and it reaches generateReport', async () => {
    const p = approvedAfterMeeting('05.10.2026');
    at(p.ws, '2026-11-30T09:00:00Z');
    // What the dialog sends: every call recorded on its way to the add-on.
    const sent: unknown[][] = [];
    const recording = { call: (name: string, args?: unknown[]) => (sent.push([name, ...(args ?? [])]), p.runner.call(name, args)) } as unknown as ScriptRunner;
    const page = await open(browser, recording, dialogHtml(p.ws, p.runner));
    const tick = page.getByLabel('С сопроводительным письмом');
    await page.getByLabel('Вид отчёта').selectOption('swot');
    expect(await tick.isVisible()).toBe(false);
    await page.getByLabel('Вид отчёта').selectOption('stage-5');
    expect(await tick.isVisible()).toBe(true);
    // By keyboard: from the kind, Tab to the period, Tab to the tick, Space ticks it.
    await page.getByLabel('Вид отчёта').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await tick.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await tick.isChecked()).toBe(true);
    await page.addScriptTag({ path: AXE });
    const serious = await page.evaluate(async () => {
      const a = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
      return (await a.run()).violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
    });
    expect(serious).toEqual([]);
    await page.getByRole('button', { name: 'Сформировать' }).click();
    await page.locator('#status').filter({ hasText: 'Сопроводительное письмо:' }).waitFor();
    const names = p.ws.drive
      .byMime('application/vnd.google-apps.document')
      .filter((d) => !d.trashed)
      .map((d) => d.name);
    expect(names).toContain('Справка по итогам мониторинга реализации целевой модели наставничества, этап 5 за 2026/2027 учебный год');
    expect(names).toContain('Сопроводительное письмо к справке по итогам мониторинга, этап 5 за 2026/2027 учебный год');
    expect(sent).toEqual([['generateReport', 'stage-5', { period: '2026', coverLetter: true }]]);
    // Ticked, then a kind without a letter chosen: the hidden tick does not travel with it.
    await page.getByLabel('Вид отчёта').selectOption('swot');
    await page.getByRole('button', { name: 'Сформировать' }).click();
    await page.locator('#status').filter({ hasText: 'SWOT-анализ' }).waitFor();
    expect(sent[1]).toEqual(['generateReport', 'swot', { period: '2026', coverLetter: false }]);
    await page.close();
  }, 60000);
});
