import { CallLog, strict } from '../calls';
import { ValidationRuleModel } from './model';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
} as const;

export class FakeDataValidation implements Pick<DataValidation, 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText'> {
  constructor(private readonly model: ValidationRuleModel) {}

  __model(): ValidationRuleModel {
    return this.model;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.model.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.model.args];
  }
  getAllowInvalid(): boolean {
    return this.model.allowInvalid;
  }
  getHelpText(): string {
    return this.model.helpText;
  }
}

type BuilderApi = Pick<
  Builder,
  'requireValueInList' | 'requireValueInRange' | 'requireCheckbox' | 'requireDate' | 'requireNumberBetween' | 'requireTextIsEmail' | 'setAllowInvalid' | 'setHelpText' | 'build'
>;

export class FakeDataValidationBuilder implements BuilderApi {
  private model: ValidationRuleModel = { criteria: '', args: [], allowInvalid: true, helpText: '' };

  constructor(private readonly log: CallLog) {}

  private set(criteria: string, args: unknown[]): Builder {
    this.model = { ...this.model, criteria, args };
    return this as unknown as Builder;
  }

  requireValueInList(values: string[], showDropdown = true): Builder {
    return this.set(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): Builder {
    const grid = (range as unknown as { __grid(): unknown }).__grid();
    return this.set(DataValidationCriteria.VALUE_IN_RANGE, [grid, showDropdown]);
  }
  requireCheckbox(): Builder {
    return this.set(DataValidationCriteria.CHECKBOX, []);
  }
  requireDate(): Builder {
    return this.set(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  requireNumberBetween(start: number, end: number): Builder {
    return this.set(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }
  requireTextIsEmail(): Builder {
    return this.set(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }
  setAllowInvalid(allow: boolean): Builder {
    this.model.allowInvalid = allow;
    return this as unknown as Builder;
  }
  setHelpText(text: string): Builder {
    this.model.helpText = text;
    return this as unknown as Builder;
  }
  build(): DataValidation {
    if (!this.model.criteria) throw new Error('You must set a criteria for data validation.');
    return strict('DataValidation', new FakeDataValidation({ ...this.model }), this.log) as unknown as DataValidation;
  }
}
