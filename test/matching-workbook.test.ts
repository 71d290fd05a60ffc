import { SHEET } from '../src/core/workbook/sheets';
import { Outcome, table } from './helpers/programme';
import { withPeople } from './helpers/people';
import { documentText } from '../local/emulator/docs/model';
import type { DocumentModel } from '../local/emulator/docs/model';

describe('computeMatches', () => {
  test('proposes pairs with Russian reasons, explains the unmatched, and never matches someone without consent', () => {
    const { ws, runner } = withPeople();
    const result = runner.call('computeMatches', [{ mode: 'optimal' }]) as Outcome;
    expect(result.ok).toBe(true);
    const pairs = table(ws, SHEET.pairs);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const p of pairs) {
      expect(p['Статус']).toBe('предложена');
      // The request is always spoken of: what it covers, or a warning first that it does not.
      expect(String(p['Обоснование'])).toMatch(/запрос и компетенции \+|^⚠ (запрос не закрыт|темы запроса не указаны)/);
      expect(Number(p['Балл'])).toBeGreaterThan(0);
    }
    expect(pairs.map((p) => p['Наставляемый'])).not.toContain('Без Согласия Иван');
    const volkova = pairs.find((p) => p['Наставляемый'] === 'Волкова Анна Павловна')!;
    expect(volkova['Форма']).toBe('педагог – педагог');
    const mentees = table(ws, SHEET.mentees);
    const refused = mentees.find((m) => m['ФИО'] === 'Без Согласия Иван')!;
    // A refusal is respected: the note says not to match, never to sign a consent.
    expect(String(refused['Подбор: почему без пары и что дальше'])).toBe('отказ от согласия на обработку ПДн — не подбирать, пока не будет нового согласия');
  });

  test('re-running replaces only the open proposals; approved pairs stay locked', () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const first = table(ws, SHEET.pairs).length;
    const approved = runner.call('approvePairs', [{ number: '123-о/д' }]) as Outcome;
    expect(approved.ok).toBe(true);
    const again = runner.call('computeMatches') as Outcome;
    expect(again.message).toContain(`закреплено ранее: ${first}`);
    expect(table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'утверждена')).toHaveLength(first);
    expect(table(ws, SHEET.pairs)).toHaveLength(first);
  });

  test('stable mode gives a matching without blocking pairs', () => {
    const { ws, runner } = withPeople();
    const result = runner.call('computeMatches', [{ mode: 'stable' }]) as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('стабильный');
    expect(result.blockingPairs).toBe(0);
    expect(table(ws, SHEET.pairs).length).toBeGreaterThan(0);
  });

  test('a malformed mode is refused in Russian', () => {
    const { runner } = withPeople();
    const result = runner.call('computeMatches', [{ mode: 'greedy' }]) as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Режим подбора');
  });
});

describe('approvePairs', () => {
  test('the order names every approved pair, carries the requisites, and its link is written back', () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const result = runner.call('approvePairs', [{ number: '123-о/д' }]) as Outcome;
    expect(result.ok).toBe(true);
    const doc = ws.drive.byMime('application/vnd.google-apps.document').find((d) => d.name.startsWith('Приказ об утверждении'))!;
    const text = documentText(doc.content as DocumentModel);
    // «№» and «г.» are bound to what follows by a NO-BREAK SPACE (the typography pass).
    for (const heading of ['ПРИКАЗ', 'ПРИКАЗЫВАЮ:', '№\u00a0123-о/д', 'г.\u00a0Кировск', 'Об утверждении наставнических пар (групп)', 'Лист ознакомления', 'Приложение'])
      expect(text).toContain(heading);
    const pairs = table(ws, SHEET.pairs);
    for (const p of pairs) {
      expect(p['Статус']).toBe('утверждена');
      expect(text).toContain(String(p['Наставник']));
      expect(text).toContain(String(p['Наставляемый']));
      expect(String(p['Приказ'])).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    }
    const folder = ws.drive.get(doc.parents[0])!;
    expect(folder.name).toContain('Наставничество');
    const mentees = table(ws, SHEET.mentees);
    expect(mentees.find((m) => m['ФИО'] === 'Смирнова Алиса Андреевна')!['Статус']).toBe('в паре');
  });

  test('with nothing proposed, the curator is told what to do first', () => {
    const { runner } = withPeople();
    const result = runner.call('approvePairs') as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Подобрать пары');
  });
});

describe('the sidebar endpoints', () => {
  test('preview shows the cost of forcing a worse pair against the optimum, and validates arguments', () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const view = runner.call('getMatchingView') as { rows: Array<{ menteeId: string; mentorId: string }>; mentors: Array<{ id: string }>; optimum: { matched: number } };
    expect(view.rows.length).toBe(view.optimum.matched);
    const row = view.rows[0];
    const other = view.mentors.find((m) => m.id !== row.mentorId)!;
    const preview = runner.call('previewPairChange', [{ forced: [[row.menteeId, other.id]] }]) as { allowed: boolean; deltaScore: number; reason: string };
    if (preview.allowed) expect(preview.deltaScore).toBeLessThanOrEqual(0);
    else expect(preview.reason).toContain('нельзя');
    expect(() => runner.call('previewPairChange', [{ forced: [['<script>', 'x']] }])).toThrow('Некорректный запрос');
    expect(() => runner.call('previewPairChange', [{ forced: 'all' }])).toThrow('Некорректный запрос');
    expect(ws.ui.filter((e) => e.kind === 'alert')).toHaveLength(0);
  });

  test('rejecting a proposal records it and re-matches the rest without it', () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    const [first] = table(ws, SHEET.pairs);
    const result = runner.call('applyPairChange', [{ rejected: [[first['ID наставляемого'], first['ID наставника']]] }]) as Outcome;
    expect(result.ok).toBe(true);
    const pairs = table(ws, SHEET.pairs);
    const same = pairs.filter((p) => p['ID наставляемого'] === first['ID наставляемого'] && p['ID наставника'] === first['ID наставника']);
    expect(same.map((p) => p['Статус'])).toEqual(['отклонена']);
  });
});

describe('when Drive refuses every update of a file (moves, the bin)', () => {
  test('the order is still made, linked, and in the programme folder: a copy of the template is placed there as it is made', () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    ws.calls.failOn('Drive.Files.update', { times: Infinity, message: 'GoogleJsonResponseException: API call to drive.files.update failed with error: Insufficient permissions' });
    const result = runner.call('approvePairs') as Outcome;
    expect(result.ok).toBe(true);
    expect(table(ws, SHEET.pairs).every((p) => String(p['Приказ']).startsWith('https://docs.google.com/document/d/'))).toBe(true);
    const order = ws.drive.byMime('application/vnd.google-apps.document').find((d) => d.name.startsWith('Приказ об утверждении'))!;
    const folder = [...ws.drive.entries.values()].find((e) => e.name.startsWith('Наставничество — '))!;
    expect(order.parents).toEqual([folder.id]);
  });
});
