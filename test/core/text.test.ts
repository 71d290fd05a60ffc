import fc from 'fast-check';
import { CELL_LIMIT, cleanText, needsTextFormat } from '../../src/core/text/inert';
import { cleanName } from '../../src/core/text/names';
import { idMentionPattern, mentionPattern, scrubText } from '../../src/core/intake/anonymise';
import { normalizeName } from '../../src/core/intake/table';
import { ledgerValue } from '../../src/core/intake/upsert';
import { locateQuestions, parseResponse } from '../../src/core/questionnaires/read';
import { questionnaires } from '../../src/core/questionnaires/definitions';

describe('the inert write path decides', () => {
  test('every text a spreadsheet could read as a formula, number or date gets the text format', () => {
    for (const text of ['=1+1', '+7 999 123-45-67', '-5', '@admin', '＝1', ' =A1', '\t=1', '007', '1,5', '01.10.2026', '50%', 'TRUE', 'ложь', 'Mar 5']) {
      expect([text, needsTextFormat(cleanText(text))]).toEqual([text, true]);
    }
    for (const text of ['Смирнова Алиса', 'Изостудия «Северное сияние»', 'рисование и живопись']) expect(needsTextFormat(text)).toBe(false);
  });

  test('property: whatever a person types, the cleaned text has no control or invisible characters and fits a cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat({ max: 3 }), (text, repeat) => {
        const out = cleanText(text.repeat(repeat * 300 + 1));
        expect(out.length).toBeLessThanOrEqual(CELL_LIMIT);
        // eslint-disable-next-line no-control-regex -- the check is that none are left
        expect(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(out)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  test('property: text starting with = + - @ is always given the text format', () => {
    fc.assert(fc.property(fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠'), fc.string(), (lead, rest) => expect(needsTextFormat(cleanText(lead + rest))).toBe(true)));
  });
});

describe('names', () => {
  test('look-alike Latin letters inside a Cyrillic word are made Cyrillic and flagged; Latin words stay', () => {
    expect(cleanName('Cмирнова  Алиса\u200b')).toEqual({ name: 'Смирнова Алиса', mixedScripts: true });
    expect(cleanName('ООО «Полярный IT-парк»')).toEqual({ name: 'ООО «Полярный IT-парк»', mixedScripts: false });
    expect(cleanName('Ｉｖａｎｏｖ').name).toBe('Ivanov');
    expect(normalizeName('Смирнова Алёна')).toBe(normalizeName('смирнова\u00a0алена'));
  });

  test('mentions of a withdrawn person are found in either order, any case, with ё or е; others stay', () => {
    const byName = mentionPattern(['Петрова Алёна Ивановна']);
    const byId = idMentionPattern(['НЯ-0005']);
    expect(scrubText('Хочу с Петрова Алена и с Орловым', byName, byId)).toBe('Хочу с обезличено и с Орловым');
    expect(scrubText('алёна петрова молодец', byName, byId)).toBe('обезличено молодец');
    expect(scrubText('Петрова Алёна Ивановна (НЯ-0005), Орлов Глеб (НЯ-0006)', byName, byId)).toBe('Обезличено (НЯ-0005), Орлов Глеб (НЯ-0006)');
    expect(scrubText('Петровская Алёнушка', byName, byId)).toBe('Петровская Алёнушка');
  });

  test('the ledger keeps long answers as a fingerprint of bounded size', () => {
    expect(ledgerValue('коротко')).toBe('коротко');
    const long = ledgerValue('я'.repeat(40000));
    expect(long.length).toBeLessThan(30);
    expect(long).not.toBe(ledgerValue(`${'я'.repeat(39999)}ю`));
  });
});

describe('a question deleted and restored in the Form', () => {
  test('answers are read from the newer column, and from the older one where the newer is empty', () => {
    const def = questionnaires({ forms: ['педагог – ученик'], pseudonymous: false }).mentee;
    const header = ['Отметка времени', 'Кто вы?', 'Фамилия, имя, отчество', 'Удобный формат встреч', 'Удобный формат встреч'];
    const layout = locateQuestions(header, def);
    const at = new Date('2026-10-01T10:00:00Z');
    const older = parseResponse(def, layout, [at, 'обучающийся', 'Смирнова Алиса', 'очно', ''], 2).response!;
    const newer = parseResponse(def, layout, [at, 'обучающийся', 'Орлов Глеб', '', 'дистанционно'], 3).response!;
    expect(older.answers.format).toBe('очно');
    expect(newer.answers.format).toBe('дистанционно');
  });
});
