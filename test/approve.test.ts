import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, submit, table } from './helpers/programme';
import { agreeAll, setConsent, withPeople } from './helpers/people';
import { setSetting, typeRows } from '../local/demo/hands';
import { faultSweep, stateWithoutLog } from './helpers/faults';
import { snapshotSetup } from './helpers/clone';
import { documentText } from '../local/emulator/docs/model';
import type { DocumentModel } from '../local/emulator/docs/model';
import type { Workspace } from '../local/emulator/workspace';
import type { FormModel } from '../local/emulator/forms/model';

/** Faults per sweep: every method's first, middle and last call at least; FULL_SWEEP=1 fails every call. */
const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 60;

const DOC = 'application/vnd.google-apps.document';

/** Generated documents, not the templates in «Шаблоны». */
function orders(ws: Workspace) {
  return ws.drive.byMime(DOC).filter((d) => !d.trashed && !d.name.startsWith('Шаблон'));
}

function orderModel(ws: Workspace, prefix: string): DocumentModel {
  const docs = orders(ws).filter((d) => d.name.startsWith(prefix));
  expect(docs).toHaveLength(1);
  return docs[0].content as DocumentModel;
}

function orderText(ws: Workspace, prefix: string): string {
  return documentText(orderModel(ws, prefix));
}

const PREFERENCE = 'Анкета после групповой встречи';

/** Proposals made after the group meeting's answers, participants to be e-mailed: the moment before the director signs. */
function readyToApprove() {
  const p = withPeople();
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

const endState = stateWithoutLog;

function report(name: string, r: ReturnType<typeof faultSweep>) {
  const differ = r.diffs.filter((d) => d.problem.startsWith('end state differs')).length;
  console.log(`${name}: ${r.cleanCalls} service calls in a clean run, ${r.faults} faults injected, ${differ} end states differ, ${r.diffs.length} problems in all`);
}

describe('approvePairs', () => {
  test('one draft order for the approved pairs, registered, no letters yet, and a second click changes nothing', () => {
    const { ws, runner } = readyToApprove();
    const pairs = table(ws, SHEET.pairs);
    const result = runner.call('approvePairs', [{ number: '123-о/д' }]) as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/Утверждено: \d+ пар[аы]?, \d+ групп[аы]?, \d+ наставляем/);
    expect(result.message).toContain('«Документы»');
    const text = orderText(ws, 'Приказ об утверждении');
    expect(text).toContain('№\u00a0123-о/д');
    // No date invented: the director writes it when signing.
    expect(text).toContain('«___» ____________ 20___ г.');
    for (const p of table(ws, SHEET.pairs)) {
      expect(p['Статус']).toBe('утверждена');
      expect(text).toContain(String(p['Наставляемый']));
    }
    expect(pairs.length).toBeGreaterThan(1);
    // Informing the participants is a step of its own, after the signed order's date and number are recorded.
    expect(ws.mail).toHaveLength(0);
    const register = table(ws, 'Документы');
    expect(register).toHaveLength(1);
    expect(String(register[0]['Ссылка'])).toBe(String(table(ws, SHEET.pairs)[0]['Приказ']));
    expect(ws.properties.document.has('approvalInProgress')).toBe(false);

    const before = endState(ws);
    const again = runner.call('approvePairs', [{ number: '124-о/д' }]) as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Новых предложенных пар нет');
    expect(again.message).toContain('№ 123-о/д');
    expect(endState(ws)).toEqual(before);
  });

  test('the Google Doc is print-ready: page numbers from page 2, header rows pinned, rows whole, attachments on new pages', () => {
    const { ws, runner } = readyToApprove();
    expect((runner.call('approvePairs') as Outcome).ok).toBe(true);
    const model = orderModel(ws, 'Приказ об утверждении');
    expect(model.useFirstPageHeaderFooter).toBe(true);
    expect(JSON.stringify(model.header)).toContain('"pageNumber"');
    expect(JSON.stringify(model.firstPageHeader ?? [])).not.toContain('"pageNumber"');
    const tables = model.body.filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const t of tables) {
      if (t.kind !== 'table') continue;
      expect(t.pinnedHeaderRows).toBe(1);
      expect(t.rows.every((r) => r.preventOverflow === true)).toBe(true);
    }
    const breaks = model.body.filter((b) => b.kind === 'paragraph' && b.style.pageBreakBefore);
    expect(breaks.length).toBe(2);
    // No page-break paragraphs that could leave a blank page.
    expect(JSON.stringify(model.body)).not.toContain('"pageBreak"}');
    expect(documentText(model)).not.toMatch(/\{\{|\}\}/);
  });

  test('a staff mentor without the ст. 351.8 consent: no order, and the curator learns who and where to record it', () => {
    const p = withPeople();
    const mentors = table(p.ws, SHEET.mentors).filter((m) => m['Категория'] === 'педагог');
    const lacking = String(mentors[0]['ФИО']);
    agreeAll(p.ws, [lacking]);
    p.runner.call('importResponses');
    expect((p.runner.call('computeMatches') as Outcome).ok).toBe(true);
    const inPairs = table(p.ws, SHEET.pairs).some((r) => r['Наставник'] === lacking);
    const result = p.runner.call('approvePairs') as Outcome;
    if (!inPairs) return expect(result.ok).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(lacking);
    expect(result.message).toContain('«Наставники»');
    expect(result.message).toContain('351.8');
    expect(orders(p.ws)).toHaveLength(0);
    expect(table(p.ws, SHEET.pairs).every((r) => r['Статус'] === 'предложена')).toBe(true);
    agreeAll(p.ws);
    expect((p.runner.call('approvePairs') as Outcome).ok).toBe(true);
  });

  test('the curator edits the template: the order follows it; a template she broke still gives the order and a note', () => {
    const { ws, runner } = readyToApprove();
    const made = runner.call('createTemplates') as Outcome;
    expect(made.ok).toBe(true);
    const template = ws.drive.byMime(DOC).find((d) => d.name.startsWith('Шаблон — Приказ об утверждении'))!;
    // She rewords the control clause and deletes the table row with the marks of the list.
    const text = JSON.stringify(template.content).replace('Контроль за исполнением настоящего приказа оставляю за собой.', 'Контроль за исполнением приказа возложить на заместителя директора.');
    const edited = JSON.parse(text) as DocumentModel;
    edited.body = edited.body.filter((b) => !(b.kind === 'table' && JSON.stringify(b).includes('{{пары.')));
    template.content = edited;
    const result = runner.call('approvePairs') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('{{пары.…}}');
    const order = orderText(ws, 'Приказ об утверждении');
    expect(order).toContain('возложить на заместителя директора');
    // The list is still there, at the end, so nothing the order approves is lost.
    for (const p of table(ws, SHEET.pairs)) expect(order).toContain(String(p['Наставляемый']));
  });

  test('the curator corrects a declined name in «Склонение ФИО»: the order uses her form', () => {
    const { ws, runner } = readyToApprove();
    setSetting(ws, 'Куратор (ФИО полностью)', 'Лев Игорь Николаевич');
    typeRows(ws, 'Склонение ФИО', [{ 'ФИО (как в базе)': 'Лев Игорь Николаевич', Падеж: 'дательный', 'Правильная форма': 'Льву Игорю Николаевичу' }]);
    expect((runner.call('approvePairs') as Outcome).ok).toBe(true);
    expect(orderText(ws, 'Приказ об утверждении').replace(/\u00a0/g, ' ')).toContain('Куратору программы наставничества Льву Игорю Николаевичу');
  });

  test('an empty setting leaves no mark and no blank request: the field simply disappears', () => {
    const { ws, runner } = readyToApprove();
    setSetting(ws, 'Место составления документов', '');
    setSetting(ws, 'Сокращённое наименование', '');
    expect((runner.call('approvePairs') as Outcome).ok).toBe(true);
    const text = orderText(ws, 'Приказ об утверждении');
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toContain('г. Кировск');
    expect(text).not.toContain('()');
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
    ws.calls.failOn('Body.insertTable', { message: 'Service Documents failed while accessing document' });
    const failed = runner.call('approvePairs', [{ number: '5' }]) as Outcome;
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/[А-Яа-я]/);
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
    expect(sweep.calls['Drive.Files.copy']).toBe(1);
    expect(sweep.calls['Docs.Documents.batchUpdate']).toBe(1);
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
    expect(sweep.calls['Drive.Files.copy']).toBe(1);
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
