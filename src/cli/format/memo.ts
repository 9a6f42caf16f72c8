/**
 * `fn` remembered by its argument, for the columns of a listing, which repeat the same few
 * values row after row. At `limit` values the memory starts over, so it stays small.
 */
export function memo<T>(limit: number, fn: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let v = known.get(key);
    if (v === undefined) {
      if (known.size >= limit) known.clear();
      known.set(key, (v = fn(key)));
    }
    return v;
  };
}
