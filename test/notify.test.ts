import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, setCells, table } from './helpers/programme';
import { setConsent, withPeople } from './helpers/people';
import { faultSweep, stateWithoutLog } from './helpers/faults';
import { snapshotSetup } from './helpers/clone';
import { setSetting } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';
import type { MailRecord } from '../local/emulator/workspace';
import type { ScriptRunner } from '../local/emulator/runner';

/** Faults per sweep: every method's first, middle and last call at least; FULL_SWEEP=1 fails every call. */
const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 60;

const DOC = 'application/vnd.google-apps.document';
const MENTEE_CONTACT = 'Контакт (для несовершеннолетних — родителя)';

/** Mail as a person reads it: NO-BREAK SPACES are spaces to the eye. */
const plain = (m: MailRecord) => m.body.replace(/\u00a0/g, ' ');
const to = (ws: Workspace, address: string) => ws.mail.filter((m) => m.to === address);

/** Writes cells of the rows whose column `key` equals `value` (by header, as the curator would type). */
/**
 * Pairs approved by an order that is not signed yet: Белова leads a group of two pupils (Смирнова
 * and a pupil whose «name» is markup, whose family left only a phone); Громов has Орлов (pupil) and
 * Волкова (teacher) in two forms. Parents' and staff e-mails are in the bases.
 */
function approved() {
  const p = withPeople();
  const { ws, runner } = p;
  setCells(ws, SHEET.mentees, 'ФИО', 'Смирнова Алиса Андреевна', { [MENTEE_CONTACT]: 'mama.smirnova@mail.ru' });
  setCells(ws, SHEET.mentees, 'ФИО', 'Орлов Глеб Игоревич', { [MENTEE_CONTACT]: '+7 911 000-00-02, orlov.papa@mail.ru' });
  setCells(ws, SHEET.mentors, 'ФИО', 'Белова Ирина Сергеевна', { Контакт: 'belova@cdt.ru', 'Согласие на наставничество (ст. 351.8 ТК РФ)': '01.10.2026' });
  setCells(ws, SHEET.mentors, 'ФИО', 'Громов Олег Павлович', { Контакт: 'gromov@cdt.ru', 'Согласие на наставничество (ст. 351.8 ТК РФ)': '01.10.2026' });
  setSetting(ws, 'Куратор (ФИО полностью)', 'Петрова Елена Андреевна');
  setSetting(ws, 'Телефон куратора', '8 (81531) 5-00-00');
  setSetting(ws, 'E-mail куратора', 'petrova@cdt.ru');
  setSetting(ws, 'Учебный год', '2026/2027');
  expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
  const approval = runner.call('approvePairs') as Outcome;
  expect(approval.ok).toBe(true);
  // Letters are this step's alone: approval sends none.
  ws.mail.length = 0;
  ws.mailRecipientsToday = 0;
  return p;
}

/** The register row of the order; added by hand (as an approval before the register did) if missing. */
function registerRow(ws: Workspace): number {
  const url = String(table(ws, SHEET.pairs).find((p) => p['Приказ'])!['Приказ']);
  const doc = ws.drive.byMime(DOC).find((d) => !d.trashed && url.includes(d.id))!;
  return look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.documents)!;
    const ids = sheet
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    const at = ids.indexOf(doc.id);
    if (at > 0) return at + 1;
    sheet.appendRow([doc.id, 'Приказ об утверждении наставнических пар (групп)', doc.name, url, new Date('2026-11-30T09:00:00Z')]);
    return sheet.getLastRow();
  });
}

/** The curator records the signed order's date and number on «Документы». */
function sign(ws: Workspace, cells: { date?: Date; number?: string } = { date: new Date('2026-12-01T09:00:00Z'), number: '123-о/д' }) {
  const row = registerRow(ws);
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.documents)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    if (cells.date) sheet.getRange(row, header.indexOf('Дата подписания') + 1).setValue(cells.date);
    if (cells.number) sheet.getRange(row, header.indexOf('Номер') + 1).setValue(cells.number);
  });
  return row;
}

function signed() {
  const p = approved();
  sign(p.ws);
  return p;
}

const endState = stateWithoutLog;
const withdraw = (ws: Workspace, runner: ScriptRunner, name: string) => setConsent(ws, runner, name, 'нет');

describe('notifyParticipants', () => {
  test('refuses until the signed order’s date and № are on «Документы», naming the row', () => {
    const { ws, runner } = approved();
    const row = registerRow(ws);
    const refused = runner.call('notifyParticipants') as Outcome;
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('«Документы»');
    expect(refused.message).toContain(`строке ${row}`);
    expect(refused.message).toContain('«Дата подписания» и «Номер»');
    expect(ws.mail).toHaveLength(0);

    sign(ws, { date: new Date('2026-12-01T09:00:00Z') });
    const noNumber = runner.call('notifyParticipants') as Outcome;
    expect(noNumber.ok).toBe(false);
    expect(noNumber.message).toContain('«Номер»');
    expect(noNumber.message).not.toContain('«Дата подписания»');
    expect(ws.mail).toHaveLength(0);

    sign(ws, { number: '123-о/д' });
    expect((runner.call('notifyParticipants') as Outcome).ok).toBe(true);
    expect(ws.mail.length).toBeGreaterThan(0);
  });

  test('one letter per person: a group’s mentor gets one listing the group; a second run sends nothing', () => {
    const { ws, runner } = signed();
    const result = runner.call('notifyParticipants') as Outcome;
    expect(result.ok).toBe(true);
    // Белова, Громов, Волкова, and the parents of Смирнова and Орлов; the third pupil's family left only a phone.
    expect(ws.mail.map((m) => m.to).sort()).toEqual(['belova@cdt.ru', 'gromov@cdt.ru', 'mama.smirnova@mail.ru', 'orlov.papa@mail.ru', 'teacher@example.ru']);
    expect(result.message).toContain('отправлено 5 писем');
    expect(result.message).toMatch(/Без e-mail в базах .*— 1 участник: НЯ-0003/);

    const [belova] = to(ws, 'belova@cdt.ru');
    expect(plain(belova)).toContain('Вы назначены наставником группы в форме «педагог – ученик»');
    expect(plain(belova)).toContain('2 наставляемых:\n1) Смирнова Алиса Андреевна');
    // The pupil whose «name» is markup is named as typed and never becomes markup in the HTML letter.
    expect(belova.body).toContain('<img src=x onerror=alert(1)>');
    expect(belova.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(belova.htmlBody).not.toContain('<img');
    const [gromov] = to(ws, 'gromov@cdt.ru');
    expect(plain(gromov)).toContain('Орлов Глеб Игоревич');
    expect(plain(gromov)).toContain('Волкова Анна Павловна');
    expect(plain(gromov)).toContain('Вы назначены наставником:\nа) в форме «педагог – ученик»');
    expect(plain(gromov)).toContain(';\nб) в форме «педагог – педагог»');
    // A mentee's letter never names the other children of the group.
    const [smirnova] = to(ws, 'mama.smirnova@mail.ru');
    expect(smirnova.body).not.toContain('img');
    expect(plain(smirnova)).toContain('в группе у наставника ещё 1 наставляемый');

    const pairs = table(ws, SHEET.pairs);
    expect(pairs.find((p) => p['Наставляемый'] === 'Смирнова Алиса Андреевна')!['Участники уведомлены']).toMatch(/^Уведомлены \d\d\.\d\d\.\d{4}: наставник, родители наставляемой$/);
    expect(pairs.find((p) => p['Наставляемый'] === 'Волкова Анна Павловна')!['Участники уведомлены']).toMatch(/: наставник, наставляемая$/);
    expect(String(pairs.find((p) => String(p['Наставляемый']).startsWith('<img'))!['Участники уведомлены'])).toMatch(/: наставник; без письма: родители наставляемого$/);
    const register = table(ws, SHEET.documents);
    expect(register).toHaveLength(1);
    expect(String(register[0]['Участники уведомлены'])).toMatch(/^\d\d\.\d\d\.\d{4}: отправлено 5 писем; без e-mail — 1 участник$/);

    const before = endState(ws);
    const again = runner.call('notifyParticipants') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain('уже отправлены: 5 писем');
    expect(endState(ws)).toEqual(before);
  });

  test('a pupil’s letter goes to the parents, the child named in the right case and words agreeing', () => {
    const { ws, runner } = signed();
    expect((runner.call('notifyParticipants') as Outcome).ok).toBe(true);
    expect(to(ws, 'mama.smirnova@mail.ru')[0].subject.replace(/\u00a0/g, ' ')).toBe('Ваша дочь включена в программу наставничества (приказ от 01.12.2026 № 123-о/д)');
    expect(to(ws, 'orlov.papa@mail.ru')[0].subject).toMatch(/^Ваш сын включён в программу/);
    const girl = plain(to(ws, 'mama.smirnova@mail.ru')[0]);
    expect(girl).toMatch(/^Уважаемые родители \(законные представители\) Смирновой Алисы Андреевны!/);
    expect(girl).toContain('Ваша дочь Смирнова Алиса Андреевна, обучающаяся, 7 кл., Изостудия «Северное сияние», включена в программу как наставляемая');
    expect(girl).toContain('первую встречу ребёнка с наставником — знакомство');
    expect(girl).toContain('наставник — Белова Ирина Сергеевна, педагог дополнительного образования');
    const boy = plain(to(ws, 'orlov.papa@mail.ru')[0]);
    expect(boy).toMatch(/^Уважаемые родители \(законные представители\) Орлова Глеба Игоревича!/);
    expect(boy).toContain('Ваш сын Орлов Глеб Игоревич, обучающийся');
    expect(boy).toContain('включён в программу как наставляемый');
    // Girls agree: the teacher mentee and, in the mentor's list, the pupil.
    const teacher = plain(to(ws, 'teacher@example.ru')[0]);
    expect(teacher).toMatch(/^Уважаемая Анна Павловна!/);
    expect(teacher).toContain('Вы включены в программу как наставляемая в форме «педагог – педагог»');
    expect(teacher).toContain('вы вместе с наставником составите индивидуальный план развития');
    const belova = plain(to(ws, 'belova@cdt.ru')[0]);
    expect(belova).toMatch(/^Уважаемая Ирина Сергеевна!/);
    expect(belova).toContain('Смирнова Алиса Андреевна, обучающаяся, 7 кл.');
    expect(plain(to(ws, 'gromov@cdt.ru')[0])).toMatch(/^Уважаемый Олег Павлович!/);
  });

  test('each letter carries the order’s date and №, the centre, what happens next and the curator’s contact', () => {
    const { ws, runner } = signed();
    expect((runner.call('notifyParticipants') as Outcome).ok).toBe(true);
    expect(ws.mail).toHaveLength(5);
    for (const m of ws.mail) {
      const body = plain(m);
      expect(body).toContain('Приказом МАОДО ЦДТ «Хибины» от 01.12.2026 № 123-о/д утверждены наставнические пары и группы программы наставничества на 2026/2027 учебный год.');
      expect(m.subject.replace(/\u00a0/g, ' ')).toContain('приказ от 01.12.2026 № 123-о/д');
      expect(body).toContain('Что дальше:\n1. Куратор программы свяжется с вами и назначит первую встречу');
      expect(body).toContain('В течение 14 календарных дней со дня приказа');
      expect(body).toContain('С вопросами обращайтесь к куратору программы наставничества Петровой Елене Андреевне: тел. 8 (81531) 5-00-00, e-mail petrova@cdt.ru.');
      expect(body).toMatch(
        /С уважением,\nПетрова Елена Андреевна\nЗаместитель директора, куратор программы наставничества\nМуниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»$/,
      );
      expect(m.replyTo).toBe('petrova@cdt.ru');
      expect(m.htmlBody).toContain('<p>');
    }
  });

  test('another curator and centre in «Настройки» appear in every letter; a missing phone is left out', () => {
    const { ws, runner } = approved();
    setSetting(ws, 'Полное наименование организации', 'Муниципальное бюджетное общеобразовательное учреждение «Лицей № 7»');
    setSetting(ws, 'Сокращённое наименование', 'МБОУ «Лицей № 7»');
    setSetting(ws, 'Куратор (ФИО полностью)', 'Соколов Игорь Николаевич');
    setSetting(ws, 'Должность куратора', 'методист');
    setSetting(ws, 'Телефон куратора', '');
    setSetting(ws, 'E-mail куратора', 'sokolov@licei7.ru');
    sign(ws, { date: new Date('2026-12-03T09:00:00Z'), number: '45' });
    expect((runner.call('notifyParticipants') as Outcome).ok).toBe(true);
    expect(ws.mail).toHaveLength(5);
    for (const m of ws.mail) {
      const body = plain(m);
      expect(body).toContain('Приказом МБОУ «Лицей № 7» от 03.12.2026 № 45');
      expect(body).toContain('к куратору программы наставничества Соколову Игорю Николаевичу: e-mail sokolov@licei7.ru.');
      expect(body).not.toContain('тел.');
      expect(body).toContain('Соколов Игорь Николаевич\nметодист, куратор программы наставничества\nМуниципальное бюджетное общеобразовательное учреждение «Лицей № 7»');
      expect(body).not.toMatch(/Хибины|Петров/);
      expect(m.name).toBe('МБОУ «Лицей № 7»');
    }
  });

  test('nobody without a valid consent or who left is named or written to', () => {
    const { ws, runner } = signed();
    withdraw(ws, runner, 'Смирнова Алиса Андреевна');
    setCells(ws, SHEET.mentees, 'ФИО', 'Орлов Глеб Игоревич', { Статус: 'выбыл(а)' });
    const result = runner.call('notifyParticipants') as Outcome;
    expect(result.ok).toBe(true);
    expect(ws.mail.map((m) => m.to).sort()).toEqual(['belova@cdt.ru', 'gromov@cdt.ru', 'teacher@example.ru']);
    for (const m of ws.mail) expect(m.body).not.toMatch(/Смирнов|Орлов/);
    // Белова's group is now one pupil; Громов keeps only Волкова.
    expect(plain(to(ws, 'belova@cdt.ru')[0])).toContain('наставляемый(-ая) — <img');
    expect(plain(to(ws, 'gromov@cdt.ru')[0])).toContain('наставляемая — Волкова Анна Павловна');
    expect(result.message).toMatch(/Пары, о которых писать нельзя .*— 2: ПА-\d{4}, ПА-\d{4}/);
  });

  test('within the day’s quota: the rest go on a later run, each letter once', () => {
    const { ws, runner } = signed();
    ws.quotas.mailRecipientsPerDay = 2;
    const first = runner.call('notifyParticipants') as Outcome;
    expect(first.ok).toBe(true);
    expect(ws.mail).toHaveLength(2);
    expect(first.message).toContain('отправлено 2 письма');
    expect(first.message).toContain('Не отправлено из-за дневного лимита писем Google: 3 письма');
    ws.quotas.mailRecipientsPerDay = 100;
    const next = runner.call('notifyParticipants') as Outcome;
    expect(next.ok).toBe(true);
    expect(next.message).toContain('отправлено 3 письма');
    expect(next.message).toContain('Ранее отправлено: 2 письма');
    const addresses = ws.mail.map((m) => m.to);
    expect(new Set(addresses).size).toBe(5);
    expect(addresses).toHaveLength(5);
  });

  test('a fault at any service call, then a re-run: every letter was sent exactly once', () => {
    const sweep = faultSweep({ setup: snapshotSetup(signed), operation: { name: 'notifyParticipants' }, snapshot: endState, maxFaults: MAX_FAULTS });
    const differ = sweep.diffs.filter((d) => d.problem.startsWith('end state differs')).length;
    console.log(`notifyParticipants: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${differ} end states differ, ${sweep.diffs.length} problems in all`);
    expect(sweep.calls['MailApp.sendEmail']).toBe(5);
    expect(sweep.diffs).toEqual([]);
  });
});
