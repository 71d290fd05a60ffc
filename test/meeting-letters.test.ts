import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, setCells, table } from './helpers/programme';
import { approvedAfterMeeting, setConsent } from './helpers/people';
import { cachedSetup, faultSweep, stateWithoutLog } from './helpers/faults';
import type { MailRecord, Workspace } from '../local/emulator/workspace';

const LINK = 'Ссылка для отчётов о встречах';
const SENT = 'Ссылка отправлена';

/** Mail as a person reads it: NO-BREAK SPACES are spaces to the eye. */
const plain = (m: MailRecord) => m.body.replace(/\u00a0/g, ' ');

/** The director signed the pairs order: the curator types its date and № on «Документы» (an empty date unsigns it). */
function signOrder(ws: Workspace, date: string) {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.documents)!;
    const [header, ...rows] = sheet.getDataRange().getValues();
    rows.forEach((r, i) => {
      if (!String(r[header.indexOf('Вид')]).includes('пар')) return;
      sheet.getRange(i + 2, header.indexOf('Дата подписания') + 1).setValue(date);
      sheet.getRange(i + 2, header.indexOf('Номер') + 1).setValue(date ? '123-о/д' : '');
    });
  });
}

/**
 * Pairs approved by the order of 05.10.2026 and the forms refreshed: Белова leads a group of two
 * pupils, Громов has two pairs (Орлов, Волкова); Соколов has none. The mentors' e-mails are in the base.
 */
function approved() {
  const p = approvedAfterMeeting();
  const made = p.runner.call('createQuestionnaires') as Outcome;
  if (!made.ok) throw new Error(made.message);
  expect(made.ok).toBe(true);
  signOrder(p.ws, '05.10.2026');
  setCells(p.ws, SHEET.mentors, 'ФИО', 'Белова Ирина Сергеевна', { Контакт: 'belova@cdt.ru' });
  setCells(p.ws, SHEET.mentors, 'ФИО', 'Громов Олег Павлович', { Контакт: '+7 911 000-00-09, gromov@cdt.ru' });
  p.ws.mail.length = 0;
  p.ws.mailRecipientsToday = 0;
  return p;
}

const send = (p: { runner: { call: (name: string) => unknown } }) => p.runner.call('sendMeetingLinks') as Outcome;
const mentor = (ws: Workspace, name: string) => table(ws, SHEET.mentors).find((m) => m['ФИО'] === name)!;
const unitsOf = (ws: Workspace, mentorName: string) => [
  ...new Set(
    table(ws, SHEET.pairs)
      .filter((r) => r['Наставник'] === mentorName && r['Статус'] === 'утверждена')
      .map((r) => String(r['Группа'] || r.ID)),
  ),
];

describe('sendMeetingLinks', () => {
  test('no letter before the order is signed: the mentors wait, and the letters go once its date is on «Документы»', () => {
    const p = approved();
    signOrder(p.ws, '');
    const waiting = send(p);
    expect(waiting.ok).toBe(true);
    expect(p.ws.mail).toEqual([]);
    expect(waiting.message).toContain('Ждут подписания приказа об утверждении пар');
    expect(waiting.message).toContain(String(mentor(p.ws, 'Белова Ирина Сергеевна').ID));
    expect(String(mentor(p.ws, 'Белова Ирина Сергеевна')[SENT])).toBe('');
    signOrder(p.ws, '05.10.2026');
    expect(send(p).ok).toBe(true);
    expect(p.ws.mail.map((m) => m.to).sort()).toEqual(['belova@cdt.ru', 'gromov@cdt.ru']);
  });

  test('one letter per mentor with a pair: the personal link, the pairs’ IDs, the kinds and the cadence; remembered on «Наставники»; a second run sends nothing', () => {
    const p = approved();
    const { ws } = p;
    const result = send(p);
    expect(result.ok).toBe(true);
    expect(ws.mail.map((m) => m.to).sort()).toEqual(['belova@cdt.ru', 'gromov@cdt.ru']);
    expect(result.message).toContain('Отправлено 2 письма');
    expect(result.message).toContain('Осталось писем на сегодня по лимиту Google: 98');

    const belova = ws.mail.find((m) => m.to === 'belova@cdt.ru')!;
    const gromov = ws.mail.find((m) => m.to === 'gromov@cdt.ru')!;
    expect(belova.subject).toBe('Ссылка для отчётов о встречах с наставляемыми');
    expect(plain(belova)).toMatch(/^Уважаемая Ирина Сергеевна!/);
    // The link on the sheet, character for character, on a line of its own.
    const link = String(mentor(ws, 'Белова Ирина Сергеевна')[LINK]);
    expect(link).toMatch(/^https:\/\//);
    expect(belova.body.split('\n')).toContain(link);
    expect(plain(belova)).toContain(`Вы — наставник группы ${unitsOf(ws, 'Белова Ирина Сергеевна')[0]} программы наставничества`);
    expect(plain(belova)).toContain('1–2 встречи в неделю, не меньше 2 месяцев');
    expect(plain(belova)).toContain('знакомство, пробная встреча, планирование, затем регулярные встречи и в конце итоговая встреча');
    expect(plain(gromov)).toContain(`наставник пар ${unitsOf(ws, 'Громов Олег Павлович').join(', ')}`);
    expect(plain(gromov)).toContain('В форме выберите пару или группу');
    expect(gromov.body.split('\n')).toContain(String(mentor(ws, 'Громов Олег Павлович')[LINK]));
    // About the form, not the children: no mentee is named.
    for (const m of ws.mail) expect(m.body).not.toMatch(/Смирнов|Орлов|Волков|img/);
    expect(belova.replyTo).toBeUndefined();

    expect(String(mentor(ws, 'Белова Ирина Сергеевна')[SENT])).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    expect(String(mentor(ws, 'Громов Олег Павлович')[SENT])).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    expect(mentor(ws, 'Соколов Павел Андреевич')[SENT]).toBe('');

    const before = stateWithoutLog(ws);
    const again = send(p);
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Все письма со ссылками уже отправлены (2 письма)');
    expect(ws.mail).toHaveLength(2);
    expect(stateWithoutLog(ws)).toEqual(before);

    // Clearing a mentor's cell sends that one letter again, and only it.
    setCells(ws, SHEET.mentors, 'ФИО', 'Громов Олег Павлович', { [SENT]: '' });
    expect(send(p).message).toContain('Отправлено 1 письмо');
    expect(ws.mail.map((m) => m.to)).toEqual(expect.arrayContaining(['gromov@cdt.ru']));
    expect(ws.mail).toHaveLength(3);
  });

  test('no letter to a mentor without consent or without e-mail: both listed by ID; the e-mail added, a re-run sends that one only', () => {
    const p = approved();
    const { ws, runner } = p;
    setConsent(ws, runner, 'Громов Олег Павлович', 'нет');
    setCells(ws, SHEET.mentors, 'ФИО', 'Белова Ирина Сергеевна', { Контакт: '+7 911 000-00-08' });
    const gromovId = String(mentor(ws, 'Громов Олег Павлович').ID);
    const belovaId = String(mentor(ws, 'Белова Ирина Сергеевна').ID);
    const result = send(p);
    expect(result.ok).toBe(true);
    expect(ws.mail).toHaveLength(0);
    expect(result.message).toContain(`Без e-mail в «Контакте» (письмо не отправлено): ${belovaId}`);
    expect(result.message).toContain(`Без письма (нет действующего согласия на обработку ПДн): ${gromovId}`);
    expect(mentor(ws, 'Громов Олег Павлович')[SENT]).toBe('');

    setCells(ws, SHEET.mentors, 'ФИО', 'Белова Ирина Сергеевна', { Контакт: 'belova@cdt.ru' });
    const next = send(p);
    expect(next.message).toContain('Отправлено 1 письмо');
    expect(ws.mail.map((m) => m.to)).toEqual(['belova@cdt.ru']);
    for (const m of ws.mail) expect(m.body).not.toContain('Громов');
  });

  test('within the day’s quota: the rest go on a later run, each letter once', () => {
    const p = approved();
    const { ws } = p;
    ws.quotas.mailRecipientsPerDay = 1;
    const first = send(p);
    expect(first.ok).toBe(true);
    expect(ws.mail).toHaveLength(1);
    expect(first.message).toContain('Не отправлено из-за дневного лимита писем Google: 1 письмо');
    expect(first.message).toContain('Осталось писем на сегодня по лимиту Google: 0');
    ws.quotas.mailRecipientsPerDay = 100;
    const next = send(p);
    expect(next.message).toContain('Отправлено 1 письмо');
    expect(next.message).toContain('Ранее отправлено: 1 письмо');
    expect(new Set(ws.mail.map((m) => m.to)).size).toBe(2);
    expect(ws.mail).toHaveLength(2);
  });

  test('a name that is markup stays text: the HTML letter escapes it', () => {
    const p = approved();
    setCells(p.ws, SHEET.mentors, 'ФИО', 'Белова Ирина Сергеевна', { ФИО: '<img src=x onerror=alert(1)>' });
    expect(send(p).ok).toBe(true);
    const letter = p.ws.mail.find((m) => m.to === 'belova@cdt.ru')!;
    expect(letter.body).toContain('<img src=x onerror=alert(1)>');
    expect(letter.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(letter.htmlBody).not.toContain('<img');
  });

  test('a fault at any service call, then a re-run: every letter sent exactly once, the same end state', () => {
    const sweep = faultSweep({ setup: cachedSetup(approved), operation: { name: 'sendMeetingLinks' }, snapshot: stateWithoutLog, maxFaults: 40 });
    console.log(`sendMeetingLinks: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['MailApp.sendEmail']).toBe(2);
    expect(sweep.diffs).toEqual([]);
  });
});
