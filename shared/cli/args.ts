// Minimal argument parsing: `command --flag value --switch positional…`.
export interface Args {
  command: string;
  flags: Map<string, string | true>;
  /** every value of a flag given more than once (`--related a.xlsx --related b.xlsx`), in order */
  lists: Map<string, string[]>;
  positional: string[];
}

const SWITCHES = new Set(['json', 'help', 'skip-bad-rows']);

export function parseArgs(argv: readonly string[]): Args {
  const [command = 'help', ...rest] = argv;
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(k, inline);
      else if (SWITCHES.has(k) || rest[i + 1] === undefined || rest[i + 1]!.startsWith('--')) flags.set(k, true);
      else flags.set(k, rest[++i]!);
      const v = flags.get(k);
      if (typeof v === 'string') lists.set(k, [...(lists.get(k) ?? []), v]);
    } else positional.push(a);
  }
  return { command, flags, lists, positional };
}

export class UsageError extends Error {}

export function flag(args: Args, name: string, fallback?: string): string {
  const v = args.flags.get(name);
  if (typeof v === 'string') return v;
  if (fallback !== undefined) return fallback;
  throw new UsageError(`缺少参数 --${name}`);
}

/** Every value given for a repeatable flag; none → []. */
export function flagList(args: Args, name: string): string[] {
  if (args.flags.get(name) === true) throw new UsageError(`参数 --${name} 后面缺少文件名`);
  return args.lists.get(name) ?? [];
}
