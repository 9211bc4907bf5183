/**
 * Hot read queries built and compiled once, then run with new parameter values.
 *
 * Kysely builds an immutable operation tree and compiles it to SQL on every call, which on the
 * article page costs as much as running the queries. A prepared query is built once with
 * sample values that must each appear exactly once among the compiled parameters; each call
 * swaps the real values into those positions. The check runs at build time, so a query whose
 * shape does not fit (a value inlined, or used twice) fails at start-up, not with wrong data.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

export function prepared<Args extends readonly unknown[], Row>(
  db: Kysely<Tables>,
  build: (...args: Args) => Compilable<Row>,
  samples: Args,
): (...args: Args) => Promise<Row[]> {
  const compiled = build(...samples).compile();
  const positions = samples.map((sample) => {
    const found = compiled.parameters.reduce<number[]>((at, value, i) => (value === sample ? [...at, i] : at), []);
    if (found.length !== 1) throw new Error(`prepared query: sample ${String(sample)} appears ${found.length} times in ${compiled.sql}`);
    return found[0] as number;
  });
  return async (...args: Args) => {
    const parameters = [...compiled.parameters];
    positions.forEach((position, i) => {
      parameters[position] = args[i];
    });
    const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
