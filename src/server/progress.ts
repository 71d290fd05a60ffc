import { errorMessage } from './errors';

type Props = GoogleAppsScript.Properties.Properties;

/** A property value holds at most 9 KB: a long record is kept in pieces of at most this many characters (≤ 3 bytes each). */
const PIECE = 2500;
const PIECES = '@pieces:';

/**
 * The record of an operation in progress (JSON in document properties). It is written before each
 * step that creates something outside the spreadsheet, so a re-run after a failure knows what
 * exists; it is removed only when everything is done.
 */
export class Progress<T> {
  private readonly pieceKeys: string[];
  readonly value: T | null;

  constructor(
    private readonly props: Props,
    private readonly key: string,
  ) {
    const all = props.getProperties();
    this.pieceKeys = Object.keys(all).filter((k) => k.startsWith(`${key}#`));
    const head = all[key];
    let text: string | null = head ?? null;
    if (head?.startsWith(PIECES)) {
      const n = Number(head.slice(PIECES.length));
      const parts = Array.from({ length: n }, (_v, i) => all[`${key}#${i + 1}`]);
      // Pieces go only while the record is being removed: a missing one means it was done.
      text = parts.every((p) => typeof p === 'string') ? parts.join('') : null;
    }
    this.value = text ? (JSON.parse(text) as T) : null;
  }

  save(value: T): void {
    const text = JSON.stringify(value);
    if (text.length <= PIECE && !this.pieceKeys.length) {
      this.props.setProperty(this.key, text);
      return;
    }
    const out: Record<string, string> = {};
    const n = Math.ceil(text.length / PIECE);
    for (let i = 0; i < n; i++) out[`${this.key}#${i + 1}`] = text.slice(i * PIECE, (i + 1) * PIECE);
    out[this.key] = `${PIECES}${n}`;
    for (const k of Object.keys(out)) if (!this.pieceKeys.includes(k) && k !== this.key) this.pieceKeys.push(k);
    // One call: the head and its pieces change together.
    this.props.setProperties(out);
  }

  /**
   * Saves a record that says something now exists outside the spreadsheet (a Doc, a sent letter).
   * Losing it would make a re-run repeat that, so a failed write is tried once more.
   */
  saveSurely(value: T): void {
    try {
      this.save(value);
    } catch (error) {
      console.warn(`${this.key}: ${errorMessage(error)}; повторная запись`);
      this.save(value);
    }
  }

  clear(): void {
    this.props.deleteProperty(this.key);
    for (const k of this.pieceKeys) this.props.deleteProperty(k);
  }
}
