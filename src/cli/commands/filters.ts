// filters.Args on the wire: {"name":{"web":true}} with Go's sorted keys, or nothing when empty.

import { goMarshal } from '../gojson';

export function filtersParam(filters: Record<string, string[]> | undefined): string | undefined {
  if (!filters) return undefined;
  const keys = Object.keys(filters).filter((k) => (filters[k] ?? []).length > 0 || true);
  if (keys.length === 0) return undefined;
  const m = new Map<string, Map<string, boolean>>();
  for (const k of keys) m.set(k, new Map((filters[k] ?? []).map((v) => [v, true])));
  return goMarshal(m);
}

/** copy of a filter set with one more value (PruneFilters, label=...) */
export function withFilter(filters: Record<string, string[]>, key: string, value: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(filters)) out[k] = [...v];
  const list = (out[key] ??= []);
  if (!list.includes(value)) list.push(value);
  return out;
}
