/**
 * The optimal mode against SciPy's linear_sum_assignment on the slot-expanded matrix (mentor j
 * repeated capacity times, one "unmatched" column per mentee, priority levels as cost offsets).
 */
import fc from 'fast-check';
import { MatchingInstance, solveOptimal } from '../../../src/core/matching';
import { expectValid, hasScipy, keyOf, keyOfResult, randomInstance, scipyAssignments } from './helpers';

const scipy = hasScipy();
const maybe = scipy ? test : test.skip;
if (!scipy) console.warn('SciPy tests skipped: `python3 -c "import scipy"` failed (install python3 with scipy and numpy to run them)');

describe(`optimal mode equals SciPy on random instances${scipy ? '' : ' (skipped: no SciPy)'}`, () => {
  maybe('40 random instances up to 200 mentees, three priority levels, locked pairs', () => {
    const shapes = fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      mentees: fc.integer({ min: 1, max: 200 }),
      mentors: fc.integer({ min: 1, max: 60 }),
      maxCapacity: fc.integer({ min: 0, max: 6 }),
      density: fc.double({ min: 0.02, max: 1, noNaN: true }),
      levels: fc.integer({ min: 1, max: 3 }),
      lockedShare: fc.constantFrom(0, 0, 0.05, 0.2),
    });
    const instances: MatchingInstance[] = fc.sample(shapes, { seed: 424242, numRuns: 40 }).map((s) => randomInstance(s.seed, { ...s, grid: 1000 }));
    const reference = scipyAssignments(instances);
    instances.forEach((inst, i) => {
      const r = solveOptimal(inst);
      expectValid(inst, r);
      expect(keyOfResult(inst, r)).toEqual(keyOf(inst, new Map(Object.entries(reference[i]))));
    });
  });

  maybe('dense square instances full of ties (scores 0 or 1): 300 mentees × 60 mentors × 5', () => {
    const instances = [1, 2, 3].map((seed) => randomInstance(seed, { mentees: 300, mentors: 60, maxCapacity: 5, density: 1, levels: 1, grid: 1 }));
    for (const inst of instances) for (const m of inst.mentors) m.capacity = 5;
    const reference = scipyAssignments(instances);
    instances.forEach((inst, i) => {
      expect(keyOfResult(inst, solveOptimal(inst))).toEqual(keyOf(inst, new Map(Object.entries(reference[i]))));
    });
  });
});
