// The CLI's help texts: what each command and subcommand does, its arguments,
// its options and an example, printed by `innspill <command> [sub] --help`
// (or -h, or `innspill help <command>`); the overview `innspill --help` is
// built from the same table, so a command is described in one place.

export interface CommandHelp {
  /** One line: what it does. */
  summary: string;
  /** The synopsis, without the leading "innspill ". */
  usage: string;
  options?: ReadonlyArray<readonly [flag: string, what: string]>;
  example: string;
}

export interface CommandGroupHelp {
  summary: string;
  subcommands: Record<string, CommandHelp>;
}

const JSON_OPTION = ['--json', 'print the result as JSON (for scripts)'] as const;
const PASSPHRASE_OPTION = ['--passphrase-file F', "the package is encrypted; its passphrase is the file's first line (never on the command line)"] as const;
const SCOPE_OPTIONS = [
  ['--questions 1,2', 'only these questions (numbers as in the letter)'],
  ['--districts 01,02', 'only these police districts (codes)'],
] as const;

export const HELP: Record<string, CommandHelp | CommandGroupHelp> = {
  init: {
    summary: 'Create a new project file (a case) from a template.',
    usage: 'init <file.innspill> [--template brev-kommunene-2022|blank] [--title T]',
    options: [
      ['--template ID', 'brev-kommunene-2022 (the 2022 letter: five questions, the municipality register; the default) or blank'],
      ['--title T', "the case's title (default: the template's)"],
    ],
    example: 'innspill init politi.innspill',
  },
  stats: {
    summary: 'Show what a project holds: responses, answers, codings, respondents.',
    usage: 'stats <file.innspill> [--json]',
    options: [JSON_OPTION],
    example: 'innspill stats politi.innspill',
  },
  import: {
    summary: 'Import responses from files and folders (CSV, Excel, JSON, Word, PDF, text, ZIP) into a project. Each file is all or nothing.',
    usage: 'import <file.innspill> <path>... [--mapping file.json] [--label L] [--json]',
    options: [
      ['--mapping file.json', 'a column mapping saved from the import screen (for tables whose headers are not recognised)'],
      ['--label L', "a name for this batch in the project's import log"],
      JSON_OPTION,
    ],
    example: 'innspill import politi.innspill svar/ brev.zip',
  },
  search: {
    summary: 'Search the answers (words, "phrases", prefix*, -not, OR).',
    usage: 'search <file.innspill> "<query>" [--limit N] [--include-superseded] [--json]',
    options: [
      ['--limit N', 'show at most N hits (the first line still counts all hits and their respondents)'],
      ['--include-superseded', 'also search versions replaced by a later response'],
      JSON_OPTION,
    ],
    example: 'innspill search politi.innspill "lange avstander"   (a query starting with - goes after --)',
  },
  suggest: {
    summary: 'Code suggestions learnt from the codings so far, or their cross-validated quality (read-only; never codes).',
    usage: 'suggest <file.innspill> (--response ID | --evaluate) [--json]',
    options: [
      ['--response ID', "one response's suggestions: per uncoded answer the code, its probability, the sentence and the words that carried it"],
      ['--evaluate', 'per code the cross-validated precision, recall, F1 and number of examples'],
      JSON_OPTION,
    ],
    example: 'innspill suggest politi.innspill --evaluate --json',
  },
  export: {
    summary: 'Write the briefing memo (Word), the workbook (Excel) or a table (CSV).',
    subcommands: {
      docx: {
        summary: 'Write the briefing memo as a Word document.',
        usage:
          'export docx <file.innspill> --out memo.docx [--appendix] [--to T] [--from F] [--date yyyy-mm-dd] [--case-number N] [--subject S] [--questions 1,2] [--districts 01,02] [--json]',
        options: [
          ['--out memo.docx', 'the file to write (relative to the current folder)'],
          ['--appendix', 'add the appendix with every quoted answer'],
          ['--to T, --from F, --date yyyy-mm-dd, --case-number N, --subject S', "the memo's heading (defaults as in the app)"],
          ...SCOPE_OPTIONS,
          JSON_OPTION,
        ],
        example: 'innspill export docx politi.innspill --out notat.docx --questions 5',
      },
      xlsx: {
        summary: 'Write the analysis workbook as an Excel file.',
        usage: 'export xlsx <file.innspill> --out book.xlsx [--questions 1,2] [--districts 01,02] [--json]',
        options: [['--out book.xlsx', 'the file to write (relative to the current folder)'], ...SCOPE_OPTIONS, JSON_OPTION],
        example: 'innspill export xlsx politi.innspill --out analyse.xlsx',
      },
      csv: {
        summary: 'Write one table as CSV: the responses (svar) or the codings (koding).',
        usage: 'export csv <file.innspill> --table svar|koding --out file.csv [--json]',
        options: [
          ['--table svar|koding', 'which table'],
          ['--out file.csv', 'the file to write (relative to the current folder)'],
          JSON_OPTION,
        ],
        example: 'innspill export csv politi.innspill --table koding --out kodinger.csv',
      },
    },
  },
  qdpx: {
    summary: 'Exchange the project with NVivo, ATLAS.ti, MAXQDA and QualCoder (REFI-QDA).',
    subcommands: {
      export: {
        summary: 'Write the whole project as a REFI-QDA project (.qdpx).',
        usage: 'qdpx export <file.innspill> [--out file.qdpx] [--positions codepoint|utf16] [--json]',
        options: [
          ['--out file.qdpx', 'the file to write'],
          ['--positions codepoint|utf16', 'utf16 for NVivo, codepoint (the standard) for the rest'],
          JSON_OPTION,
        ],
        example: 'innspill qdpx export politi.innspill --out politi-nvivo.qdpx --positions utf16',
      },
      import: {
        summary: "Bring in a REFI-QDA project's codebook and codings (.qdpx), or a codebook (.qdc).",
        usage: 'qdpx import <file.innspill> <file.qdpx|file.qdc> [--positions codepoint|utf16] [--as-responses] [--json]',
        options: [
          ['--positions codepoint|utf16', "how the file counts positions (default: read from the file's origin, or detected)"],
          ['--as-responses', 'import sources that are no response yet as new responses'],
          JSON_OPTION,
        ],
        example: 'innspill qdpx import politi.innspill fra-nvivo.qdpx',
      },
    },
  },
  package: {
    summary: 'Team work: assign responses, make work packages, merge the returns, resolve conflicts.',
    subcommands: {
      assign: {
        summary: 'Assign responses to a colleague.',
        usage: 'package assign <file.innspill> --to NAME (--districts NN,… | --counties NN,… | --municipalities NNNN,… | --respondents ID,…) [--exclusive] [--json]',
        options: [
          ['--to NAME', 'the colleague'],
          ['--districts, --counties, --municipalities, --respondents', 'what to assign (comma-separated codes or ids)'],
          ['--exclusive', 'take it away from anyone else it was assigned to'],
          JSON_OPTION,
        ],
        example: 'innspill package assign politi.innspill --to "Kari Nordmann" --districts 01,02',
      },
      unassign: {
        summary: 'Take assignments back.',
        usage: 'package unassign <file.innspill> --to NAME (--all | --districts … | --counties … | --municipalities … | --respondents …) [--json]',
        options: [['--all', "all of the colleague's assignments"], JSON_OPTION],
        example: 'innspill package unassign politi.innspill --to "Kari Nordmann" --all',
      },
      assignments: {
        summary: 'List who has what.',
        usage: 'package assignments <file.innspill> [--json]',
        options: [JSON_OPTION],
        example: 'innspill package assignments politi.innspill',
      },
      export: {
        summary: "Make a colleague's work package.",
        usage: 'package export <file.innspill> --assignee NAME --out FILE.innspillpakke [--passphrase-file F] [--json]',
        options: [['--assignee NAME', 'whose package'], ['--out FILE.innspillpakke', 'the file to write'], PASSPHRASE_OPTION, JSON_OPTION],
        example: 'innspill package export politi.innspill --assignee "Kari Nordmann" --out kari.innspillpakke',
      },
      open: {
        summary: 'Open a work package as a working copy.',
        usage: 'package open <FILE.innspillpakke> --out COPY.innspill [--passphrase-file F] [--json]',
        options: [['--out COPY.innspill', 'the working copy to create'], PASSPHRASE_OPTION, JSON_OPTION],
        example: 'innspill package open kari.innspillpakke --out kari.innspill',
      },
      return: {
        summary: "Make the return file of a working copy (the colleague's changes).",
        usage: 'package return <COPY.innspill> --out FILE.innspillretur [--passphrase-file F] [--json]',
        options: [['--out FILE.innspillretur', 'the file to write'], PASSPHRASE_OPTION, JSON_OPTION],
        example: 'innspill package return kari.innspill --out kari.innspillretur',
      },
      merge: {
        summary: "Merge a colleague's return file into the project.",
        usage: 'package merge <file.innspill> <FILE.innspillretur> [--passphrase-file F] [--json]',
        options: [PASSPHRASE_OPTION, JSON_OPTION],
        example: 'innspill package merge politi.innspill kari.innspillretur',
      },
      conflicts: {
        summary: 'List the conflicts a merge found.',
        usage: 'package conflicts <file.innspill> [--all] [--json]',
        options: [['--all', 'also the resolved ones'], JSON_OPTION],
        example: 'innspill package conflicts politi.innspill',
      },
      resolve: {
        summary: 'Resolve a conflict by keeping one side.',
        usage: 'package resolve <file.innspill> <conflict-id> --keep ours|theirs [--json]',
        options: [['--keep ours|theirs', "the project's version or the colleague's"], JSON_OPTION],
        example: 'innspill package resolve politi.innspill 3f2a… --keep theirs',
      },
    },
  },
  backup: {
    summary: 'The automatic snapshots of a project file, kept beside it: list, make, verify and restore them.',
    subcommands: {
      list: {
        summary: 'List the snapshots with time, reason and counts.',
        usage: 'backup list <file.innspill> [--json]',
        options: [JSON_OPTION],
        example: 'innspill backup list politi.innspill',
      },
      create: {
        summary: 'Take a snapshot now.',
        usage: 'backup create <file.innspill> [--json]',
        options: [JSON_OPTION],
        example: 'innspill backup create politi.innspill',
      },
      verify: {
        summary: 'Check a snapshot (integrity and checksum); without an id, every snapshot.',
        usage: 'backup verify <file.innspill> [<id>] [--json]',
        options: [JSON_OPTION],
        example: 'innspill backup verify politi.innspill',
      },
      restore: {
        summary: 'Restore a snapshot as a new project file beside the original (never over it); without an id, the newest that verifies.',
        usage: 'backup restore <file.innspill> [<id>] [--json]',
        options: [JSON_OPTION],
        example: 'innspill backup restore politi.innspill',
      },
    },
  },
  erase: {
    summary: 'Erase one response for good (a request to delete personal data): its text, codings, links, values and source file, scrubbed from the audit trail and the search index. Cannot be undone.',
    usage: 'erase <file.innspill> <response-id> --yes [--with-respondent] [--json]',
    options: [
      ['--yes', 'confirm (without it nothing happens)'],
      ['--with-respondent', 'also erase the respondent (refused while it has other responses)'],
      JSON_OPTION,
    ],
    example: 'innspill erase politi.innspill 3f2a… --yes',
  },
};

/** `innspill <usage>` of a command or one of its subcommands: the synopsis the commands print in their usage errors. */
export function usage(command: string, sub?: string): string {
  const h = HELP[command];
  if (!h) throw new Error(`no help for command ${command}`);
  if (!isGroup(h)) return `innspill ${h.usage}`;
  // A group's synopsis stays on one line (errors are one line): its subcommands, and where their help is.
  if (sub === undefined) return `innspill ${command} ${Object.keys(h.subcommands).join('|')} … (innspill ${command} <subcommand> --help)`;
  const s = h.subcommands[sub];
  if (!s) throw new Error(`no help for ${command} ${sub}`);
  return `innspill ${s.usage}`;
}

const COMMON = 'Options for every command: --author NAME (recorded on changes), --debug (stack traces), -h/--help.';

function isGroup(h: CommandHelp | CommandGroupHelp): h is CommandGroupHelp {
  return 'subcommands' in h;
}

function renderOne(h: CommandHelp): string {
  const lines = [`Usage: innspill ${h.usage}`, '', h.summary];
  if (h.options?.length) {
    lines.push('', 'Options:');
    const width = Math.min(34, Math.max(...h.options.map(([flag]) => flag.length)));
    for (const [flag, what] of h.options) lines.push(flag.length > width ? `  ${flag}\n  ${' '.repeat(width)}  ${what}` : `  ${flag.padEnd(width)}  ${what}`);
  }
  lines.push('', `Example: ${h.example}`, '', COMMON);
  return lines.join('\n') + '\n';
}

/** The overview: every command's synopsis. */
export function overview(version: string): string {
  const lines = [`innspill ${version}: consultation responses from the command line (the same project files as the app).`, '', 'Usage: innspill <command> [options]', '', 'Commands:'];
  for (const h of Object.values(HELP)) {
    if (isGroup(h)) for (const sub of Object.values(h.subcommands)) lines.push(`  ${sub.usage}`);
    else lines.push(`  ${h.usage}`);
  }
  lines.push('', 'Help for one command: innspill <command> [subcommand] --help', COMMON, 'Version: innspill --version');
  return lines.join('\n') + '\n';
}

/**
 * The help for `command` (and its subcommand, if `sub` names one); for a group
 * without a known subcommand, the list of its subcommands. Null: no such command.
 */
export function commandHelp(command: string, sub: string | undefined): string | null {
  const h = Object.hasOwn(HELP, command) ? HELP[command] : undefined;
  if (!h) return null;
  if (!isGroup(h)) return renderOne(h);
  if (sub !== undefined && Object.hasOwn(h.subcommands, sub)) return renderOne(h.subcommands[sub]);
  const lines = [`Usage: innspill ${command} <${Object.keys(h.subcommands).join('|')}> …`, '', h.summary, '', 'Subcommands:'];
  const width = Math.max(...Object.keys(h.subcommands).map((k) => k.length));
  for (const [name, s] of Object.entries(h.subcommands)) lines.push(`  ${name.padEnd(width)}  ${s.summary}`);
  lines.push('', `Help for one: innspill ${command} <subcommand> --help`, '', COMMON);
  return lines.join('\n') + '\n';
}
