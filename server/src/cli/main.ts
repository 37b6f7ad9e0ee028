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

// A reader that goes away (`wit-ls check . | head -1`) ends the run quietly, with the status a
// process killed by SIGPIPE has (128 + 13), as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  });
}

tuneForOneShot();
// The exit status is set, not forced with process.exit(): when stdout is a pipe, writes finish
// asynchronously, and exiting at once cut long reports short (a --json array of 20,000
// problems stopped at 64 KB).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`wit-ls: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
