// Prepared statements kept per connection. A statement's parameter and row
// types are declared once, where its SQL is written (better-sqlite3's
// `prepare<Params, Row>`), so its reads need no casts; preparing it once per
// connection keeps hot queries from being compiled again on every call.
import type Database from 'better-sqlite3';

/** `make` run once per connection, its result kept while the connection lives. */
export function perConnection<T>(make: (sqlite: Database.Database) => T): (sqlite: Database.Database) => T {
  const made = new WeakMap<Database.Database, T>();
  return (sqlite) => {
    let value = made.get(sqlite);
    if (value === undefined) {
      value = make(sqlite);
      made.set(sqlite, value);
    }
    return value;
  };
}
