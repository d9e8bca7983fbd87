// The shape of a SharePoint list the project owns, written as data. Each column is the exact body
// of a Graph `columnDefinition` (POST /sites/{site}/lists/{list}/columns), so what is documented,
// what is provisioned and what is checked against the Graph contract are one and the same object.
// Only the type facets the project uses are modelled; add one here before a list needs it.

/** Properties every column body may carry, whatever its type. */
interface ColumnBase {
  /** Internal (API) name: the key in `listItem.fields`. A public contract: never renamed. */
  name: string;
  /** What people see in SharePoint's own pages. May be changed by the school. */
  displayName: string;
  description?: string;
  /** Enforced by SharePoint's forms; Graph and Power Automate writes may bypass it. */
  required?: boolean;
  /** Needed on every column the add-in filters on (list view threshold: 5,000 items). */
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

export interface TextColumnSpec extends ColumnBase {
  text: {
    allowMultipleLines: boolean;
    /** Single-line text only: SharePoint caps it at 255. */
    maxLength?: number;
    linesForEditing?: number;
    /** Always 'plain': rich text would put HTML into values the add-in reads as text. */
    textType?: 'plain';
    appendChangesToExistingText?: boolean;
  };
}

export interface ChoiceColumnSpec extends ColumnBase {
  choice: {
    choices: string[];
    displayAs: 'dropDownMenu' | 'radioButtons' | 'checkBoxes';
    /** false: a value outside the contract's choices would be unreadable to the add-in. */
    allowTextEntry?: boolean;
  };
}

export interface DateTimeColumnSpec extends ColumnBase {
  dateTime: {
    format: 'dateOnly' | 'dateTime';
    displayAs?: 'default' | 'friendly' | 'standard';
  };
}

export interface NumberColumnSpec extends ColumnBase {
  number: {
    decimalPlaces?: 'automatic' | 'none' | 'one' | 'two' | 'three' | 'four' | 'five';
    displayAs?: 'number' | 'percentage';
    minimum?: number;
    maximum?: number;
  };
}

export interface BooleanColumnSpec extends ColumnBase {
  boolean: Record<string, never>;
}

export type ColumnSpec =
  TextColumnSpec | ChoiceColumnSpec | DateTimeColumnSpec | NumberColumnSpec | BooleanColumnSpec;

/** One list the project provisions; its permissions are in permissionPlan.ts. */
export interface ListSchema {
  displayName: string;
  description: string;
  columns: ColumnSpec[];
}

/** The type facets of a Graph columnDefinition; exactly one is present on a column. */
export const COLUMN_TYPE_FACETS = [
  'text',
  'choice',
  'dateTime',
  'number',
  'boolean',
  'currency',
  'lookup',
  'personOrGroup',
  'calculated',
  'hyperlinkOrPicture',
  'geolocation',
  'term',
  'thumbnail',
  'contentApprovalStatus',
] as const;
export type ColumnTypeFacet = (typeof COLUMN_TYPE_FACETS)[number];

/** The type facet a column body declares, or undefined when it declares none. */
export function columnTypeOf(column: object): ColumnTypeFacet | undefined {
  const record = column as Record<string, unknown>;
  return COLUMN_TYPE_FACETS.find((facet) => record[facet] != null);
}

/**
 * Columns every `genericList` already has. They are never sent when a list is created (SharePoint
 * would refuse a duplicate), only checked like any other existing column.
 */
export const BUILT_IN_COLUMN_NAMES: ReadonlySet<string> = new Set(['Title']);
