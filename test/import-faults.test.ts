import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import { programme, pupil, submit } from './helpers/programme';
import { consentAll, teacherMentor } from './helpers/people';
import type { Workspace } from '../local/emulator/workspace';

const MENTEE = 'Анкета наставляемого';
const MENTOR = 'Анкета наставника';
const PREFERENCE = 'Анкета после групповой встречи';

/**
 * A centre mid-stage: people imported with consents, then new answers (a resubmission, a new
 * pupil, a bad class, a post-meeting answer) and a family's withdrawal wait for the next import.
 */
function midStage() {
  const p = programme();
  const { ws, runner } = p;
  submit(ws, null, MENTEE, pupil('Петрова Ника Ивановна'));
  submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич'));
  submit(ws, null, MENTOR, teacherMentor('Белова Ирина Сергеевна', 'Изостудия «Северное сияние»', ['подготовка к конкурсу, олимпиаде, выставке'], '3'));
  consentAll(ws, runner);
  submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич', { 'Расскажите о своём запросе подробнее': 'Хочу заниматься вместе с Петрова Ника' }));
  submit(ws, null, MENTEE, pupil('Новикова Дарья Олеговна', { 'Класс (для обучающихся)': '12А' }));
  submit(ws, null, PREFERENCE, {
    'Вы участвовали во встрече как': 'наставник',
    'Ваши фамилия, имя, отчество': 'Белова Ирина Сергеевна',
    '1-й выбор: с кем вы хотели бы работать в паре?': 'Петрова Ника',
  });
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.consents)!;
    const rows = sheet.getDataRange().getValues();
    const header = rows[0].map(String);
    const row = rows.findIndex((r) => r[header.indexOf('ФИО участника')] === 'Петрова Ника Ивановна');
    sheet.getRange(row + 1, header.indexOf('Дата отзыва') + 1).setValue(new Date('2026-11-01T09:00:00Z'));
  });
  return p;
}

/** Every call in a full sweep (FULL_SWEEP=1); a spread of them in the regular suite, to keep it quick. */
const FAULTS = process.env.FULL_SWEEP ? 10000 : 40;

// «Журнал» legitimately gains a row about each failed attempt.
const endState = (ws: Workspace) => workspaceState(ws, ['sheets', 'drive', 'properties', 'triggers', 'mail'], { ignoreSheets: [SHEET.log] });

describe('importResponses under a fault at any service call', () => {
  test('the curator is told in Russian, and running it again ends exactly as a clean import', () => {
    const report = faultSweep({ setup: cachedSetup(midStage), operation: { name: 'importResponses' }, snapshot: endState, maxFaults: FAULTS });
    console.log(`importResponses: ${report.cleanCalls} service calls, ${report.faults} faults injected, ${report.diffs.length} differing end states`);
    expect(report.diffs).toEqual([]);
  });
});
