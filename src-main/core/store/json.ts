// Readers for the JSON text columns (a variable's value and options, lists
// of names): each checks the shape it returns, so a damaged column is a clear
// error where it is read instead of a wrong type further on.

/** A variable value as stored: one string (single choice, text) or a list of strings (multiple choice). */
export function parseValue(json: string): string | string[] {
  const value: unknown = JSON.parse(json);
  if (typeof value === 'string') return value;
  return stringList(value, json);
}

/** A JSON list of strings (coders, columns, municipality numbers, names). */
export function parseStringList(json: string): string[] {
  return stringList(JSON.parse(json), json);
}

/** A closed variable's options: a JSON list of { value, label }. */
export function parseOptions(json: string): { value: string; label: string }[] {
  const list: unknown = JSON.parse(json);
  if (!Array.isArray(list)) throw new Error(`Not a list of options: ${json.slice(0, 80)}`);
  return list.map((o: unknown) => {
    if (typeof o !== 'object' || o === null || !('value' in o) || !('label' in o) || typeof o.value !== 'string' || typeof o.label !== 'string') {
      throw new Error(`Not an option { value, label }: ${json.slice(0, 80)}`);
    }
    return { value: o.value, label: o.label };
  });
}

function stringList(value: unknown, json: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`Not a list of strings: ${json.slice(0, 80)}`);
  return value;
}
