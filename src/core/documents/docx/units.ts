/** Word's units. A twip is 1/20 pt; run sizes are in half-points. */
export const A4 = { width: 11906, height: 16838 };
/** ГОСТ paragraph indent 1,25 см. */
export const FIRST_LINE_INDENT = 709;
export const HEADER_DISTANCE = 708;
export const FOOTER_DISTANCE = 708;
export const DEFAULT_TAB_STOP = 708;
/** Table cell padding left and right, 1 mm. */
export const CELL_MARGIN = 57;
/** Single line spacing, proportional (`lineRule="auto"`): never an exact height that cramps a larger font. */
export const SINGLE_LINE = 240;

export const mmToTwips = (mm: number): number => Math.round(mm * 56.6929);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** A number from settings the curator typed: a broken value falls back rather than writing sz="NaN", which Word rejects. */
export function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
