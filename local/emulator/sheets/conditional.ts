/**
 * Conditional format rules (SpreadsheetApp.newConditionalFormatRule, Sheet.get/setConditionalFormatRules)
 * as Sheets keeps them: a boolean condition, a format and the ranges of one sheet. The emulator
 * stores and returns them; it does not paint cells (Sheets evaluates the formulas when drawing).
 */
import { CallLog, strict } from '../calls';
import { GridRange } from './a1';

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export interface ConditionalFormatModel {
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  /** Grids of the sheet the rule is set on (with the sheet's id, checked when set). */
  ranges: Array<GridRange & { sheetId: number }>;
}

export interface ConditionalEnv {
  log: CallLog;
  /** A Range for a stored grid (the rule's getRanges). */
  rangeOf: (r: GridRange & { sheetId: number }) => GoogleAppsScript.Spreadsheet.Range;
}

export const CONDITIONAL_ERRORS = {
  noCondition: 'Conditional format rules must have a condition.',
  otherSheet: 'Conditional format rule cannot reference a different sheet.',
  noRanges: 'Conditional format rule must have at least one range.',
} as const;

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

const blank = (): ConditionalFormatModel => ({ criteria: '', values: [], background: null, fontColor: null, bold: null, ranges: [] });
const cloneModel = (m: ConditionalFormatModel): ConditionalFormatModel => ({ ...m, values: [...m.values], ranges: m.ranges.map((r) => ({ ...r })) });

class FakeBooleanCondition {
  constructor(private readonly model: ConditionalFormatModel) {}
  getCriteriaType(): string {
    return this.model.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.model.values];
  }
  getBackground(): string | null {
    return this.model.background;
  }
  getFontColor(): string | null {
    return this.model.fontColor;
  }
  getBold(): boolean | null {
    return this.model.bold;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly model: ConditionalFormatModel,
    private readonly env: ConditionalEnv,
  ) {}
  __model(): ConditionalFormatModel {
    return cloneModel(this.model);
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.model.ranges.map((r) => this.env.rangeOf(r));
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition {
    return strict('BooleanCondition', new FakeBooleanCondition(cloneModel(this.model)), this.env.log) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): Builder {
    return newConditionalBuilder(this.env, cloneModel(this.model));
  }
}

export class FakeConditionalFormatRuleBuilder {
  constructor(
    private model: ConditionalFormatModel,
    private readonly env: ConditionalEnv,
  ) {}
  private self(): Builder {
    return this as unknown as Builder;
  }
  private when(criteria: string, values: unknown[]): Builder {
    this.model = { ...this.model, criteria, values };
    return this.self();
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  whenCellEmpty(): Builder {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty(): Builder {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenTextEqualTo(text: string): Builder {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  setBackground(color: string | null): Builder {
    this.model.background = color;
    return this.self();
  }
  setFontColor(color: string | null): Builder {
    this.model.fontColor = color;
    return this.self();
  }
  setBold(bold: boolean | null): Builder {
    this.model.bold = bold;
    return this.self();
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Builder {
    this.model.ranges = ranges.map((r) => (r as unknown as { __grid(): GridRange & { sheetId: number } }).__grid());
    return this.self();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.model.ranges.map((r) => this.env.rangeOf(r));
  }
  build(): Rule {
    if (!this.model.criteria) throw new Error(CONDITIONAL_ERRORS.noCondition);
    return wrapRule(cloneModel(this.model), this.env);
  }
  copy(): Builder {
    return newConditionalBuilder(this.env, cloneModel(this.model));
  }
}

export function newConditionalBuilder(env: ConditionalEnv, model: ConditionalFormatModel = blank()): Builder {
  return strict('ConditionalFormatRuleBuilder', new FakeConditionalFormatRuleBuilder(model, env), env.log) as unknown as Builder;
}

export function wrapRule(model: ConditionalFormatModel, env: ConditionalEnv): Rule {
  return strict('ConditionalFormatRule', new FakeConditionalFormatRule(model, env), env.log) as unknown as Rule;
}

/** The stored form of rules set on sheet `sheetId`: each must have ranges, all on that sheet. */
export function storedRules(rules: readonly Rule[], sheetId: number): ConditionalFormatModel[] {
  return rules.map((rule) => {
    const model = (rule as unknown as FakeConditionalFormatRule).__model();
    if (!model.ranges.length) throw new Error(CONDITIONAL_ERRORS.noRanges);
    if (model.ranges.some((r) => r.sheetId !== sheetId)) throw new Error(CONDITIONAL_ERRORS.otherSheet);
    return model;
  });
}
