import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, submit, table } from './helpers/programme';
import { withPeople } from './helpers/people';
import { faultSweep, workspaceState } from './helpers/faults';
import { snapshotSetup } from './helpers/clone';
import { setSetting } from '../local/demo/hands';
import { documentText } from '../local/emulator/docs/model';
import type { DocumentModel } from '../local/emulator/docs/model';
import type { Workspace } from '../local/emulator/workspace';
import type { FormModel } from '../local/emulator/forms/model';
import type { ScriptRunner } from '../local/emulator/runner';

/** Faults per sweep: every method's first, middle and last call at least; FULL_SWEEP=1 fails every call. */
const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 60;

const DOC = 'application/vnd.google-apps.document';

function orders(ws: Workspace) {
  return ws.drive.byMime(DOC).filter((d) => !d.trashed);
}

function orderText(ws: Workspace, prefix: string): string {
  const docs = orders(ws).filter((d) => d.name.startsWith(prefix));
  expect(docs).toHaveLength(1);
  return documentText(docs[0].content as DocumentModel);
}

/** Sets the consent register's «Обработка ПДн» for one person and lets the import carry it to the bases. */
function setConsent(ws: Workspace, runner: ScriptRunner, name: string, processing: 'да' | 'нет') {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.consents)!;
    const rows = sheet.getDataRange().getValues();
    const row = rows.findIndex((r) => r[2] === name);
    if (row < 0) throw new Error(`no consent row for ${name}`);
    sheet.getRange(row + 1, 7).setValue(processing);
  });
  runner.call('importResponses');
}

const PREFERENCE = 'Анкета после групповой встречи';

/** Proposals made after the group meeting's answers, participants to be e-mailed: the moment before the director signs. */
function readyToApprove() {
  const p = withPeople();
  setSetting(p.ws, 'Уведомлять участников по e-mail об утверждении пар', 'да');
  submit(p.ws, null, PREFERENCE, {
    'Вы участвовали во встрече как': 'наставник',
    'Ваши фамилия, имя, отчество': 'Белова Ирина Сергеевна',
    '1-й выбор: с кем вы хотели бы работать в паре?': 'Смирнова Алиса',
    'Ваши впечатления от встречи': 'Алиса Смирнова рисует лучше всех',
  });
  submit(p.ws, null, PREFERENCE, {
    'Вы участвовали во встрече как': 'наставляемый',
    'Ваши фамилия, имя, отчество': 'Волкова Анна Павловна',
    '1-й выбор: с кем вы хотели бы работать в паре?': 'Громов Олег',
  });
  expect((p.runner.call('importResponses') as Outcome).ok).toBe(true);
  expect((p.runner.call('computeMatches') as Outcome).ok).toBe(true);
  return p;
}

/** What must come out the same however many failures came between: all but «Журнал», which records them. */
function endState(ws: Workspace) {
  const state = workspaceState(ws, ['sheets', 'drive', 'properties', 'mail']);
  state.sheets = (state.sheets as Array<{ name: string }>).filter((s) => s.name !== SHEET.log);
  return state;
}

function report(name: string, r: ReturnType<typeof faultSweep>) {
  const differ = r.diffs.filter((d) => d.problem.startsWith('end state differs')).length;
  console.log(`${name}: ${r.cleanCalls} service calls in a clean run, ${r.faults} faults injected, ${differ} end states differ, ${r.diffs.length} problems in all`);
}

describe('approvePairs', () => {
  test('one order for the approved pairs, letters once to each participant with an e-mail, and a second click changes nothing', () => {
    const { ws, runner } = readyToApprove();
    const pairs = table(ws, SHEET.pairs);
    const result = runner.call('approvePairs', [{ number: '123-о/д' }]) as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`Утверждено пар: ${pairs.length}`);
    const text = orderText(ws, 'Приказ об утверждении');
    expect(text).toContain('№\u00a0123-о/д');
    for (const p of table(ws, SHEET.pairs)) {
      expect(p['Статус']).toBe('утверждена');
      expect(text).toContain(String(p['Наставляемый']));
    }
    // One letter per person (the helper gives two mentors the same address, so compare letters, not addresses).
    const letters = ws.mail.map((m) => `${m.to}|${m.body}`);
    expect(new Set(letters).size).toBe(letters.length);
    expect(letters.length).toBeGreaterThan(1);
    // No address book of the pair in one letter: each person gets their own.
    for (const m of ws.mail) expect(m.to).not.toContain(',');
    expect(ws.properties.document.has('approvalInProgress')).toBe(false);

    const before = endState(ws);
    const again = runner.call('approvePairs', [{ number: '124-о/д' }]) as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Новых предложенных пар нет');
    expect(again.message).toContain('№ 123-о/д');
    expect(endState(ws)).toEqual(before);
  });

  test('the post-meeting answers of the paired go at approval: «Предпочтения», the response sheet and the Form', () => {
    const { ws, runner } = readyToApprove();
    const form = () => ws.drive.byMime('application/vnd.google-apps.form').find((f) => f.name === PREFERENCE)!.content as FormModel;
    expect(form().responses).toHaveLength(2);
    expect(table(ws, SHEET.preferences).some((p) => String(p['Впечатления от встречи']).includes('рисует'))).toBe(true);
    expect((runner.call('approvePairs') as Outcome).ok).toBe(true);
    const paired = new Set(table(ws, SHEET.pairs).flatMap((p) => [p['ID наставника'], p['ID наставляемого']]));
    for (const p of table(ws, SHEET.preferences)) {
      if (!paired.has(p['ID участника'])) continue;
      expect([p['Выбор 1 (ID)'], p['Выбор 2 (ID)'], p['Выбор 3 (ID)'], p['Впечатления от встречи']].join('')).toBe('');
    }
    const responses = look(ws, (ss) =>
      ss
        .getSheets()
        .find((s) => s.getFormUrl() && s.getDataRange().getValues()[0].includes('Ваши впечатления от встречи'))!
        .getDataRange()
        .getValues(),
    );
    const text = JSON.stringify(responses.slice(1));
    expect(text).not.toContain('рисует');
    expect(text).not.toContain('Смирнова Алиса');
    expect(form().responses).toHaveLength(0);
  });

  test('a fault after the Doc exists, then a re-run: the same Doc is finished and the curator is told', () => {
    const { ws, runner } = readyToApprove();
    ws.calls.failOn('Body.appendTable', { message: 'Service Documents failed while accessing document' });
    const failed = runner.call('approvePairs', [{ number: '5' }]) as Outcome;
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/[А-Яа-я]/);
    expect(orders(ws)).toHaveLength(1);
    expect(table(ws, SHEET.pairs).every((p) => p['Статус'] === 'предложена')).toBe(true);
    // Matching waits: the proposals the order is about stay as they are.
    const blocked = runner.call('computeMatches') as Outcome;
    expect(blocked.ok).toBe(false);
    expect(blocked.message).toContain('прервано');
    const done = runner.call('approvePairs') as Outcome;
    expect(done.ok).toBe(true);
    expect(done.message).toContain('Утверждение, прерванное сбоем, завершено');
    expect(orders(ws)).toHaveLength(1);
    // The number the order was begun with stays: it is already in the Doc.
    expect(orderText(ws, 'Приказ об утверждении')).toContain('№\u00a05');
    expect(table(ws, SHEET.pairs).every((p) => p['Статус'] === 'утверждена')).toBe(true);
  });

  test('a fault at any service call, then a re-run, ends exactly as a clean run', () => {
    const sweep = faultSweep({
      setup: snapshotSetup(readyToApprove),
      operation: { name: 'approvePairs', args: [{ number: '123-о/д' }] },
      snapshot: endState,
      maxFaults: MAX_FAULTS,
    });
    report('approvePairs', sweep);
    expect(sweep.calls['DocumentApp.create']).toBe(1);
    expect(sweep.calls['MailApp.sendEmail']).toBeGreaterThan(1);
    expect(sweep.diffs).toEqual([]);
  });
});

describe('consent at every point that names people', () => {
  test('a proposal whose mentee lost consent after matching is not approved, named, or written to', () => {
    const { ws, runner } = readyToApprove();
    const target = table(ws, SHEET.pairs).find((p) => p['Наставляемый'] === 'Волкова Анна Павловна')!;
    setConsent(ws, runner, 'Волкова Анна Павловна', 'нет');
    const result = runner.call('approvePairs') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain(String(target['ID']));
    expect(result.message).toContain('согласия');
    const text = orderText(ws, 'Приказ об утверждении');
    expect(text).not.toContain('Волкова');
    expect(ws.mail.some((m) => m.to === 'teacher@example.ru' || m.body.includes('Волкова'))).toBe(false);
    const row = table(ws, SHEET.pairs).find((p) => p['ID'] === target['ID'])!;
    expect(row['Статус']).toBe('предложена');
    expect(String(row['Обоснование'])).toMatch(/^Не утверждена \d\d\.\d\d\.\d{4}: у наставляемого нет действующего согласия/);
  });

  test('a pair fixed by the curator does not carry a mentor without consent into the order or a letter', () => {
    const { ws, runner } = readyToApprove();
    const target = table(ws, SHEET.pairs).find((p) => p['Наставляемый'] === 'Волкова Анна Павловна')!;
    const mentorName = String(target['Наставник']);
    const fixed = runner.call('applyPairChange', [{ forced: [[target['ID наставляемого'], target['ID наставника']]] }]) as Outcome;
    expect(fixed.ok).toBe(true);
    setConsent(ws, runner, mentorName, 'нет');
    // Re-matching does not keep the fixed pair: without consent nobody is matched.
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.pairs).some((p) => p['Наставник'] === mentorName)).toBe(false);
    const result = runner.call('approvePairs') as Outcome;
    if (result.ok) expect(orderText(ws, 'Приказ об утверждении')).not.toContain(mentorName.split(' ')[0]);
    expect(ws.mail.some((m) => m.body.includes(mentorName.split(' ')[0]))).toBe(false);
  });

  test('an approved pair whose mentor later lost consent is not locked in the next matching, and the next order does not name him', () => {
    const { ws, runner } = readyToApprove();
    expect((runner.call('approvePairs') as Outcome).ok).toBe(true);
    const approved = table(ws, SHEET.pairs).find((p) => p['Наставляемый'] === 'Волкова Анна Павловна')!;
    const mentorName = String(approved['Наставник']);
    setConsent(ws, runner, mentorName, 'нет');
    const again = runner.call('computeMatches') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).not.toContain(`закреплено ранее: ${table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'утверждена').length}`);
    const view = runner.call('getMatchingView') as { mentors: Array<{ id: string }> };
    expect(view.mentors.map((m) => m.id)).not.toContain(approved['ID наставника']);
    const mails = ws.mail.length;
    const next = runner.call('approvePairs') as Outcome;
    if (next.ok && !String(next.message).startsWith('Новых')) {
      const docs = orders(ws).filter((d) => d.name.startsWith('Приказ об утверждении'));
      expect(documentText(docs[docs.length - 1].content as DocumentModel)).not.toContain(mentorName);
    }
    expect(ws.mail.slice(mails).some((m) => m.body.includes(mentorName))).toBe(false);
  });

  test('forcing a pair with a person without consent is refused by the sidebar and changes nothing', () => {
    const { ws, runner } = readyToApprove();
    const mentees = table(ws, SHEET.mentees);
    const refused = mentees.find((m) => m['ФИО'] === 'Без Согласия Иван')!;
    const view = runner.call('getMatchingView') as { mentors: Array<{ id: string }> };
    const before = endState(ws);
    const preview = runner.call('previewPairChange', [{ forced: [[refused['ID'], view.mentors[0].id]] }]) as { allowed: boolean; reason: string };
    expect(preview.allowed).toBe(false);
    expect(preview.reason).toContain('согласия');
    const applied = runner.call('applyPairChange', [{ forced: [[refused['ID'], view.mentors[0].id]] }]) as Outcome;
    expect(applied.ok).toBe(false);
    expect(applied.message).toContain('согласия');
    expect(endState(ws)).toEqual(before);
    expect(ws.ui.filter((e) => e.kind === 'alert')).toHaveLength(0);
  });
});

describe('createTrainingOrder', () => {
  test('one order per list; a second click lists nobody twice', () => {
    const { ws, runner } = withPeople();
    const first = runner.call('createTrainingOrder', [{ number: '118-о/д' }]) as Outcome;
    expect(first.ok).toBe(true);
    const text = orderText(ws, 'Приказ');
    expect(text).toContain('Соколов');
    const before = endState(ws);
    const again = runner.call('createTrainingOrder', [{ number: '119-о/д' }]) as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Новых наставников');
    expect(endState(ws)).toEqual(before);
  });

  test('a fault at any service call, then a re-run, ends exactly as a clean run', () => {
    const sweep = faultSweep({ setup: snapshotSetup(withPeople), operation: { name: 'createTrainingOrder', args: [{ number: '118-о/д' }] }, snapshot: endState, maxFaults: MAX_FAULTS });
    report('createTrainingOrder', sweep);
    expect(sweep.calls['DocumentApp.create']).toBe(1);
    expect(sweep.diffs).toEqual([]);
  });
});

describe('computeMatches and applyPairChange under faults', () => {
  /** Proposals exist, then a matched pupil's consent is refused: the re-match drops and replaces rows. */
  function staleProposals() {
    const p = readyToApprove();
    setConsent(p.ws, p.runner, 'Смирнова Алиса Андреевна', 'нет');
    return p;
  }

  test('re-matching keeps a surviving proposal under its ID and removes the stale one', () => {
    const { ws, runner } = staleProposals();
    const before = table(ws, SHEET.pairs);
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    const after = table(ws, SHEET.pairs);
    expect(after.some((p) => p['Наставляемый'] === 'Смирнова Алиса Андреевна')).toBe(false);
    const kept = before.filter((p) => after.some((q) => q['ID наставляемого'] === p['ID наставляемого'] && q['ID наставника'] === p['ID наставника']));
    expect(kept.length).toBeGreaterThan(0);
    for (const p of kept) expect(after.find((q) => q['ID наставляемого'] === p['ID наставляемого'])!['ID']).toBe(p['ID']);
    expect(after.every((p) => String(p['ID']).startsWith('ПА-'))).toBe(true);
  });

  test('computeMatches: a fault at any service call, then a re-run, ends exactly as a clean run', () => {
    const sweep = faultSweep({ setup: snapshotSetup(staleProposals), operation: { name: 'computeMatches' }, snapshot: endState, maxFaults: MAX_FAULTS });
    report('computeMatches', sweep);
    expect(sweep.calls['Sheet.deleteRows']).toBeGreaterThan(0);
    expect(sweep.diffs).toEqual([]);
  });

  test('applyPairChange: a fault at any service call, then a re-run, ends exactly as a clean run', () => {
    const setup = snapshotSetup(readyToApprove);
    const [first] = table(setup().ws, SHEET.pairs);
    const request = { rejected: [[first['ID наставляемого'], first['ID наставника']]] };
    const sweep = faultSweep({ setup, operation: { name: 'applyPairChange', args: [request] }, snapshot: endState, maxFaults: MAX_FAULTS });
    report('applyPairChange', sweep);
    expect(sweep.diffs).toEqual([]);
  });
});

describe("the sweep's copies of a state", () => {
  test('a copied workspace runs an operation exactly as the original', () => {
    const original = readyToApprove();
    const setup = snapshotSetup(() => original);
    const copy = setup();
    const other = setup();
    expect((copy.runner.call('approvePairs', [{ number: '1' }]) as Outcome).ok).toBe(true);
    expect((other.runner.call('approvePairs', [{ number: '1' }]) as Outcome).ok).toBe(true);
    expect(endState(copy.ws)).toEqual(endState(other.ws));
    // The original is untouched by its copies.
    expect(table(original.ws, SHEET.pairs).every((p) => p['Статус'] === 'предложена')).toBe(true);
    expect(original.ws.mail).toHaveLength(0);
  });
});
