import { randomName, fullName } from '../local/demo/people';
import { Random } from '../local/demo/random';

describe("the demo centre's people", () => {
  test("patronymics are spelt as Russians spell them and agree with the person's sex", () => {
    const rng = new Random(7);
    const names = Array.from({ length: 600 }, () => randomName(rng));
    for (const p of names) {
      expect([fullName(p), p.sex === 'м' ? /(ович|евич|ьевич)$/.test(p.patronymic) : /(овна|евна|ьевна)$/.test(p.patronymic)]).toEqual([fullName(p), true]);
      expect(p.patronymic).not.toMatch(/Павелов|Игорьов|Юриев|Михаилов|Евгениев/);
    }
    // The irregular ones are there, spelt right.
    for (const stem of ['Павлов', 'Игорев', 'Юрьев', 'Михайлов', 'Евгеньев']) expect([stem, names.some((p) => p.patronymic.startsWith(stem))]).toEqual([stem, true]);
  });
});
