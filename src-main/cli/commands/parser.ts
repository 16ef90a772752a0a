// Command-line parsing shared by every command: strict options, a fixed
// number of positionals, and --author always allowed.
import { parseArgs } from 'node:util';
import type { CliContext } from '../context';
import { UsageError } from '../errors';

export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  author?: string;
}

export interface Command {
  parse(args: string[]): ParsedCommand;
  run(parsed: ParsedCommand, ctx: CliContext): Promise<number>;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

/** Strict option parsing shared by every command; --author is always allowed. */
export function parser(options: OptionSpec, positionals: { min: number; max: number; usage: string }) {
  return (args: string[]): ParsedCommand => {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { ...options, author: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError(`${(e as Error).message}. Usage: ${positionals.usage}`);
    }
    if (parsed.positionals.length < positionals.min || parsed.positionals.length > positionals.max) {
      throw new UsageError(`wrong number of arguments. Usage: ${positionals.usage}`);
    }
    const { author, ...values } = parsed.values as Record<string, string | boolean | undefined>;
    return { positionals: parsed.positionals, values, author: author as string | undefined };
  };
}

/** "a, b,,c" → ["a", "b", "c"]; an option given but empty is a mistake. */
export function commaList(value: string, option: string, usage: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${option} needs a comma-separated list. Usage: ${usage}`);
  return [...new Set(items)];
}
