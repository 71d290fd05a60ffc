import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SHEET } from '../src/core/workbook/sheets';
import { chromiumMissing, launch, wireScriptRun } from './helpers/browser';
import { withPeople } from './helpers/people';
import { table } from './helpers/programme';
import type { ScriptRunner } from '../local/emulator/runner';

const missing = chromiumMissing();
if (missing) console.warn(`Тесты боковой панели пропущены: ${missing}`);
const suite = missing ? describe.skip : describe;
const ARTIFACTS = path.join(__dirname, '..', 'test-results');

/**
 * The page exactly as HtmlService serves it (dist/Matching.html), with google.script.run wired to
 * the built add-on in the emulator by Google's rules (helpers/browser.ts).
 */
async function openSidebar(browser: Browser, runner: ScriptRunner): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];

  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await wireScriptRun(page, runner);
  const html = fs.readFileSync(path.join(__dirname, '..', 'dist', 'Matching.html'), 'utf8');
  // A real navigation (served from memory, no network), so the init script runs before the page.
  await page.route('https://sidebar.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('https://sidebar.test/Matching.html');
  return { page, dialogs };
}

suite('«Подбор пар» sidebar in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows proposals with reasons, escapes names, previews a change, applies it and approves', async () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const { page, dialogs } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li .who');

    const names = await page.locator('#pairs .who').allTextContents();
    expect(names.some((n) => n.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(await page.locator('#pairs img').count()).toBe(0);
    await expect(page.locator('#summary').textContent()).resolves.toMatch(/Оптимум: наставляемых в парах и группах \d+/);
    await expect(page.locator('#pairs .reasons').first().textContent()).resolves.toContain('запрос и компетенции');

    const first = page.locator('#pairs li').first();
    await first.getByRole('button', { name: 'Отклонить' }).click();
    await first.locator('.preview').filter({ hasText: 'Стоимость' }).waitFor();
    const preview = await first.locator('.preview').textContent();
    expect(preview).toMatch(/блокирующих пар/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'matching-sidebar.png'), fullPage: true });

    const rejectedMentee = await first.getAttribute('data-mentee');
    await first.getByRole('button', { name: 'Применить' }).click();
    await page.locator('#status').filter({ hasText: 'Режим' }).waitFor();
    expect(table(ws, SHEET.pairs).some((p) => p['ID наставляемого'] === rejectedMentee && p['Статус'] === 'отклонена')).toBe(true);

    await page.fill('#number', '123-о/д');
    await page.getByRole('button', { name: 'Утвердить пары и сформировать приказ' }).click();
    await page.locator('#order a').waitFor();
    expect(await page.locator('#order a').getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'утверждена').length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'matching-sidebar-approved.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  }, 60000);

  test('a server failure shows a readable Russian error line, not a stack trace', async () => {
    const { ws, runner } = withPeople();
    const { page } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li');
    ws.calls.failOn('Range.setValues', { message: 'Service Spreadsheets timed out while accessing document' });
    await page.selectOption('#mode', 'stable');
    await page.getByRole('button', { name: 'Подобрать заново' }).click();
    await page.locator('#status.error').waitFor();
    const text = await page.locator('#status').textContent();
    expect(text).toContain('Не удалось выполнить действие «Подбор пар»');
    expect(text).not.toMatch(/\bat \w+ \(/);
  }, 60000);

  test('google.script.run refuses a Date or a function argument before the server runs, as Google does', async () => {
    const { ws, runner } = withPeople();
    const { page } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li');
    const before = ws.calls.total();
    const outcomes = await page.evaluate(() => {
      type Run = Record<string, (...a: unknown[]) => void> & {
        withSuccessHandler(f: (v: unknown) => void): Run;
        withFailureHandler(f: (e: { message: string }) => void): Run;
      };
      const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
      const call = (args: unknown[]) =>
        new Promise<string>((resolve) => {
          run
            .withSuccessHandler(() => resolve('ok'))
            .withFailureHandler((e) => resolve(`failed: ${e.message}`))
            .previewPairChange(...args);
        });
      return Promise.all([call([new Date()]), call([{ when: [new Date()] }]), call([{ run: () => 1 }])]);
    });
    for (const outcome of outcomes) expect(outcome).toMatch(/^failed: google\.script\.run: a (Date|function) cannot be passed/);
    expect(ws.calls.total()).toBe(before);
  }, 60000);
});
