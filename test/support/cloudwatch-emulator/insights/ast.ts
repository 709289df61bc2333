/** Parsed form of the Logs Insights subset the emulator runs. */

export type Expr =
  | { kind: 'field'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'not'; expr: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: '=' | '!=' | '<' | '>' | '<=' | '>='; left: Expr; right: Expr }
  | { kind: 'like'; left: Expr; pattern: string | RegExp }
  | { kind: 'in'; left: Expr; values: Expr[] }
  | { kind: 'call'; name: 'ispresent' | 'isempty'; args: Expr[] };

export interface FieldItem {
  expr: Expr;
  /** Output name: the alias, or the field name. */
  name: string;
}

export interface SortKey {
  field: string;
  desc: boolean;
}

export type AggregateFn = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max';

export interface Aggregate {
  fn: AggregateFn;
  /** undefined for count(*) */
  field: string | undefined;
  name: string;
}

export interface GroupKey {
  /** bin(period) over @timestamp when set, else a plain field. */
  binMs?: number;
  field: string;
  name: string;
}

export type Command =
  | { kind: 'fields'; items: FieldItem[] }
  | { kind: 'display'; fields: string[] }
  | { kind: 'filter'; expr: Expr }
  | { kind: 'parse'; field: string; regex: RegExp; names: string[] }
  | { kind: 'sort'; keys: SortKey[] }
  | { kind: 'limit'; n: number }
  | { kind: 'stats'; aggregates: Aggregate[]; by: GroupKey[] };

export interface ParsedQuery {
  commands: Command[];
}
