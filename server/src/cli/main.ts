// Command-line entry point: `wit-ls check|abi|fmt ...` (see usage below).

import { runAbi } from './abi';
import { runCheck } from './check';
import { runFmt } from './fmt';
import { tuneForOneShot } from './jitTuning';

const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };

const USAGE = `usage: wit-ls <command> [options] PATH...
commands:
  check   report syntax and semantic errors (as wit-parser would, and more at once)
  abi     print Canonical ABI layouts of types and functions
  fmt     format WIT files in the canonical style
Run \`wit-ls <command> --help\` for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'check':
      return runCheck(argv.slice(1), io);
    case 'abi':
      return runAbi(argv.slice(1), io);
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return 0;
    case '--version':
      io.out('wit-ls 0.1.0\n');
      return 0;
    case 'fmt':
      return runFmt(argv.slice(1), io);
    default:
      io.err(command ? `wit-ls: unknown command '${command}'\n${USAGE}` : USAGE);
      return 2;
  }
}

tuneForOneShot();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`wit-ls: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
