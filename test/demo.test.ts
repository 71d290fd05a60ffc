import { readBuild, startRunner } from '../local/emulator/session';
import { Workspace } from '../local/emulator/workspace';
import { playDemoYear } from '../local/demo/year';
import { documentText } from '../local/emulator/docs/model';
import type { DocumentModel } from '../local/emulator/docs/model';
import { SHEET } from '../src/core/workbook/sheets';
import { table } from './helpers/programme';
import { GROUPS, MENTEES, PAIRS, declineName, plural, sexOf } from '../src/core/language';
import { countUnits } from '../src/core/pairing/units';
import { cloneDeep } from './helpers/clone';
import { firstLine, printable, printedPages } from './helpers/print';

describe('the demo programme year (npm start)', () => {
  const ws = new Workspace({ seed: 'demo-2026' });
  const steps = playDemoYear(ws, startRunner(ws, readBuild()));

  test('runs every stage without a failed step', () => {
    expect(steps.length).toBeGreaterThanOrEqual(12);
    expect(steps.map((s) => s.result).join('\n')).not.toMatch(/Не удалось/);
  });

  test('each pairs order names every pair it approved (the first order and the one for a replacement mentor)', () => {
    const orders = ws.drive.byMime('application/vnd.google-apps.document').filter((d) => !d.trashed && d.name.startsWith('Приказ об утверждении наставнических'));
    expect(orders).toHaveLength(2);
    const approved = table(ws, SHEET.pairs).filter((p) => ['утверждена', 'активна', 'завершена'].includes(String(p['Статус'])));
    expect(approved.length).toBeGreaterThan(40);
    for (const order of orders) {
      const text = documentText(order.content as DocumentModel);
      const own = approved.filter((p) => String(p['Приказ']).includes(order.id));
      expect(own.length).toBeGreaterThan(0);
      for (const p of own) {
        expect(text).toContain(String(p['Наставник']));
        expect(text).toContain(String(p['Наставляемый']));
      }
    }
  });

  test('bases hold a believable centre: pupils 7–18, teachers, partners, consents, one anonymised family', () => {
    const mentees = table(ws, SHEET.mentees);
    const ages = mentees.map((m) => Number(m['Возраст'])).filter((a) => a > 0);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...ages)).toBeLessThanOrEqual(18);
    expect(mentees.some((m) => m['Категория'] === 'педагог')).toBe(true);
    expect(table(ws, SHEET.mentors).map((m) => m['Категория'])).toEqual(expect.arrayContaining(['педагог', 'сотрудник партнёра', 'обучающийся']));
    expect(mentees.filter((m) => String(m['ФИО']).startsWith('Обезличено'))).toHaveLength(1);
    expect(ws.mail.length).toBeGreaterThan(0);
  });

  describe('its documents', () => documentChecks(ws, { shortName: 'МАОДО ЦДТ «Хибины»' }));
  describe('its orders printed by LibreOffice', () => printChecks(ws));
  describe('the year after the order', () => pairWorkChecks(ws));
  describe('its reports', () => reportChecks(ws, { shortName: 'МАОДО ЦДТ «Хибины»' }));
  describe('its roadmap, reminders, dashboard and the next year', () => roadmapChecks(ws, steps));
});

/** The roadmap tracker after the year: dates, statuses from evidence, reminders once, the next year on a copy. */
function roadmapChecks(ws: Workspace, steps: ReturnType<typeof playDemoYear>) {
  const roadmap = () => table(ws, SHEET.roadmap);

  test('«Дорожная карта» holds the 32 activities, each with a date in 2026/2027; what the workbook evidences is «выполнено» with its document', () => {
    const rows = roadmap();
    expect(rows.map((r) => r['№'])).toHaveLength(32);
    for (const r of rows) {
      const due = r['Срок (дата)'];
      expect([r['№'], due instanceof Date]).toEqual([r['№'], true]);
      const t = (due as Date).getTime();
      expect([r['№'], t >= Date.UTC(2026, 7, 31, 21) && t < Date.UTC(2027, 7, 31, 21)]).toEqual([r['№'], true]);
    }
    const register = table(ws, 'Документы');
    const reports: Record<string, string> = {
      '1.6': 'этап 1 ',
      '2.4': 'этап 2 ',
      '3.6': 'этап 3 ',
      '4.3': 'этап 4 ',
      '5.4': 'этап 5 ',
      '6.3': 'этап 6 ',
      '7.1': 'SWOT-анализ',
      '7.2': 'Отчёт об удовлетворённости',
      '7.3': 'на 15.06.2027',
      '7.5': 'лучших наставниках',
      '7.6': 'Банк кейсов',
      '1.2': 'списков наставников',
    };
    for (const [n, part] of Object.entries(reports)) {
      const row = rows.find((r) => r['№'] === n)!;
      const doc = register.find((r) => String(r['Документ']).includes(part) && !String(r['Документ']).startsWith('Сопроводительное'))!;
      expect([n, row['Статус'], row['Документ']]).toEqual([n, 'выполнено', doc['Ссылка']]);
    }
    for (const n of ['4.1', '5.2']) expect([n, rows.find((r) => r['№'] === n)!['Статус']]).toEqual([n, 'выполнено']);
    // What the workbook cannot show stays the curator's.
    for (const n of ['1.3', '1.4', '1.5']) expect([n, rows.find((r) => r['№'] === n)!['Статус']]).toEqual([n, 'не начато']);
    expect(ws.spreadsheet.findSheet(SHEET.roadmap)!.conditionalFormats.length).toBeGreaterThanOrEqual(2);
  });

  test('reminders went out by the daily trigger once per activity, date and kind; checking again sends nothing; only the curator and the director get them', () => {
    const letters = ws.mail.filter((m) => m.subject.includes('Дорожная карта'));
    expect(letters.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    for (const m of letters) {
      expect(['kurator@cdt-hibiny.ru', 'director@cdt-hibiny.ru']).toContain(m.to);
      for (const line of m.body.replace(/\u00a0/g, ' ').split('\n')) {
        const hit = /^(\d\.\d)\. .* — срок (?:был )?(\d\d\.\d\d\.\d{4})/.exec(line);
        if (!hit) continue;
        const key = `${m.to}|${hit[1]}|${hit[2]}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(letters.length);
    expect(steps.find((s) => s.title.startsWith('Проверка сроков ещё раз'))!.result).toMatch(/новых напоминаний нет/);
    expect(steps.find((s) => s.title.startsWith('Панель куратора'))!.result).toMatch(/^Пар: \d+, групп: \d+; просрочено пунктов дорожной карты: \d+/);
  });

  test('a new academic year on a copy of the workbook: one archive, the year moved on, the bases kept, the deadlines of 2027/2028', () => {
    const copy = cloneDeep(ws);
    const runner = startRunner(copy, readBuild());
    const at = new Date('2027-06-20T07:00:00Z');
    copy.now = () => at;
    const out = runner.call('startNewYear', [{ confirmed: true }]) as { ok: boolean; message: string };
    expect(out.ok).toBe(true);
    const archives = copy.drive.byMime('application/vnd.google-apps.spreadsheet').filter((d) => !d.trashed && d.name.startsWith('Архив — МАОДО ЦДТ «Хибины» — 2026/2027'));
    expect(archives).toHaveLength(1);
    expect(table(copy, SHEET.settings).find((r) => r['Параметр'] === 'Учебный год')!['Значение']).toBe('2027/2028');
    expect(table(copy, SHEET.pairs)).toHaveLength(0);
    expect(table(copy, SHEET.mentors).length).toBe(table(ws, SHEET.mentors).length);
    for (const r of table(copy, SHEET.roadmap)) expect((r['Срок (дата)'] as Date).getTime()).toBeGreaterThanOrEqual(Date.UTC(2027, 7, 31));
    // The original workbook is untouched by the copy's new year.
    expect(table(ws, SHEET.pairs).length).toBeGreaterThan(40);
  });
}

/**
 * Every report of the year (roadmap 1.2, 1.6–6.3, 7.1–7.6): made once at its date, print-ready as
 * the orders are, linked on its roadmap row, nobody named without consent, figures as the workbook.
 */
function reportChecks(ws: Workspace, centre: { shortName: string }) {
  const plain = (s: string) => s.replace(/\u00a0/g, ' ');
  const all = () => ws.drive.byMime('application/vnd.google-apps.document').filter((d) => !d.trashed);
  const STAGES = [1, 2, 3, 4, 5, 6];
  const REPORTS: Array<[string, string | null]> = [
    ['Приказ об утверждении списков наставников, наставляемых и форм наставничества за 2026/2027 учебный год', '1.2'],
    ['Отчёт о реализации целевой модели наставничества на 15.11.2026', null],
    ['Отчёт о реализации целевой модели наставничества на 15.06.2027', '7.3'],
    ['SWOT-анализ программы наставничества за 2026/2027 учебный год', '7.1'],
    ['Отчёт об удовлетворённости участников и влиянии программы наставничества за 2026/2027 учебный год', '7.2'],
    ['Справка о лучших наставниках программы наставничества за 2026/2027 учебный год', '7.5'],
    ['Банк кейсов (лучших практик наставничества) за 2026/2027 учебный год', '7.6'],
    ...STAGES.map((n): [string, string] => [
      `Справка по итогам мониторинга реализации целевой модели наставничества, этап ${n} за 2026/2027 учебный год`,
      ['1.6', '2.4', '3.6', '4.3', '5.4', '6.3'][n - 1],
    ]),
    ...STAGES.map((n): [string, null] => [`Сопроводительное письмо к справке по итогам мониторинга, этап ${n} за 2026/2027 учебный год`, null]),
  ];
  const doc = (title: string) => all().find((d) => d.name === title)!;
  const textOf = (title: string) => plain(documentText(doc(title).content as DocumentModel));

  test('each report exists once, is print-ready (page numbers from page 2, header rows repeated) and is linked on its roadmap row', () => {
    const register = table(ws, 'Документы');
    const roadmap = table(ws, SHEET.roadmap);
    for (const [title, row] of REPORTS) {
      expect([title, all().filter((d) => d.name === title).length]).toEqual([title, 1]);
      const model = doc(title).content as DocumentModel;
      const text = textOf(title);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN|Infinity|\bnull\b/);
      expect(text).toContain(centre.shortName);
      const letter = title.startsWith('Сопроводительное');
      if (!letter) {
        expect(model.useFirstPageHeaderFooter).toBe(true);
        expect(JSON.stringify(model.header)).toContain('"pageNumber"');
        for (const t of model.body) if (t.kind === 'table') expect([title, t.pinnedHeaderRows]).toEqual([title, 1]);
      }
      const registered = register.find((r) => r['Документ'] === title);
      expect(registered?.['ID документа']).toBe(doc(title).id);
      if (row) expect([row, roadmap.find((r) => r['№'] === row)!['Документ']]).toEqual([row, registered!['Ссылка']]);
    }
  });

  test('nobody without consent is named in any report; in the case bank only those who allowed publication', () => {
    const people = [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)].filter((p) => String(p['ФИО']).length > 3 && !String(p['ФИО']).startsWith('Обезличено'));
    const without = people.filter((p) => !['есть', 'есть, без публикации'].includes(String(p['Согласие'])));
    expect(without.length).toBeGreaterThan(0);
    for (const [title] of REPORTS) for (const p of without) expect([title, textOf(title).includes(String(p['ФИО']))]).toEqual([title, false]);
    const cases = textOf(REPORTS[6][0]);
    for (const p of people.filter((x) => x['Согласие'] !== 'есть')) expect(cases).not.toContain(String(p['ФИО']));
  });

  test('the figures equal the workbook: cases by «Встречи», the best mentors by «Настройки», letters in the dative with blanks to fill', () => {
    const marked = [
      ...new Set(
        table(ws, SHEET.pairs)
          .filter((p) => p['Кейс'] === true)
          .map((p) => String(p['Группа'] || p.ID)),
      ),
    ];
    expect(marked.length).toBe(3);
    const cases = textOf(REPORTS[6][0]);
    for (const unit of marked) {
      const held = table(ws, SHEET.meetings).filter((m) => m['Пара / группа'] === unit).length;
      const card = cases.slice(cases.indexOf(`${unit} (`));
      expect([unit, new RegExp(`Проведено ${held} встреч`).test(card)]).toEqual([unit, true]);
    }
    const best = textOf(REPORTS[5][0]);
    expect(best).toMatch(/Предлагается отметить по итогам 2026\/2027 учебного года наставников: [^.]+\(\d+,\d+ балла из 10\), [^.]+\(\d+,\d+ балла из 10\), [^.]+\(\d+,\d+ балла из 10\)\./);
    for (const n of STAGES) {
      const letter = textOf(REPORTS[13 + n - 1][0]);
      expect(letter).toContain('Директору МКУ «УСР»');
      expect(letter).toContain('С.Н. Мироновой');
      expect(letter).toContain('__.__.____ № ____');
      expect(letter).toContain('справка на __ л. в 1 экз.');
      expect(letter).toContain(`этап ${n}`);
    }
    const june = textOf(REPORTS[2][0]);
    // The plans the curator set in «Настройки» and «% от плана» as fact ÷ plan.
    expect(june).toMatch(/Доля организаций-партнёров, предоставивших наставников\n60\n80\n133,3 %\n4\n5\n/);
  });
}

/** Meetings, feedback, diagnostics and monitoring after the pairs order, as the curator sees them. */
function pairWorkChecks(ws: Workspace) {
  const pairIds = () => new Set(table(ws, SHEET.pairs).flatMap((p) => [String(p.ID), String(p['Группа'])]));

  test("«Встречи» holds the mentors' reports, every row tied to a pair or group of the order, none dated after the step that imported it", () => {
    const meetings = table(ws, SHEET.meetings);
    expect(meetings.length).toBeGreaterThan(500);
    const ids = pairIds();
    for (const m of meetings) expect(ids.has(String(m['Пара / группа']))).toBe(true);
    expect(new Set(meetings.map((m) => m['Тип встречи']))).toEqual(new Set(['знакомство', 'пробная', 'планирование', 'регулярная', 'итоговая']));
    const last = Math.max(...meetings.map((m) => (m['Дата'] as Date).getTime()));
    expect(last).toBeLessThanOrEqual(Date.UTC(2027, 5, 1));
  });

  test('«Мониторинг» lists the pairs behind on meetings, by ID and how far behind, and the Р-145 indicators with numerator, denominator and date', () => {
    const rows = table(ws, SHEET.monitoring);
    const behind = rows.filter((r) => String(r['Показатель']).startsWith('Встречи: ') && r['Этап'] === '6.1' && !/пар с отставанием/.test(String(r['Показатель'])));
    expect(behind.length).toBeGreaterThanOrEqual(3);
    for (const r of behind) expect(String(r['Комментарий'])).toMatch(/\d+ встреч.* за \d+ недел.*ожидается не менее \d+/);
    const june = rows.filter((r) => r['Этап'] === '7.3' && /^\d\. .* на 15\.06\.2027$/.test(String(r['Показатель'])));
    expect(june).toHaveLength(6);
    for (const r of june.slice(0, 4)) {
      expect(String(r['Значение'])).toMatch(/^\d+(,\d)? %$/);
      expect(String(r['Комментарий'])).toMatch(/Числитель: \d+; знаменатель: \d+/);
    }
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    const names = [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)].map((p) => String(p['ФИО'])).filter((n) => n.length > 3);
    for (const name of names) expect(text).not.toContain(name);
  });

  test('feedback, diagnostics and the May survey came through personal links: every answer tied to a person of the bases and to their pair', () => {
    const people = new Set([...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)].map((p) => String(p.ID)));
    const ids = pairIds();
    const feedback = table(ws, SHEET.feedback);
    expect(feedback.length).toBeGreaterThan(300);
    const diagnostics = table(ws, SHEET.diagnostics);
    expect(new Set(diagnostics.map((d) => d['Этап']))).toEqual(new Set(['входная', 'итоговая']));
    const surveys = table(ws, SHEET.surveys);
    expect(surveys.length).toBeGreaterThan(100);
    for (const r of [...feedback, ...diagnostics]) {
      expect(people.has(String(r['ID участника']))).toBe(true);
      expect(ids.has(String(r['Пара / группа']))).toBe(true);
    }
    for (const d of diagnostics) expect(String(d['Код вопроса'])).toMatch(/^[a-zA-Z]+$/);
    expect(table(ws, SHEET.surveyLinks).length).toBeGreaterThan(100);
  });

  test('«Мониторинг» shows entry, exit and Δ per item with n, and two charts whose labels name no one', () => {
    const sheet = ws.spreadsheet.findSheet(SHEET.monitoring)!;
    const cells = JSON.stringify(sheet.rows);
    expect(cells).toContain('Изменение (итоговая − входная)');
    expect(cells).toContain('Прошли обе анкеты (n)');
    expect(sheet.charts).toHaveLength(2);
    const names = [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)].map((p) => String(p['ФИО'])).filter((n) => n.length > 3);
    for (const name of names) expect(cells).not.toContain(name);
  });

  test('a pair ended early keeps its reason, meetings and history; a replacement pair refers to it; finished pairs are «завершена»', () => {
    const pairs = table(ws, SHEET.pairs);
    const early = pairs.filter((p) => String(p['Причина завершения']).startsWith('Наставник выбыл'));
    expect(early.length).toBeGreaterThan(0);
    for (const p of early) expect(p['Статус']).toBe('завершена');
    const unit = String(early[0]['Группа'] || early[0].ID);
    expect(table(ws, SHEET.meetings).some((m) => m['Пара / группа'] === unit)).toBe(true);
    const replacing = pairs.filter((p) => String(p['Заменяет пару']));
    expect(replacing.length).toBeGreaterThan(0);
    for (const p of replacing) expect(early.map((e) => e.ID)).toContain(p['Заменяет пару']);
    expect(pairs.filter((p) => p['Статус'] === 'завершена').length).toBeGreaterThan(20);
  });

  test('the effectiveness report of 15.06.2027 shows the same six indicators as «Мониторинг», and the SWOT analysis names nobody', () => {
    const docs = ws.drive.byMime('application/vnd.google-apps.document').filter((d) => !d.trashed);
    const report = docs.find((d) => d.name.startsWith('Отчёт о реализации целевой модели наставничества на 15.06.2027'))!;
    const text = documentText(report.content as DocumentModel).replace(/\u00a0/g, ' ');
    const june = table(ws, SHEET.monitoring).filter((r) => r['Этап'] === '7.3' && /^\d\. .* на 15\.06\.2027$/.test(String(r['Показатель'])));
    expect(june).toHaveLength(6);
    // The table gives the figure under «Факт, %»; its numerator and denominator follow it.
    for (const r of june)
      expect(text).toContain(
        String(r['Значение'])
          .replace(/\u00a0/g, ' ')
          .replace(/ %$/, ''),
      );
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    const swot = docs.find((d) => d.name.startsWith('SWOT-анализ'))!;
    const swotText = documentText(swot.content as DocumentModel);
    for (const p of [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)]) if (String(p['ФИО']).length > 3) expect(swotText).not.toContain(String(p['ФИО']));
  });

  test('the platform export is a UTF-8 CSV with Cyrillic intact and nobody without consent', () => {
    const csv = [...ws.drive.entries.values()].find((e) => e.mimeType === 'text/csv' && !e.trashed)!;
    const bytes = Buffer.from((csv.content as { bytes: Uint8Array }).bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('ФИО');
    const withoutConsent = [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)].filter((p) => !['есть', 'есть, без публикации'].includes(String(p['Согласие'])));
    expect(withoutConsent.length).toBeGreaterThan(0);
    for (const p of withoutConsent) {
      expect(text.split(/\r\n/).some((line) => line.split(';').includes(String(p.ID)))).toBe(false);
      if (String(p['ФИО']).length > 3) expect(text).not.toContain(String(p['ФИО']));
    }
  });

  test('malformed answers are refused with a reason on «Ошибки импорта» and stay in their response sheets', () => {
    const errors = table(ws, SHEET.importErrors).map((r) => String(r['Причина']));
    expect(errors.some((r) => /ещё не наступила; ответ не импортирован/.test(r))).toBe(true);
    expect(errors.some((r) => /не код участника из баз.*ответ не импортирован/.test(r))).toBe(true);
    const raw = JSON.stringify(ws.spreadsheet.sheets.filter((sh) => sh.formUrl).map((sh) => sh.rows));
    expect(raw).toContain('НЯ-9999');
  });
}

/** What the director reads: every order of a demo year, checked as the hidden document checks do. */
function documentChecks(ws: Workspace, centre: { shortName: string }) {
  const docs = ws.drive.byMime('application/vnd.google-apps.document').filter((d) => !d.trashed && d.name.startsWith('Приказ'));
  const plain = (s: string) => s.replace(/\u00a0/g, ' ');
  const curator = String(table(ws, SHEET.settings).find((r) => r['Параметр'] === 'Куратор (ФИО полностью)')!['Значение']);
  const text = (prefix: string) => plain(documentText(docs.find((d) => d.name.startsWith(prefix))!.content as DocumentModel));

  test('both orders exist and are print-ready: page numbers from page 2, header rows repeated, rows whole, a familiarisation sheet', () => {
    expect(docs.map((d) => d.name.replace(/ — .*/, ''))).toEqual(expect.arrayContaining(['Приказ об организации «Школы наставников»', 'Приказ об утверждении наставнических пар (групп) 2026/2027']));
    for (const doc of docs) {
      const model = doc.content as DocumentModel;
      expect(model.useFirstPageHeaderFooter).toBe(true);
      expect(JSON.stringify(model.header)).toContain('"pageNumber"');
      const tables = model.body.filter((b) => b.kind === 'table');
      for (const t of tables) if (t.kind === 'table') expect([t.pinnedHeaderRows, t.rows.every((r) => r.preventOverflow)]).toEqual([1, true]);
      const body = plain(documentText(model));
      expect(body).toContain('С приказом ознакомлены:');
      expect(body).not.toMatch(/\{\{|\}\}|undefined|NaN/);
      expect(body).toContain(centre.shortName);
    }
  });

  test('the curator is declined into each sentence; girls are «обучающаяся»', () => {
    expect(text('Приказ об утверждении наставнических')).toContain(`Куратору программы наставничества ${plain(declineName(curator, 'dative'))}`);
    expect(text('Приказ об организации')).toContain(`куратора программы наставничества ${plain(declineName(curator, 'accusative'))}`);
    const trainees = table(ws, SHEET.mentors).filter((m) => m['Категория'] === 'обучающийся' && sexOf(String(m['ФИО'])) === 'female');
    const listed = trainees.map((m) => String(m['ФИО'])).filter((name) => text('Приказ об организации').includes(name));
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(text('Приказ об организации')).toMatch(new RegExp(`${name}\\n(?:\\S+ )?обучающаяся`));
  });

  test('the counts of each pairs order equal the workbook, by one definition of a pair and a group', () => {
    const orders = docs.filter((d) => d.name.startsWith('Приказ об утверждении наставнических'));
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) {
      const approved = table(ws, SHEET.pairs).filter((p) => String(p['Приказ']).includes(order.id));
      const n = countUnits(approved.map((p) => ({ mentorId: String(p['ID наставника']), menteeId: String(p['ID наставляемого']), form: String(p['Форма']) })));
      expect(plain(documentText(order.content as DocumentModel))).toContain(`Всего: ${plural(n.pairs, PAIRS)}, ${plural(n.groups, GROUPS)}, ${plural(n.mentees, MENTEES)}.`.replace(/\u00a0/g, ' '));
      // A group as this order lists it: two or more of its mentees with one mentor (a mentee who
      // joins an existing group by a later order is listed there as one pair).
      const rows = new Map<string, number>();
      for (const p of approved) if (p['Группа']) rows.set(String(p['Группа']), (rows.get(String(p['Группа'])) ?? 0) + 1);
      expect([...rows.values()].filter((k) => k > 1).length).toBe(n.groups);
    }
  });

  test('e-mails go after signing, once per person and letter: the order or the personal meeting link, the centre and a contact', () => {
    expect(ws.mail.length).toBeGreaterThan(10);
    expect(new Set(ws.mail.map((m) => `${m.to}|${m.subject}|${m.body}`)).size).toBe(ws.mail.length);
    const links = ws.mail.filter((m) => m.subject === 'Ссылка для отчётов о встречах с наставляемыми');
    expect(links.length).toBeGreaterThan(5);
    // A mentor gets the link once, whatever else the year brings.
    expect(new Set(links.map((m) => m.to)).size).toBe(links.length);
    // Participants' letters (the roadmap's reminders to the curator and the director are checked with the roadmap).
    for (const m of ws.mail.filter((x) => !x.subject.includes('Дорожная карта'))) {
      if (links.includes(m)) expect(m.body).toMatch(/https:\/\/docs\.google\.com\/forms\/d\/e\/\S+\/viewform\?usp=pp_url&entry\./);
      else expect(plain(m.body)).toMatch(/от \d\d\.\d\d\.20\d\d № \d+-о\/д/);
      expect(plain(m.body)).toContain(centre.shortName);
      expect(m.body).toMatch(/тел\.|e-mail/);
    }
    expect(ws.mail.some((m) => plain(m.body).includes('от 01.12.2026 № 123-о/д'))).toBe(true);
  });
}

describe('another centre, other people, another curator', () => {
  const ws = new Workspace({ seed: 'variant-2027' });
  const centre = { orgName: 'Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества «Радуга»', orgShortName: 'МБУ ДО ДДТ «Радуга»', town: 'г. Апатиты' };
  playDemoYear(ws, startRunner(ws, readBuild()), { castSeed: 2031, ...centre });
  documentChecks(ws, { shortName: centre.orgShortName });
  test("the other centre's name and town, never the first one's", () => {
    const order = ws.drive.byMime('application/vnd.google-apps.document').find((d) => d.name.startsWith('Приказ об утверждении'))!;
    const text = documentText(order.content as DocumentModel).replace(/\u00a0/g, ' ');
    expect(text).toContain('г. Апатиты');
    expect(text).not.toMatch(/МАОДО|ЦДТ «Хибины»|г\. Кировск/);
  });
});

/** The orders as LibreOffice prints them (the .docx of the local workspace), page by page. */
function printChecks(ws: Workspace) {
  if (!printable) console.warn('LibreOffice Writer or pdftotext not installed: the printed-pages check is skipped (.ci/run installs them).');
  const pages = (prefix: string) => printedPages(ws.drive.byMime('application/vnd.google-apps.document').find((d) => !d.trashed && d.name.startsWith(prefix))!);

  (printable ? test : test.skip).each([
    ['Приказ об утверждении наставнических', 'Наставляемый(-е)'],
    ['Приказ об организации', 'Должность / класс'],
  ])(
    "%s: numbered from page 2 at the top, no blank page, the list's header on every page it runs over, the familiarisation sheet last",
    async (prefix, columnHeader) => {
      const printed = await pages(prefix);
      expect(printed.length).toBeGreaterThan(2);
      expect(firstLine(printed[0])).not.toMatch(/^\d+$/);
      printed.slice(1).forEach((page, i) => expect([i + 2, firstLine(page)]).toEqual([i + 2, String(i + 2)]));
      for (const page of printed) expect(page.replace(/\s+/g, '').length).toBeGreaterThan(20);
      // The list runs from its first page to the page before the familiarisation sheet: each repeats the header row.
      const first = printed.findIndex((p) => p.includes(columnHeader));
      const sheet = printed.findIndex((p) => p.includes('С приказом ознакомлены'));
      expect(first).toBeGreaterThan(0);
      expect(sheet).toBe(printed.length - 1);
      const listPages = printed.slice(first, sheet).filter((p) => !p.includes('Тематический план'));
      for (const page of listPages) expect(page).toContain(columnHeader);
    },
    240000,
  );
}
