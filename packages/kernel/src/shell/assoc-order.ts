/**
 * An associative array's keys in the order bash lists them: bash keeps
 * them in a 1024-bucket hash table (FNV-1 hash), walked bucket by bucket
 * with the most recently added key of a bucket first. Scripts that print
 * `${!m[@]}` unsorted then see bash's order.
 */
export function assocKeys(assoc: Map<string, string>): string[] {
  const keys = [...assoc.keys()];
  const buckets = keys.map(bucketOf);
  const order = keys.map((_, i) => i);
  order.sort((a, b) => buckets[a]! - buckets[b]! || b - a);
  return order.map((i) => keys[i]!);
}

const utf8 = new TextEncoder();

function bucketOf(key: string): number {
  let h = 2166136261;
  for (const byte of utf8.encode(key)) h = (Math.imul(h, 16777619) ^ byte) >>> 0;
  return h & 1023;
}
