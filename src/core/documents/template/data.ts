/**
 * A data row holding this key starts a new page: the table is cut there and the rest goes on as a
 * table of its own (with the template's header rows) after a page break — one card per page.
 */
export const NEW_PAGE = '\f';

/** What a document kind fills its template with: values, conditions and table rows, all plain text. */
export interface TemplateData {
  values: Record<string, string>;
  flags: Record<string, boolean>;
  tables: Record<string, Array<Record<string, string>>>;
}

/** A field of a template kind, with the words a curator reads in a note about it. */
export interface FieldInfo {
  name: string;
  about: string;
  /** Without it the document cannot be signed as is: its absence from a template is reported. */
  required?: boolean;
}

export interface TableInfo extends FieldInfo {
  columns: FieldInfo[];
}

export interface TemplateFields {
  values: FieldInfo[];
  flags: FieldInfo[];
  tables: TableInfo[];
}

/** Columns of a template table, as [mark, header] pairs: the header a director reads, the mark a curator moves. */
export const columns = (...pairs: Array<[name: string, about: string]>): FieldInfo[] => pairs.map(([name, about]) => ({ name, about }));
