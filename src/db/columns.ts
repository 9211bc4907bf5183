/**
 * Every column of a row, by name, for the hot statements that would otherwise `select *`: on
 * PostgreSQL a statement selecting `*` is never prepared (postgres-client.ts), because a column
 * added by a migration would break it. The compiler holds the list complete: a column added to
 * the table's type and not here is an error naming it.
 */
export function everyColumn<Row>() {
  return <const Names extends readonly (keyof Row & string)[]>(
    ...names: Names & ([Exclude<keyof Row, Names[number]>] extends [never] ? unknown : { missing: Exclude<keyof Row, Names[number]> })
  ): Names => names;
}
