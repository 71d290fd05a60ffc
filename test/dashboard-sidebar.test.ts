/**
 * «Панель куратора» in headless Chromium, as HtmlService serves it (dist/Dashboard.html), with
 * google.script.run wired to the built add-on in the emulator: values escaped, axe-core finds
 * nothing critical or serious, and the keyboard reaches a next step whose Enter runs it.
 */
import { editRows } from '../local/demo/hands';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { SHEET } from '../src/core/workbook/sheets';
import { axeViolations, chromiumMissing, launch, openSidebarPage } from './helpers/browser';
import { approvedAfterMeeting } from './helpers/people';
import { setCells, table } from './helpers/programme';
import type { ScriptRunner } from '../local/emulator/runner';

const missing = chromiumMissing();
if (missing) console.warn(`Тесты панели куратора пропущены: ${missing}`);
const suite = missing ? describe.skip : describe;
const ARTIFACTS = path.join(__dirname, '..', 'test-results');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Approved pairs, one of them with a form typed as markup; the clock at 30.11.2026. */
function workbook() {
  const p = approvedAfterMeeting('05.10.2026');
  p.ws.now = () => new Date('2026-11-30T09:00:00Z');
  const pair = table(p.ws, SHEET.pairs).find((r) => r['Статус'] === 'утверждена' && !r['Группа'])!;
  setCells(p.ws, SHEET.pairs, 'ID', String(pair.ID), { Форма: HOSTILE });
  // One overdue row, typed as markup (the approvals' own refresh dated every row: cleared here).
  editRows(p.ws, SHEET.roadmap, () => ({ 'Срок (дата)': '', Статус: 'не начато' }));
  setCells(p.ws, SHEET.roadmap, '№', '2.2', { 'Свой срок': new Date('2026-10-15T09:00:00Z'), Мероприятие: `${HOSTILE} анализ` });
  return p;
}

async function openPanel(browser: Browser, runner: ScriptRunner) {
  const opened = await openSidebarPage(browser, runner, 'Dashboard.html');
  await opened.page.waitForSelector('#sections li');
  return opened;
}

suite('«Панель куратора» in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows the year with every value as text, headings and lists; axe finds nothing critical or serious', async () => {
    const { runner } = workbook();
    const { page, dialogs } = await openPanel(browser, runner);
    await expect(page.title()).resolves.toBe('Панель куратора');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Панель куратора');
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual(['Участники, пары и группы', 'Без пары', 'Согласия', 'Встречи', 'Просрочено', 'Ближайшие сроки']);
    const text = await page.locator('#sections').innerText();
    expect(text).toContain(`${HOSTILE}: 1 пара, 1 наставляемый.`);
    expect(text).toContain(`2.2 ${HOSTILE} анализ — срок 15.10.2026, просрочено на 46 дней.`);
    expect(await page.locator('#sections img').count()).toBe(0);
    await expect(page.locator('#as-of').textContent()).resolves.toBe('На 30.11.2026, 2026/2027 учебный год');
    // Each step is a button with a name, described by its line.
    const step = page.getByRole('button', { name: 'Открыть дорожную карту' }).first();
    await expect(step.getAttribute('aria-describedby')).resolves.toMatch(/^item-\d+$/);
    expect(await axeViolations(page, ['critical', 'serious'])).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-sidebar.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  }, 60000);

  test('keyboard: Tab reaches a next step, Enter runs it on the server; the panel is read again', async () => {
    const { ws, runner } = workbook();
    const { page, calls } = await openPanel(browser, runner);
    const before = calls.length;
    // The first Tab is «Обновить панель», the next the first step: «Подобрать пары» for the mentee without a pair.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Обновить панель');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Подобрать пары');
    await page.keyboard.press('Enter');
    await page
      .locator('#status')
      .filter({ hasText: /Подбор|пар/ })
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'status');
    const made = calls.slice(before);
    expect(made[0]).toEqual({ name: 'dashboardStep', args: ['computeMatches', ''] });
    expect(made.map((c) => c.name)).toEqual(['dashboardStep', 'dashboardData']);
    expect(table(ws, SHEET.log).some((r) => Object.values(r).join(' ').includes('Подбор'))).toBe(true);

    // A roadmap step by keyboard opens the sheet at its row.
    const open = page.getByRole('button', { name: 'Открыть дорожную карту' }).first();
    await open.focus();
    await page.keyboard.press('Enter');
    await page.locator('#status').filter({ hasText: 'Открыт лист «Дорожная карта», пункт 2.2.' }).waitFor();
    expect(calls.at(-1)).toEqual({ name: 'dashboardStep', args: ['openRoadmap', '2.2'] });
  }, 60000);

  test('a step the page was not given is refused by the server, in Russian', async () => {
    const { runner } = workbook();
    const { page } = await openPanel(browser, runner);
    const answer = await page.evaluate(
      () =>
        new Promise<{ ok: boolean; message: string }>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> & { withSuccessHandler(f: (v: unknown) => void): unknown } } } }).google.script.run;
          (run.withSuccessHandler((v) => resolve(v as { ok: boolean; message: string })) as Record<string, (...a: unknown[]) => void>).dashboardStep('setupWorkbook', '');
        }),
    );
    expect(answer).toEqual({ ok: false, message: 'Панель куратора: такого действия нет. Обновите панель и нажмите кнопку ещё раз.' });
  }, 60000);
});
