import { SHEET } from '../src/core/workbook/sheets';
import { freshAddon, look } from './helpers/addon';
import { Outcome, setCells, table } from './helpers/programme';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import type { MailRecord, Workspace } from '../local/emulator/workspace';
import type { ScriptRunner } from '../local/emulator/runner';

/** Mail as a person reads it: NO-BREAK SPACES are spaces to the eye. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const body = (m: MailRecord) => plain(m.body);

const CURATOR = 'petrova@cdt-hibiny.ru';
const DIRECTOR = 'director@cdt-hibiny.ru';

function setSettings(ws: Workspace, values: Record<string, string | number>): void {
  for (const [label, value] of Object.entries(values)) setCells(ws, SHEET.settings, 'Параметр', label, { Значение: value });
}

function setDue(ws: Workspace, number: string, cells: { due?: string | Date; own?: string | Date; status?: string }): void {
  const out: Record<string, unknown> = {};
  // Typed as the curator types a date (ru_RU): the cell becomes a date; anything else stays text.
  const v = (x: string | Date) => x;
  if (cells.due !== undefined) out['Срок (дата)'] = v(cells.due);
  if (cells.own !== undefined) out['Свой срок'] = v(cells.own);
  if (cells.status !== undefined) out['Статус'] = cells.status;
  setCells(ws, SHEET.roadmap, '№', number, out);
}

/**
 * A workbook on 10.10.2026 (Moscow): 1.1 due 15.10 and 2.2 due 12.10 (due soon), 2.1 due 20.10 (not yet), 1.2 was due
 * 01.10 and is not done (overdue), 1.3 due 05.10 but done (nothing). Both addresses set.
 */
function workbook(now = '2026-10-10T06:00:00Z') {
  const p = freshAddon({ now });
  const setup = p.runner.call('setupWorkbook') as Outcome;
  if (!setup.ok) throw new Error(setup.message);
  setSettings(p.ws, {
    'E-mail куратора': CURATOR,
    'E-mail руководителя': DIRECTOR,
    'Руководитель (И.О. Фамилия)': 'Н.В. Смирнова',
    'Куратор (ФИО полностью)': 'Петрова Елена Александровна',
  });
  setDue(p.ws, '1.1', { due: '15.10.2026' });
  setDue(p.ws, '2.1', { due: '20.10.2026' });
  setDue(p.ws, '2.2', { due: '12.10.2026' });
  setDue(p.ws, '1.2', { due: '01.10.2026', status: 'в работе' });
  setDue(p.ws, '1.3', { due: '05.10.2026', status: 'выполнено' });
  p.ws.mail.length = 0;
  p.ws.mailRecipientsToday = 0;
  return p;
}

const check = (runner: ScriptRunner) => runner.call('checkDeadlines') as Outcome;
const activity = (ws: Workspace, n: string) => String(table(ws, SHEET.roadmap).find((r) => r['№'] === n)!['Мероприятие']);
const at = (ws: Workspace, iso: string) => {
  const now = new Date(iso);
  ws.now = () => now;
};
const clockTriggers = (ws: Workspace) => ws.triggers.filter((t) => t.eventType === 'CLOCK');

const FULL = !!process.env.FULL_SWEEP;
/**
 * In CI the sweeps fail only this operation's own calls: the lock, toasts and the «Журнал» row of
 * runAction are swept with every other action. FULL_SWEEP=1 fails every call.
 */
const shared = (method: string) =>
  !FULL && /^(Lock|LockService|Session|User)\.|^Spreadsheet\.toast$|^SpreadsheetApp\.(flush|getActive)$|^Range\.(setNumberFormat|setValues)$|^Sheet\.getMax/.test(method);
const triggerWork = (method: string) => !FULL && !/^(ScriptApp|Trigger|TriggerBuilder|Properties|PropertiesService)\./.test(method);

describe('checkDeadlines', () => {
  test('overdue goes to the director, due soon to the curator: one letter each, №, activity, date, the workbook link', () => {
    const { ws, runner } = workbook();
    const result = check(runner);
    expect(result.ok).toBe(true);
    expect(ws.mail.map((m) => m.to).sort()).toEqual([DIRECTOR, CURATOR].sort());

    const director = ws.mail.find((m) => m.to === DIRECTOR)!;
    expect(plain(director.subject)).toBe('Дорожная карта МАОДО ЦДТ «Хибины»: просрочено — 1 пункт');
    expect(body(director)).toContain('Здравствуйте!');
    expect(body(director)).toContain('не выполнено в срок — 1 пункт:');
    expect(body(director)).toContain(`1.2. ${plain(activity(ws, '1.2'))} — срок был 01.10.2026, просрочено на 9 дней`);
    expect(body(director)).not.toContain('1.1.');
    expect(body(director)).toContain('Куратор программы — Петрова Елена Александровна (petrova@cdt-hibiny.ru)');
    expect(director.body).toContain(look(ws, (ss) => ss.getUrl()));
    expect(director.htmlBody).toContain(look(ws, (ss) => ss.getUrl()));

    const curator = ws.mail.find((m) => m.to === CURATOR)!;
    expect(plain(curator.subject)).toBe('Дорожная карта МАОДО ЦДТ «Хибины»: подходит срок — 2 пункта');
    expect(body(curator)).toContain('Уважаемая Елена Александровна!');
    expect(body(curator)).toContain('В ближайшие 7 дней наступает срок — 2 пункта дорожной карты программы наставничества МАОДО ЦДТ «Хибины»:');
    expect(body(curator)).toContain(`1.1. ${plain(activity(ws, '1.1'))} — срок 15.10.2026 (через 5 дней)`);
    expect(body(curator)).toContain(`2.2. ${plain(activity(ws, '2.2'))} — срок 12.10.2026 (через 2 дня)`);
    expect(body(curator)).not.toContain('20.10.2026');
    expect(body(curator)).not.toContain('1.3.');
    // «2 пункта», «5 дней», «МАОДО ЦДТ «Хибины»» never break across lines.
    expect(curator.body).toContain('2\u00a0пункта');
    expect(curator.body).toContain('5\u00a0дней');
    expect(curator.name).toBe('МАОДО ЦДТ «Хибины»');
    expect(result.message).toContain('отправлено 2 письма');
    if (process.env.SHOW_MAIL) console.log(ws.mail.map((m) => `${m.to}\n${m.subject}\n\n${m.body}`).join('\n-----\n'), '\n', result.message);
  });

  test('2.1 due in 10 days is outside the 7-day window, inside a 14-day one; the setting is read from «Настройки»', () => {
    const { ws, runner } = workbook();
    check(runner);
    expect(body(ws.mail.find((m) => m.to === CURATOR)!)).not.toContain('20.10.2026');
    setSettings(ws, { 'Напоминать о сроках за, дней': 14 });
    ws.mail.length = 0;
    const again = check(runner);
    expect(again.ok).toBe(true);
    expect(ws.mail).toHaveLength(1);
    expect(body(ws.mail[0])).toContain('срок 20.10.2026 (через 10 дней)');
    expect(body(ws.mail[0])).not.toContain('15.10.2026');
    expect(body(ws.mail[0])).toContain('В ближайшие 14 дней наступает срок — 1 пункт');
  });

  test('two runs the same day, and the trigger twice a day, send nothing twice', () => {
    const { ws, runner } = workbook();
    expect(check(runner).ok).toBe(true);
    expect(ws.mail).toHaveLength(2);
    const second = check(runner);
    expect(second.ok).toBe(true);
    expect(ws.mail).toHaveLength(2);
    expect(second.message).toContain('новых напоминаний нет — о 3 пунктах уже напоминали');
    expect(runner.call('installDeadlineTrigger')).toMatchObject({ ok: true });
    runner.fireClockTriggers();
    at(ws, '2026-10-10T15:00:00Z');
    runner.fireClockTriggers();
    expect(ws.mail).toHaveLength(2);
    // Next day: 1.1 is still due soon (already reminded); nothing new until a date changes.
    at(ws, '2026-10-11T06:00:00Z');
    runner.fireClockTriggers();
    expect(ws.mail).toHaveLength(2);
  });

  test('a deadline passing turns a reminded «due soon» into one overdue letter to the director; a new own date is a new reminder', () => {
    const { ws, runner } = workbook();
    check(runner);
    ws.mail.length = 0;
    at(ws, '2026-10-16T06:00:00Z');
    expect(check(runner).ok).toBe(true);
    // 1.1 and 2.2 are overdue now (the director); 2.1 (20.10) has come within 7 days (the curator).
    expect(ws.mail.map((m) => m.to).sort()).toEqual([DIRECTOR, CURATOR].sort());
    const director = body(ws.mail.find((m) => m.to === DIRECTOR)!);
    expect(director).toContain('не выполнено в срок — 2 пункта:');
    expect(director).toContain('срок был 15.10.2026, просрочено на 1 день');
    expect(director).toContain('срок был 12.10.2026, просрочено на 4 дня');
    expect(director).not.toContain('1.2. ');
    expect(body(ws.mail.find((m) => m.to === CURATOR)!)).toContain('срок 20.10.2026 (через 4 дня)');
    ws.mail.length = 0;
    // The curator moves 1.1 to 20.10: a reminder about the new date.
    setDue(ws, '1.1', { own: '20.10.2026' });
    check(runner);
    expect(ws.mail.map((m) => m.to)).toEqual([CURATOR]);
    expect(body(ws.mail[0])).toContain('срок 20.10.2026 (через 4 дня)');
  });

  test('a missing e-mail setting: a Russian message, nothing lost: the letter goes once the address is there', () => {
    const { ws, runner } = workbook();
    setSettings(ws, { 'E-mail руководителя': '' });
    const first = check(runner);
    expect(first.ok).toBe(true);
    expect(ws.mail.map((m) => m.to)).toEqual([CURATOR]);
    expect(first.message).toContain('В «Настройки» не заполнен «E-mail руководителя»: напоминание руководителю о просроченных пунктах (1 пункт) не отправлено');
    setSettings(ws, { 'E-mail руководителя': 'директор at cdt' });
    expect(check(runner).message).toContain('«E-mail руководителя» в «Настройки» — не адрес электронной почты («директор at cdt»)');
    setSettings(ws, { 'E-mail руководителя': DIRECTOR });
    check(runner);
    expect(ws.mail.map((m) => m.to)).toEqual([CURATOR, DIRECTOR]);
    expect(body(ws.mail[1])).toContain('1.2. ');
  });

  test('a date typed wrongly in «Свой срок» is skipped with a note; the others still go', () => {
    const { ws, runner } = workbook();
    setDue(ws, '2.1', { own: '32.10.2026' });
    setDue(ws, '1.1', { own: 'к 15 октября' });
    const result = check(runner);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('пункт 1.1): в «Свой срок» не дата («к 15 октября»), напоминание по этому пункту не отправлено; впишите дату в виде ДД.ММ.ГГГГ.');
    expect(result.message).toContain('пункт 2.1): в «Свой срок» не дата («32.10.2026»)');
    expect(ws.mail.map((m) => m.to).sort()).toEqual([DIRECTOR, CURATOR].sort());
    expect(body(ws.mail.find((m) => m.to === CURATOR)!)).not.toContain('1.1. ');
    // Corrected, it is reminded of.
    setDue(ws, '1.1', { own: '14.10.2026' });
    check(runner);
    expect(ws.mail).toHaveLength(3);
    expect(ws.mail[2].to).toBe(CURATOR);
    expect(body(ws.mail[2])).toContain('срок 14.10.2026 (через 4 дня)');
  });

  test('the quota cut: what did not fit goes at the next run, nothing twice', () => {
    const { ws, runner } = workbook();
    ws.mailRecipientsToday = ws.quotas.mailRecipientsPerDay - 1;
    const cut = check(runner);
    expect(cut.ok).toBe(true);
    expect(ws.mail).toHaveLength(1);
    expect(cut.message).toContain('Не отправлено из-за дневного лимита писем Google: 1 письмо. Они уйдут при следующей проверке.');
    const first = ws.mail[0].to;
    // Google's day is over: the quota is back.
    at(ws, '2026-10-11T06:00:00Z');
    ws.mailRecipientsToday = 0;
    check(runner);
    expect(ws.mail).toHaveLength(2);
    expect(ws.mail[1].to).not.toBe(first);
    check(runner);
    expect(ws.mail).toHaveLength(2);
  });

  test('one address for both: one letter with both lists', () => {
    const { ws, runner } = workbook();
    setSettings(ws, { 'E-mail руководителя': CURATOR });
    check(runner);
    expect(ws.mail).toHaveLength(1);
    expect(plain(ws.mail[0].subject)).toBe('Дорожная карта МАОДО ЦДТ «Хибины»: просрочено — 1 пункт; подходит срок — 2 пункта');
    expect(body(ws.mail[0])).toContain('1.2. ');
    expect(body(ws.mail[0])).toContain('Кроме того, в ближайшие 7 дней наступает срок — 2 пункта дорожной карты:');
  });

  test('zone: the script in UTC, the spreadsheet in Moscow: the 15.10 deadline is 15.10', () => {
    const { ws, runner } = workbook('2026-10-14T22:30:00Z');
    ws.scriptTimeZone = 'UTC';
    // 01:30 on 15.10 in Moscow (still 14.10 in UTC): 1.1 is due today, not tomorrow.
    check(runner);
    expect(body(ws.mail.find((m) => m.to === CURATOR)!)).toContain('срок 15.10.2026 (сегодня)');
    ws.mail.length = 0;
    // 00:30 on 16.10 in Moscow, 15.10 in UTC: overdue by one day.
    at(ws, '2026-10-15T21:30:00Z');
    check(runner);
    expect(body(ws.mail.find((m) => m.to === DIRECTOR)!)).toContain('срок был 15.10.2026, просрочено на 1 день');
  });

  test('a fault at any service call, then a re-run: each letter exactly once, the same end state', () => {
    const sweep = faultSweep({
      setup: cachedSetup(() => workbook()),
      operation: { name: 'checkDeadlines' },
      snapshot: (ws) => workspaceState(ws, ['properties', 'mail']),
      maxFaults: FULL ? 100000 : 15,
      skip: shared,
    });
    console.log(`checkDeadlines: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['MailApp.sendEmail']).toBe(2);
    expect(sweep.diffs).toEqual([]);
  });
});

describe('the daily trigger', () => {
  test('install twice → one daily trigger for checkDeadlines at 8 in the spreadsheet’s zone; remove; the trigger fires and sends', () => {
    const { ws, runner } = workbook();
    const first = runner.call('installDeadlineTrigger') as Outcome;
    expect(first.ok).toBe(true);
    expect(first.message).toContain('Напоминания о сроках включены: проверка каждый день около 8:00 (Europe/Moscow).');
    const second = runner.call('installDeadlineTrigger') as Outcome;
    expect(second.message).toContain('уже включены');
    expect(clockTriggers(ws)).toHaveLength(1);
    expect(clockTriggers(ws)[0]).toMatchObject({ handler: 'checkDeadlines', clock: { everyDays: 1, atHour: 8, timeZone: 'Europe/Moscow' } });
    expect(runner.fireClockTriggers()).toEqual(['checkDeadlines']);
    expect(ws.mail).toHaveLength(2);
    const off = runner.call('removeDeadlineTrigger') as Outcome;
    expect(off.ok).toBe(true);
    expect(off.message).toContain('Напоминания о сроках отключены');
    expect(clockTriggers(ws)).toHaveLength(0);
    expect((runner.call('removeDeadlineTrigger') as Outcome).message).toBe('Напоминания о сроках не были включены.');
  });

  test('re-created after Google deleted it: on «Проверить сроки сейчас» and on onOpen with full authorisation, never in LIMITED', () => {
    const { ws, runner } = workbook();
    runner.call('installDeadlineTrigger');
    ws.triggers = [];
    // onOpen in LIMITED cannot touch ScriptApp: the menu is built, nothing thrown, no trigger yet.
    expect(() => runner.onOpen('LIMITED')).not.toThrow();
    expect(clockTriggers(ws)).toHaveLength(0);
    const result = check(runner);
    expect(result.message).toContain('Ежедневная проверка сроков была отключена Google и включена снова.');
    expect(clockTriggers(ws)).toHaveLength(1);
    ws.triggers = [];
    runner.onOpen('FULL');
    expect(clockTriggers(ws)).toHaveLength(1);
    runner.onOpen('FULL');
    expect(clockTriggers(ws)).toHaveLength(1);
  });

  test('switched off, a leftover trigger removes itself and sends nothing; never switched on, nothing is re-created', () => {
    const { ws, runner } = workbook();
    runner.call('installDeadlineTrigger');
    const left = { ...ws.triggers[0] };
    runner.call('removeDeadlineTrigger');
    ws.triggers.push(left);
    runner.fireClockTriggers();
    expect(ws.mail).toHaveLength(0);
    expect(clockTriggers(ws)).toHaveLength(0);
    check(runner);
    expect(clockTriggers(ws)).toHaveLength(0);
  });

  test('a fault at any service call of «Включить» or «Отключить», then a re-run: one trigger, or none', () => {
    const sweeps = [
      ['installDeadlineTrigger', () => workbook()],
      [
        'removeDeadlineTrigger',
        () => {
          const p = workbook();
          p.runner.call('installDeadlineTrigger');
          return p;
        },
      ],
    ] as const;
    // In CI «Включить» only; «Отключить» with FULL_SWEEP=1.
    for (const [name, prepare] of FULL ? sweeps : sweeps.slice(0, 1)) {
      const sweep = faultSweep({
        setup: cachedSetup(prepare),
        operation: { name },
        snapshot: (ws) => workspaceState(ws, ['properties', 'triggers', 'mail']),
        maxFaults: FULL ? 100000 : 8,
        skip: triggerWork,
      });
      console.log(`${name}: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
      expect(sweep.diffs).toEqual([]);
    }
  });

  test('the trigger firing while the curator’s action holds the lock: that action sends the reminders before letting go, once', () => {
    const { ws, runner } = workbook();
    runner.call('installDeadlineTrigger');
    ws.heldLocks.add('document');
    runner.fireClockTriggers();
    expect(ws.mail).toHaveLength(0);
    ws.heldLocks.delete('document');
    // The next action (any menu item) runs the check the trigger handed over.
    runner.call('installDeadlineTrigger');
    expect(ws.mail.map((m) => m.to).sort()).toEqual([DIRECTOR, CURATOR].sort());
    check(runner);
    expect(ws.mail).toHaveLength(2);
  });

  test('the menu lists the three items', () => {
    const { ws, runner } = workbook();
    runner.onOpen('LIMITED');
    const menu = ws.ui.filter((u) => u.kind === 'menu').pop()!;
    expect(menu.items).toEqual(
      expect.arrayContaining([
        ['Проверить сроки сейчас', 'checkDeadlines'],
        ['Включить напоминания о сроках', 'installDeadlineTrigger'],
        ['Отключить напоминания о сроках', 'removeDeadlineTrigger'],
      ]),
    );
  });
});
