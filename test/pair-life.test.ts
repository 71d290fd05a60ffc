import { SHEET } from '../src/core/workbook/sheets';
import { endKind, planPairLife, LifePair } from '../src/core/intake/pair-life';
import { look } from './helpers/addon';
import { Outcome, setCells, submit, table, typeRows } from './helpers/programme';
import { approvedAfterMeeting, teacherMentor } from './helpers/people';
import { cachedSetup, faultSweep, stateWithoutLog } from './helpers/faults';
import type { Workspace } from '../local/emulator/workspace';

type Row = Record<string, unknown>;

let meetingNo = 0;
const meeting = (pair: string, kind: string, date = new Date('2026-10-12T09:00:00Z')): Row => ({
  ID: `ВС-${String(++meetingNo).padStart(4, '0')}`,
  'Пара / группа': pair,
  Дата: date,
  'Тип встречи': kind,
  Тема: 'Работа над выставкой',
  'Длительность, мин': 45,
  Формат: 'очно',
});

let diagNo = 0;
const exit = (personId: string, pair: string, role: string): Row => ({
  ID: `ДГ-${String(++diagNo).padStart(4, '0')}`,
  'ID участника': personId,
  'Пара / группа': pair,
  Роль: role,
  Этап: 'итоговая',
  Дата: new Date('2027-05-20T09:00:00Z'),
  'Код вопроса': 'D1',
  Показатель: 'Уверенность в себе',
  Значение: 8,
});

const pairOf = (ws: Workspace, mentee: string) => table(ws, SHEET.pairs).find((p) => p['Наставляемый'] === mentee && p['Статус'] !== 'предложена')!;
const unitOf = (p: Row) => String(p['Группа'] || p.ID);
const person = (ws: Workspace, sheet: string, id: unknown) => table(ws, sheet).find((r) => r.ID === id)!;

function at(ws: Workspace, iso: string) {
  const now = new Date(iso);
  ws.now = () => now;
}

/** The order of 05.10.2026 approved the pairs; the clock on 20.10.2026. */
function approved() {
  const p = approvedAfterMeeting();
  at(p.ws, '2026-10-20T12:00:00Z');
  return p;
}

const refresh = (p: { runner: { call: (name: string) => unknown } }) => p.runner.call('refreshPairStatuses') as Outcome;

describe('pair life: утверждена → активна → завершена', () => {
  test('the first meeting makes a pair «активна»; the others stay «утверждена»; a second run changes nothing', () => {
    const p = approved();
    const orlov = pairOf(p.ws, 'Орлов Глеб Игоревич');
    expect(orlov['Статус']).toBe('утверждена');
    typeRows(p.ws, SHEET.meetings, [meeting(unitOf(orlov), 'знакомство')]);
    const result = refresh(p);
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`статус «активна»: ${String(orlov.ID)}`);
    const after = table(p.ws, SHEET.pairs);
    expect(after.find((r) => r.ID === orlov.ID)!['Статус']).toBe('активна');
    expect(after.filter((r) => r.ID !== orlov.ID).every((r) => r['Статус'] === 'утверждена')).toBe(true);

    const before = stateWithoutLog(p.ws);
    const again = refresh(p);
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Статусы пар не изменились');
    expect(stateWithoutLog(p.ws)).toEqual(before);
  });

  test('an end date without the итоговая meeting and the exit diagnostics: the pair stays «активна» and the summary says what is missing', () => {
    const p = approved();
    const orlov = pairOf(p.ws, 'Орлов Глеб Игоревич');
    const unit = unitOf(orlov);
    typeRows(p.ws, SHEET.meetings, [meeting(unit, 'знакомство')]);
    at(p.ws, '2027-05-25T12:00:00Z');
    setCells(p.ws, SHEET.pairs, 'ID', String(orlov.ID), { 'Дата окончания': new Date('2027-05-24T09:00:00Z') });

    const first = refresh(p);
    expect(first.ok).toBe(true);
    expect(pairOf(p.ws, 'Орлов Глеб Игоревич')['Статус']).toBe('активна');
    expect(first.message).toContain(`Не завершены, статус не изменён — ${String(orlov.ID)}: на листе «Встречи» нет итоговой встречи`);
    expect(first.message).toContain(`нет итоговой диагностики наставника ${String(orlov['ID наставника'])} и наставляемого ${String(orlov['ID наставляемого'])}`);

    // The итоговая meeting and the mentor's exit diagnostics: the mentee's is still missing.
    typeRows(p.ws, SHEET.meetings, [meeting(unit, 'итоговая', new Date('2027-05-20T09:00:00Z'))]);
    typeRows(p.ws, SHEET.diagnostics, [exit(String(orlov['ID наставника']), unit, 'наставник')]);
    const second = refresh(p);
    expect(pairOf(p.ws, 'Орлов Глеб Игоревич')['Статус']).toBe('активна');
    expect(second.message).not.toContain('итоговой встречи');
    expect(second.message).toContain(`нет итоговой диагностики наставляемого ${String(orlov['ID наставляемого'])}`);
    expect(second.message).not.toContain(`наставника ${String(orlov['ID наставника'])}`);

    typeRows(p.ws, SHEET.diagnostics, [exit(String(orlov['ID наставляемого']), unit, 'наставляемый')]);
    const third = refresh(p);
    expect(third.ok).toBe(true);
    expect(third.message).toContain(`Завершены (итоговая встреча и итоговая диагностика есть): ${String(orlov.ID)}`);
    expect(pairOf(p.ws, 'Орлов Глеб Игоревич')['Статус']).toBe('завершена');
    expect(person(p.ws, SHEET.mentees, orlov['ID наставляемого'])['Статус']).toBe('завершил(а)');
    // Громов still has Волкова: he stays as he was.
    expect(person(p.ws, SHEET.mentors, orlov['ID наставника'])['Статус']).not.toBe('завершил(а)');
    // The meetings of the pair are still there, tied to it.
    expect(table(p.ws, SHEET.meetings).filter((m) => m['Пара / группа'] === unit)).toHaveLength(2);
  });

  test('an end date still in the future: the pair waits and the summary says so', () => {
    const p = approved();
    const orlov = pairOf(p.ws, 'Орлов Глеб Игоревич');
    typeRows(p.ws, SHEET.meetings, [meeting(unitOf(orlov), 'знакомство'), meeting(unitOf(orlov), 'итоговая', new Date('2026-10-19T09:00:00Z'))]);
    typeRows(p.ws, SHEET.diagnostics, [exit(String(orlov['ID наставника']), '', 'наставник'), exit(String(orlov['ID наставляемого']), '', 'наставляемый')]);
    setCells(p.ws, SHEET.pairs, 'ID', String(orlov.ID), { 'Дата окончания': new Date('2026-12-31T09:00:00Z') });
    const result = refresh(p);
    expect(result.message).toContain('дата окончания 31.12.2026 ещё не наступила');
    expect(pairOf(p.ws, 'Орлов Глеб Игоревич')['Статус']).toBe('активна');
  });
});

/** Белова leaves: her group (Смирнова and the pupil whose «name» is markup) ends early. */
function belovaLeaves() {
  const p = approved();
  const group = table(p.ws, SHEET.pairs).filter((r) => r['Наставник'] === 'Белова Ирина Сергеевна' && r['Статус'] === 'утверждена');
  expect(group).toHaveLength(2);
  typeRows(p.ws, SHEET.meetings, [meeting(unitOf(group[0]), 'знакомство')]);
  // Written on one row: the mentor's departure is the whole group's.
  setCells(p.ws, SHEET.pairs, 'ID', String(group[0].ID), { 'Причина завершения': 'Наставник выбыл (переезд)' });
  return { ...p, group };
}

describe('a pair ended early and a replacement mentor', () => {
  test('with a reason the pair ends without the итоговая meeting; the mentor «выбыл(а)», the mentees «без пары» and no longer named with her', () => {
    const p = belovaLeaves();
    const { ws, group } = p;
    const result = refresh(p);
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`Завершены досрочно: ${String(group[0].ID)} (Наставник выбыл (переезд)); ${String(group[1].ID)} (Наставник выбыл (переезд))`);
    expect(result.message).toContain('Остались без пары');
    for (const r of group) {
      const now = table(ws, SHEET.pairs).find((x) => x.ID === r.ID)!;
      expect(now['Статус']).toBe('завершена');
      expect(now['Причина завершения']).toBe('Наставник выбыл (переезд)');
      // The day of the run is the end date.
      const zone = look(ws, (ss) => ss.getSpreadsheetTimeZone());
      expect((now['Дата окончания'] as Date).toLocaleDateString('ru-RU', { timeZone: zone })).toBe('20.10.2026');
      const mentee = person(ws, SHEET.mentees, r['ID наставляемого']);
      expect(mentee['Статус']).toBe('без пары');
      expect(mentee['Наставник']).toBe('');
    }
    const belova = person(ws, SHEET.mentors, group[0]['ID наставника']);
    expect(belova['Статус']).toBe('выбыл(а)');
    expect(belova['Наставляемые']).toBe('');
    // The markup «name» stays data: it reaches no summary (IDs only) and no cell as markup.
    expect(result.message).not.toContain('<img');
  });

  test('a replacement: matching proposes a new mentor, the new pair refers to the old one, the old pair keeps its meetings and its reason', () => {
    const p = belovaLeaves();
    const { ws, runner, group } = p;
    expect(refresh(p).ok).toBe(true);
    // A new mentor joins with her consent.
    submit(ws, null, 'Анкета наставника', teacherMentor('Новикова Мария Петровна', 'Изостудия «Северное сияние»', ['подготовка к конкурсу, олимпиаде, выставке', 'рисование и живопись']));
    runner.call('importResponses');
    const novikova = table(ws, SHEET.mentors).find((m) => m['ФИО'] === 'Новикова Мария Петровна')!;
    typeRows(ws, SHEET.consents, [
      {
        ID: 'СГ-99',
        'ID участника': novikova.ID,
        'ФИО участника': novikova['ФИО'],
        Подписант: 'участник',
        'ФИО подписанта': 'подписант',
        'Дата согласия': new Date('2026-10-15T09:00:00Z'),
        'Обработка ПДн': 'да',
        'Распространение (публикация)': 'нет',
      },
    ]);
    setCells(ws, SHEET.mentors, 'ID', String(novikova.ID), { 'Согласие на наставничество (ст. 351.8 ТК РФ)': new Date('2026-10-15T09:00:00Z') });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);

    const matched = runner.call('computeMatches') as Outcome;
    expect(matched.ok).toBe(true);
    const proposals = table(ws, SHEET.pairs).filter((r) => r['Статус'] === 'предложена');
    const smirnova = group.find((g) => g['Наставляемый'] === 'Смирнова Алиса Андреевна')!;
    const fresh = proposals.find((r) => r['ID наставляемого'] === smirnova['ID наставляемого'])!;
    expect(fresh['ID наставника']).toBe(novikova.ID);
    expect(fresh.ID).not.toBe(smirnova.ID);
    // Matching writes the link with the proposal.
    expect(fresh['Заменяет пару']).toBe(smirnova.ID);
    expect((runner.call('approvePairs', [{ number: '140-о/д', date: '21.10.2026' }]) as Outcome).ok).toBe(true);
    const approvedNew = table(ws, SHEET.pairs).find((r) => r.ID === fresh.ID)!;
    expect(approvedNew['Статус']).toBe('утверждена');
    expect(approvedNew['Заменяет пару']).toBe(smirnova.ID);
    expect(person(ws, SHEET.mentees, smirnova['ID наставляемого'])['Статус']).toBe('в паре');

    // The old pair: still «завершена», its reason and its meetings as they were.
    const old = table(ws, SHEET.pairs).find((r) => r.ID === smirnova.ID)!;
    expect(old['Статус']).toBe('завершена');
    expect(old['Причина завершения']).toBe('Наставник выбыл (переезд)');
    expect(table(ws, SHEET.meetings).map((m) => m['Пара / группа'])).toEqual([unitOf(smirnova)]);
    // A refresh now changes nothing more: each old pair is replaced once.
    const before = stateWithoutLog(ws);
    expect(refresh(p).message).toContain('Статусы пар не изменились');
    expect(stateWithoutLog(ws)).toEqual(before);
  });

  test('«наставляемый выбыл»: the mentee «выбыл(а)», the mentor keeps her status and no longer names the mentee', () => {
    const p = approved();
    const volkova = pairOf(p.ws, 'Волкова Анна Павловна');
    setCells(p.ws, SHEET.pairs, 'ID', String(volkova.ID), { 'Причина завершения': 'наставляемый выбыл' });
    const mentorBefore = person(p.ws, SHEET.mentors, volkova['ID наставника']);
    expect(String(mentorBefore['Наставляемые'])).toContain('Волкова');
    expect(refresh(p).ok).toBe(true);
    expect(pairOf(p.ws, 'Волкова Анна Павловна')['Статус']).toBe('завершена');
    expect(person(p.ws, SHEET.mentees, volkova['ID наставляемого'])['Статус']).toBe('выбыл(а)');
    const mentor = person(p.ws, SHEET.mentors, volkova['ID наставника']);
    expect(mentor['Статус']).toBe(mentorBefore['Статус']);
    expect(String(mentor['Наставляемые'])).not.toContain('Волкова');
    expect(String(mentor['Наставляемые'])).toContain('Орлов');
  });

  test('«несовместимость»: the mentee is matched again, but never to the same mentor', () => {
    const p = approved();
    const orlov = pairOf(p.ws, 'Орлов Глеб Игоревич');
    setCells(p.ws, SHEET.pairs, 'ID', String(orlov.ID), { 'Причина завершения': 'несовместимость' });
    expect(refresh(p).ok).toBe(true);
    expect(person(p.ws, SHEET.mentees, orlov['ID наставляемого'])['Статус']).toBe('без пары');
    // Громов stays in the programme with a free place.
    expect(person(p.ws, SHEET.mentors, orlov['ID наставника'])['Статус']).not.toBe('выбыл(а)');
    expect((p.runner.call('computeMatches') as Outcome).ok).toBe(true);
    const again = table(p.ws, SHEET.pairs).filter((r) => r['Статус'] === 'предложена' && r['ID наставляемого'] === orlov['ID наставляемого']);
    expect(again.filter((r) => r['ID наставника'] === orlov['ID наставника'])).toEqual([]);
  });

  test('a fault at any service call, then a re-run: the same end state, nothing doubled', () => {
    const setup = cachedSetup(() => {
      const p = belovaLeaves();
      const orlov = pairOf(p.ws, 'Орлов Глеб Игоревич');
      typeRows(p.ws, SHEET.meetings, [meeting(unitOf(orlov), 'знакомство')]);
      return p;
    });
    const sweep = faultSweep({ setup, operation: { name: 'refreshPairStatuses' }, snapshot: stateWithoutLog, maxFaults: 40 });
    console.log(`refreshPairStatuses: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.faults).toBeGreaterThan(5);
    expect(sweep.diffs).toEqual([]);
  });
});

describe('pair life rules', () => {
  const base = (over: Partial<LifePair>): LifePair => ({
    row: 0,
    id: 'ПА-0001',
    mentorId: 'НК-0001',
    menteeId: 'НЯ-0001',
    status: 'активна',
    end: null,
    endReason: '',
    replaces: '',
    ...over,
    // A pair is its own unit; a group's rows share the group's ID.
    unit: over.unit ?? over.id ?? 'ПА-0001',
  });
  const today = { year: 2027, month: 5, day: 25 };

  test('reasons are read the way a person writes them', () => {
    expect(endKind('')).toBeNull();
    expect(endKind('Наставник выбыл')).toBe('mentorLeft');
    expect(endKind('наставника уволили')).toBe('mentorLeft');
    expect(endKind('Наставляемая выбыла — переезд')).toBe('menteeLeft');
    expect(endKind('несовместимость')).toBe('other');
    expect(endKind('по решению куратора')).toBe('other');
  });

  test('a pair whose mentee left is not replaced; a mentee ended early twice is linked to the latest once', () => {
    const pairs = [
      base({ row: 0, id: 'ПА-0001', status: 'завершена', endReason: 'несовместимость' }),
      base({ row: 1, id: 'ПА-0002', status: 'завершена', endReason: 'наставник выбыл', mentorId: 'НК-0002' }),
      base({ row: 2, id: 'ПА-0003', status: 'утверждена', mentorId: 'НК-0003' }),
      base({ row: 3, id: 'ПА-0004', menteeId: 'НЯ-0002', status: 'завершена', endReason: 'наставляемый выбыл' }),
      base({ row: 4, id: 'ПА-0005', menteeId: 'НЯ-0002', status: 'предложена' }),
    ];
    const plan = planPairLife({ pairs, meetings: [], exitDiagnostics: [], mentees: new Map(), mentors: new Map(), today });
    expect(plan.links).toEqual([{ row: 2, id: 'ПА-0003', replaces: 'ПА-0002' }]);
    expect(plan.changes).toEqual([]);
  });

  test('a person who left is never brought back to «без пары» or «завершил(а)»', () => {
    const plan = planPairLife({
      pairs: [base({ end: { year: 2027, month: 5, day: 20 } })],
      meetings: [{ pair: 'ПА-0001', kind: 'итоговая' }],
      exitDiagnostics: [
        { personId: 'НК-0001', pair: 'ПА-0001' },
        { personId: 'НЯ-0001', pair: '' },
      ],
      mentees: new Map([['НЯ-0001', 'выбыл(а)']]),
      mentors: new Map([['НК-0001', 'в базе']]),
      today,
    });
    expect(plan.changes.map((c) => c.to)).toEqual(['завершена']);
    expect(plan.people).toEqual([{ id: 'НК-0001', role: 'mentor', status: 'завершил(а)', unlink: [] }]);
  });

  test("a group ends as one: the end date or the mentor's departure on one row is the group's; a mentee's own reason stays on that row", () => {
    const row = (n: number, over: Partial<LifePair> = {}) => base({ row: n, id: `ПА-000${n + 1}`, unit: 'Г-0001', menteeId: `НЯ-000${n + 1}`, ...over });
    const input = (pairs: LifePair[]) => ({ pairs, meetings: [{ pair: 'Г-0001', kind: 'итоговая' }], exitDiagnostics: [], mentees: new Map(), mentors: new Map(), today });
    const left = planPairLife(input([row(0), row(1, { endReason: 'наставник выбыл' }), row(2)]));
    expect(left.changes.map((c) => [c.id, c.to, c.reason])).toEqual([
      ['ПА-0001', 'завершена', 'наставник выбыл'],
      ['ПА-0002', 'завершена', 'наставник выбыл'],
      ['ПА-0003', 'завершена', 'наставник выбыл'],
    ]);
    const oneMentee = planPairLife(input([row(0), row(1, { endReason: 'наставляемый выбыл' }), row(2)]));
    expect(oneMentee.changes.filter((c) => c.to === 'завершена').map((c) => c.id)).toEqual(['ПА-0002']);
    // The end date on one row: every row waits for the same exit diagnostics.
    const dated = planPairLife(input([row(0, { end: { year: 2027, month: 5, day: 24 } }), row(1), row(2)]));
    expect(dated.waiting.map((w) => w.id)).toEqual(['ПА-0001', 'ПА-0002', 'ПА-0003']);
  });
});
