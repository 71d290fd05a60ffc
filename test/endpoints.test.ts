/**
 * Every sidebar endpoint against malformed calls: wrong types, nested objects, huge arrays,
 * unknown IDs, IDs of people who left or have no consent, formula text, Dates, null, undefined,
 * numbers. Each call must answer in Russian and change nothing: sheets, Drive, mail, properties.
 */
import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { withPeople } from './helpers/people';
import { workspaceState } from './helpers/faults';
import { snapshotSetup } from './helpers/clone';
import type { Workspace } from '../local/emulator/workspace';
import type { ScriptRunner } from '../local/emulator/runner';

const RUSSIAN = /[А-Яа-яЁё]{3}/;

/** Proposals made; one mentee has left the programme (status «выбыл(а)») after consenting. */
const ready = snapshotSetup(() => {
  const p = withPeople();
  look(p.ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.mentees)!;
    const values = sheet.getDataRange().getValues();
    const status = values[0].indexOf('Статус') + 1;
    const row = values.findIndex((r) => r[1] === 'Орлов Глеб Игоревич') + 1;
    sheet.getRange(row, status).setValue('выбыл(а)');
  });
  expect((p.runner.call('computeMatches') as Outcome).ok).toBe(true);
  return p;
});

interface Ids {
  mentee: string;
  mentor: string;
  proposed: [string, string];
  left: string;
  noConsent: string;
}

function ids(ws: Workspace): Ids {
  const mentees = table(ws, SHEET.mentees);
  const pairs = table(ws, SHEET.pairs);
  const id = (name: string) => String(mentees.find((m) => m['ФИО'] === name)!['ID']);
  const first = pairs[0];
  return {
    mentee: String(first['ID наставляемого']),
    mentor: String(first['ID наставника']),
    proposed: [String(first['ID наставляемого']), String(first['ID наставника'])],
    left: id('Орлов Глеб Игоревич'),
    noConsent: id('Без Согласия Иван'),
  };
}

/** Values that are not what any endpoint expects, of every type google.script.run can carry and more. */
function junk(): unknown[] {
  const nested: Record<string, unknown> = { a: { b: { c: { d: [1, { e: 'НЯ-0001' }] } } } };
  return [
    null,
    0,
    -1,
    3.5,
    NaN,
    Infinity,
    true,
    false,
    '',
    'optimal',
    '=1+1',
    '+79991234567',
    '@SUM(A1)',
    '[object Object]',
    '<script>alert(1)</script>',
    'x'.repeat(100000),
    new Date('2026-10-01T00:00:00Z'),
    [],
    [[]],
    [1, 2, 3],
    {},
    nested,
    new Array(20000).fill('НЯ-0001'),
  ];
}

/** Pair-shaped values whose IDs are malformed, formulas, unknown, or someone who may not be paired. */
function badPairs(i: Ids): unknown[] {
  return [
    [''],
    ['НЯ-0001'],
    [i.mentee, i.mentor, 'НК-0002'],
    [i.mentee, 123],
    [null, i.mentor],
    [i.mentee, {}],
    [[i.mentee], i.mentor],
    ['=HYPERLINK("http://evil.example";"x")', i.mentor],
    [i.mentee, '+7 999'],
    ['НЯ-0001; DROP', i.mentor],
    ['ня-0001', i.mentor],
    [' ' + i.mentee, i.mentor],
    [new Date(), i.mentor],
    ['НЯ-999999', i.mentor],
    [i.mentee, 'НК-999999'],
    [i.mentor, i.mentee],
    [i.left, i.mentor],
    [i.noConsent, i.mentor],
    [i.mentee, i.mentee],
    'НЯ-0001,НК-0001',
  ];
}

function changeRequests(i: Ids, forApply: boolean): unknown[] {
  const requests: unknown[] = [undefined, ...junk()];
  for (const v of junk()) requests.push({ forced: v }, { rejected: v });
  for (const pair of badPairs(i)) requests.push({ forced: [pair] }, { rejected: [pair] });
  for (const mode of ['greedy', 1, {}, [], true, '=1', 'OPTIMAL', new Date()]) requests.push({ forced: [i.proposed], mode });
  requests.push(
    { forced: [i.proposed], extra: true },
    { forced: [i.proposed], rejected: [i.proposed] },
    { forced: [i.proposed, i.proposed] },
    { rejected: [i.proposed, i.proposed] },
    { forced: new Array(600).fill(i.proposed) },
    { forced: [i.proposed], __proto__: { mode: 'stable' } },
    // A pair that exists but is not proposed cannot be rejected.
    { rejected: [[i.noConsent, i.mentor]] },
  );
  if (forApply) requests.push({}, { forced: [] }, { forced: null, rejected: null }, { mode: 'stable' });
  return requests;
}

/** Whole options that are not an object at all (a plain object's other keys are ignored: a menu click passes Google's event object). */
const notOptions = () => junk().filter((v) => v !== null && Object.prototype.toString.call(v) !== '[object Object]');

function optionsCalls(): unknown[] {
  const out: unknown[] = [...notOptions()];
  // Empty, 0 and 'optimal' are valid numbers («без номера», «0», «optimal»): everything else here is not.
  for (const v of junk()) if (!(v === null || v === '' || v === 0 || v === 'optimal')) out.push({ number: v });
  for (const n of ['=1+1', '+1', '-1', '@1', '12"3', "12'3", 'a\tb', 'a\nb', '№ 1 <b>', 'х'.repeat(21), '12;3', '1,2', '\u202e12', '{1}', '12\\3', `${'1'.repeat(20)}x`]) out.push({ number: n });
  for (const n of [-5, 1.5, 2 ** 60, -0.1]) out.push({ number: n });
  out.push({ number: { toString: () => '123' } }, { number: ['123'] }, { number: [] }, { number: new Date() });
  // The same bad numbers beside the keys of a menu click's event object.
  const withNumber = out.filter((o): o is { number: unknown } => !!o && typeof o === 'object' && 'number' in o);
  for (const o of withNumber.slice(0, 25)) out.push({ ...o, authMode: 'FULL', source: {} });
  return out;
}

/** A quick fingerprint of what a call could change, for counting changed calls one by one. */
function fingerprint(ws: Workspace, withLog: boolean): string {
  const sheets = ws.spreadsheet.sheets
    .filter((s) => withLog || s.name !== SHEET.log)
    .map((s) => [s.name, s.rows.map((r) => r?.map((c) => [c?.v instanceof Date ? c.v.getTime() : (c?.v ?? ''), c?.f ?? '', c?.fmt ?? '']))]);
  const drive = [...ws.drive.entries.values()].map((e) => [e.id, e.name, e.trashed, e.parents]);
  const props = Object.values(ws.properties).map((m) => [...m.entries()]);
  return JSON.stringify([sheets, drive, props, ws.mail.length, ws.triggers.length]);
}

function answerText(runner: ScriptRunner, name: string, args: unknown[]): { text: string; refused: boolean } {
  try {
    const out = runner.call(name, args) as { ok?: boolean; message?: string; allowed?: boolean; reason?: string } | undefined;
    if (out && out.ok === false) return { text: String(out.message), refused: true };
    if (out && out.allowed === false) return { text: String(out.reason), refused: true };
    return { text: JSON.stringify(out)?.slice(0, 200) ?? 'undefined', refused: false };
  } catch (error) {
    return { text: (error as Error).message, refused: true };
  }
}

interface Tally {
  calls: number;
  changed: string[];
  notRefused: string[];
  notRussian: string[];
}

/** Throws every call at one endpoint of one fresh workspace; counts calls that changed something. */
function bombard(name: string, argsList: unknown[][], options: { logMayGrow?: boolean } = {}): Tally & { ws: Workspace; before: unknown } {
  const { ws, runner } = ready();
  const before = workspaceState(ws);
  const tally: Tally = { calls: 0, changed: [], notRefused: [], notRussian: [] };
  let print0 = fingerprint(ws, !options.logMayGrow);
  for (const args of argsList) {
    const print =
      JSON.stringify(args, (_k, v: unknown) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : Array.isArray(v) && v.length > 5 ? `[${v.length} items]` : v))?.slice(0, 120) ??
      'undefined';
    const answer = answerText(runner, name, args);
    tally.calls += 1;
    const now = fingerprint(ws, !options.logMayGrow);
    if (now !== print0) tally.changed.push(print);
    print0 = now;
    if (!answer.refused) tally.notRefused.push(`${print} → ${answer.text}`);
    else if (!RUSSIAN.test(answer.text) || /[A-Za-z]{5,}/.test(answer.text.replace(/optimal|stable|[a-z]+@[a-z.]+|https?:\S+/gi, ''))) tally.notRussian.push(`${print} → ${answer.text}`);
  }
  return { ...tally, ws, before };
}

function expectUntouched(t: ReturnType<typeof bombard>, options: { logMayGrow?: boolean } = {}) {
  console.log(`${t.calls} malformed calls: ${t.changed.length} changed data, ${t.notRefused.length} not refused, ${t.notRussian.length} not in Russian`);
  expect(t.changed).toEqual([]);
  expect(t.notRefused).toEqual([]);
  expect(t.notRussian).toEqual([]);
  expect(t.calls).toBeGreaterThanOrEqual(80);
  const after = workspaceState(t.ws) as { sheets: Array<{ name: string }> };
  const before = t.before as { sheets: Array<{ name: string }> };
  if (options.logMayGrow) {
    after.sheets = after.sheets.filter((s) => s.name !== SHEET.log);
    before.sheets = before.sheets.filter((s) => s.name !== SHEET.log);
  }
  expect(after).toEqual(before);
  expect(t.ws.ui.filter((e) => e.kind === 'alert')).toHaveLength(0);
}

describe('sidebar endpoints refuse malformed calls in Russian and change nothing', () => {
  test('getMatchingView', () => {
    const args: unknown[][] = junk()
      .filter((v) => v !== null)
      .map((v) => [v]);
    for (const v of junk()) if (v !== null) args.push([undefined, v], [{ forced: v }], [{ mode: v }]);
    expectUntouched(bombard('getMatchingView', args));
  });

  test('previewPairChange', () => {
    const { ws } = ready();
    expectUntouched(
      bombard(
        'previewPairChange',
        changeRequests(ids(ws), false).map((r) => [r]),
      ),
    );
  });

  test('applyPairChange: malformed requests are refused before anything is read or logged', () => {
    const { ws } = ready();
    const i = ids(ws);
    const shapes = changeRequests(i, true).filter((r) => !isWellFormed(r));
    expectUntouched(
      bombard(
        'applyPairChange',
        shapes.map((r) => [r]),
      ),
    );
  });

  test('applyPairChange: well-formed requests naming people who may not be paired change nothing but the log', () => {
    const { ws } = ready();
    const i = ids(ws);
    const wellFormed = changeRequests(i, true).filter(isWellFormed);
    // The same checks as the preview, so every such request is one the preview also refuses.
    const t = bombard(
      'applyPairChange',
      Array.from({ length: 7 }, () => wellFormed)
        .flat()
        .map((r) => [r]),
      { logMayGrow: true },
    );
    expectUntouched(t, { logMayGrow: true });
    // What the log gained is the refusals, in Russian, with IDs and no names.
    const log = table(t.ws, SHEET.log).slice(-wellFormed.length);
    for (const row of log) expect(String(Object.values(row)[3])).toMatch(RUSSIAN);
    const names = table(t.ws, SHEET.mentees).map((m) => String(m['ФИО']));
    for (const row of log) for (const n of names) expect(String(Object.values(row)[3])).not.toContain(n);
  });

  test('approvePairs and createTrainingOrder: options other than a short order number', () => {
    const calls = optionsCalls().map((o) => [o]);
    expectUntouched(bombard('approvePairs', calls));
    expectUntouched(bombard('createTrainingOrder', calls));
  });

  test('computeMatches: options other than a known mode', () => {
    const calls: unknown[][] = notOptions().map((v) => [v]);
    for (const v of junk()) if (v !== null && v !== '' && v !== 'optimal') calls.push([{ mode: v }]);
    for (const m of ['greedy', 'OPTIMAL', ' stable', '=1', 'stable ', 'стабильный', 'optimal\u200b', 'Stable', '+optimal', '@stable']) calls.push([{ mode: m }], [{ mode: m, number: '1' }]);
    for (const v of junk()) if (v !== null && v !== '' && v !== 'optimal') calls.push([{ mode: v, authMode: 'FULL' }]);
    expectUntouched(bombard('computeMatches', calls));
  });

  test('a valid number as a string or a number is accepted', () => {
    const { ws, runner } = ready();
    const ok = runner.call('approvePairs', [{ number: 123 }]) as Outcome;
    expect(ok.ok).toBe(true);
    const doc = ws.drive.byMime('application/vnd.google-apps.document').find((d) => d.name.startsWith('Приказ об утверждении'));
    expect(doc).toBeDefined();
  });
});

/** A request whose shape passes (known keys, well-formed IDs, no duplicates), so only the data can refuse it. */
function isWellFormed(r: unknown): boolean {
  if (!r || typeof r !== 'object' || Array.isArray(r) || Object.prototype.toString.call(r) !== '[object Object]') return false;
  const o = r as Record<string, unknown>;
  if (Object.keys(o).some((k) => !['forced', 'rejected', 'mode'].includes(k))) return false;
  if (!(o.mode === undefined || o.mode === null || o.mode === '' || o.mode === 'optimal' || o.mode === 'stable')) return false;
  const ok = (v: unknown) =>
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length <= 200 && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string' && /^[A-ZА-ЯЁ]{1,4}-\d{1,6}$/.test(x))));
  if (!ok(o.forced) || !ok(o.rejected)) return false;
  const forced = (o.forced as string[][] | undefined) ?? [];
  const rejected = (o.rejected as string[][] | undefined) ?? [];
  if (!forced.length && !rejected.length) return false;
  if (new Set(forced.map((p) => p[0])).size !== forced.length) return false;
  const keys = new Set(rejected.map((p) => p.join('|')));
  if (keys.size !== rejected.length || forced.some((p) => keys.has(p.join('|')))) return false;
  return true;
}
