import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SHEET } from '../src/core/workbook/sheets';
import { axeViolations, chromiumMissing, launch, openSidebarPage } from './helpers/browser';
import { withPeople } from './helpers/people';
import { table } from './helpers/programme';
import type { ScriptRunner } from '../local/emulator/runner';
import type { MatchingView } from '../src/shared/matching';

const missing = chromiumMissing();
if (missing) console.warn(`Тесты боковой панели пропущены: ${missing}`);
const suite = missing ? describe.skip : describe;
const ARTIFACTS = path.join(__dirname, '..', 'test-results');

/**
 * The page exactly as HtmlService serves it (dist/Matching.html), with google.script.run wired to
 * the built add-on in the emulator by Google's rules (helpers/browser.ts).
 */
/** The «Подбор пар» sidebar; `calls` are the names of the server functions it called, in order. */
async function openSidebar(browser: Browser, runner: ScriptRunner) {
  const { page, dialogs, calls } = await openSidebarPage(browser, runner, 'Matching.html');
  return {
    page,
    dialogs,
    calls: {
      get names() {
        return calls.map((c) => c.name);
      },
    },
  };
}

/** The focused element as «TAG#id.class», to say in a failure where the keyboard is. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a ? `${a.tagName}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).replace(/ /g, '.') : ''}` : 'none';
  });

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
    expect(preview).toMatch(/пар, где оба предпочли бы друг друга своим нынешним парам/);
    expect(preview).not.toMatch(/блокирующ/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'matching-sidebar.png'), fullPage: true });

    const rejectedMentee = await first.getAttribute('data-mentee');
    await first.getByRole('button', { name: 'Применить' }).click();
    await page.locator('#status').filter({ hasText: 'Режим' }).waitFor();
    expect(table(ws, SHEET.pairs).some((p) => p['ID наставляемого'] === rejectedMentee && p['Статус'] === 'отклонена')).toBe(true);

    await page.fill('#number', '123-о/д');
    await page.getByRole('button', { name: 'Утвердить пары и сформировать приказ' }).click();
    await page.getByRole('button', { name: 'Создать проект приказа' }).click();
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

  test('axe finds nothing critical or serious, open and after approval; each replace select has a name', async () => {
    const { runner } = withPeople();
    runner.call('computeMatches');
    const { page } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li .who');
    expect(await axeViolations(page, ['critical', 'serious'])).toEqual([]);
    expect(await axeViolations(page, ['moderate'])).toEqual([]);
    await expect(page.getByRole('combobox', { name: 'Заменить наставника' }).first().isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toBe('Подбор пар');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Подбор пар');

    await page.getByRole('button', { name: 'Утвердить пары и сформировать приказ' }).click();
    await page.getByRole('button', { name: 'Создать проект приказа' }).click();
    await page.locator('#order a').waitFor();
    expect(await axeViolations(page, ['critical', 'serious'])).toEqual([]);
  }, 60000);

  test('cards say who is the mentee and who the mentor; no stable-matching jargon; replacements only of the card’s form', async () => {
    const { runner } = withPeople();
    runner.call('computeMatches');
    const { page } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li .who');
    const view = runner.call('getMatchingView') as MatchingView;
    const card = page.locator('#pairs li[data-mentee]').first();
    const cardMentee = await card.getAttribute('data-mentee');
    const row = view.rows.find((r) => r.menteeId === cardMentee)!;
    await expect(card.locator('.who').innerText()).resolves.toBe(`Наставляемый: ${row.mentee}\nНаставник: ${row.mentor}`);
    const summary = await page.locator('#summary').textContent();
    expect(summary).toMatch(/пар, где оба предпочли бы друг друга своим нынешним парам: (\d+|нет)/);
    expect(summary).not.toMatch(/блокирующ/);

    for (const li of await page.locator('#pairs li[data-mentee]').all()) {
      const form = await li.getAttribute('data-form');
      const offered = (await li.locator('select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
      const ofForm = view.mentors.filter((m) => m.forms.includes(form!)).map((m) => m.id);
      for (const id of offered) expect(ofForm).toContain(id);
      expect(view.mentors.some((m) => !m.forms.includes(form!) && offered.includes(m.id))).toBe(false);
    }
    // Someone of another form is never offered, though the view has such mentors.
    expect(view.mentors.some((m) => !m.forms.includes(row.form))).toBe(true);

    // The form filter shows only that form's cards; «только с замечаниями» only cards with a ⚠ or a refusal.
    await page.selectOption('#filter-form', row.form);
    const shownForms = await page.locator('#pairs li[data-mentee]:visible').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.form));
    expect(shownForms.length).toBeGreaterThan(0);
    expect(new Set(shownForms)).toEqual(new Set([row.form]));
    await page.selectOption('#filter-form', '');
    await page.check('#filter-warn');
    const withRemarks = await page.locator('#pairs li[data-mentee]:visible .reasons').allTextContents();
    expect(withRemarks.every((t) => t.includes('⚠'))).toBe(true);
    expect(await page.locator('#pairs li[data-mentee]:visible').count()).toBe(view.rows.filter((r) => r.reasons.includes('⚠')).length);
  }, 60000);

  test('keyboard: arrows on a replace select call nothing; the button previews; focus stays on the card after «Применить»', async () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const { page, calls } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li .who');
    const card = page
      .locator('#pairs li[data-mentee]')
      .filter({ has: page.locator('select option:nth-child(2)') })
      .first();
    const mentee = (await card.getAttribute('data-mentee'))!;
    const select = card.getByRole('combobox', { name: 'Заменить наставника' });
    await select.focus();
    const before = calls.names.length;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect(await select.inputValue()).not.toBe('');
    expect(calls.names.slice(before)).toEqual([]);

    // While the server works every control is disabled, selects and fields too (busy starts in the click).
    const disabledDuring = await page.evaluate((id) => {
      const button = Array.from(document.querySelectorAll(`#pairs li[data-mentee="${id}"] button`)).find((b) => b.textContent === 'Показать стоимость замены') as HTMLButtonElement;
      button.click();
      return Array.from(document.querySelectorAll('select, input, button')).every((c) => (c as HTMLInputElement).disabled);
    }, mentee);
    expect(disabledDuring).toBe(true);
    await card.locator('.preview').filter({ hasText: /\S/ }).waitFor();
    expect(calls.names.slice(before)).toEqual(['previewPairChange']);

    // «Отклонить» by keyboard, then «Применить» by keyboard: focus lands on this mentee's card or the status line.
    await card.getByRole('button', { name: 'Отклонить' }).focus();
    await page.keyboard.press('Enter');
    await card.locator('.preview').filter({ hasText: 'Стоимость' }).waitFor();
    expect(await focused(page)).toMatch(/^BUTTON/);
    await card.getByRole('button', { name: 'Применить' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#status').filter({ hasText: /\S/ }).waitFor();
    await page.waitForFunction(() => document.activeElement !== document.body);
    const where = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      return a.id === 'status' ? 'status' : `card ${a.dataset.mentee ?? ''}`;
    });
    expect([`card ${mentee}`, 'status']).toContain(where);
    expect(table(ws, SHEET.pairs).some((p) => p['ID наставляемого'] === mentee && p['Статус'] === 'отклонена')).toBe(true);
  }, 60000);

  test('approval asks first in the page; «Отмена» approves nothing; the skip link leads to it; focus is kept', async () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const { page, calls, dialogs } = await openSidebar(browser, runner);
    await page.waitForSelector('#pairs li .who');
    const proposed = table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'предложена').length;
    expect(proposed).toBeGreaterThan(0);

    // The first Tab reaches the skip link; Enter puts the keyboard at the order number.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('A#skip.skip');
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toBe('INPUT#number');
    await page.keyboard.type('7-о/д');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const question = page.locator('#confirm');
    await question.waitFor();
    const text = await question.textContent();
    expect(text).toContain('Будет создан проект приказа № 7-о/д об утверждении предложенных пар и групп:');
    expect(text).toContain(`(наставляемых: ${proposed})`);
    expect(text).toContain('Письма участникам отправляются отдельно, после подписания приказа.');
    await expect(focused(page)).resolves.toBe('BUTTON#confirm-yes.primary');
    expect(calls.names).not.toContain('approvePairs');

    await page.getByRole('button', { name: 'Отмена' }).click();
    await expect(question.isHidden()).resolves.toBe(true);
    await expect(focused(page)).resolves.toBe('BUTTON#approve.primary');
    expect(calls.names).not.toContain('approvePairs');
    expect(table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'утверждена')).toEqual([]);

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.locator('#order a').waitFor();
    expect(calls.names.filter((c) => c === 'approvePairs')).toEqual(['approvePairs']);
    expect(table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'утверждена').length).toBeGreaterThan(0);
    await expect(focused(page)).resolves.toMatch(/^P#status/);
    expect(dialogs).toEqual([]);
  }, 60000);
});
