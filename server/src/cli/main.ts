// Command-line entry point: `wit-ls check|abi|fmt ...` (see usage below).

import { runFmt } from './fmt';

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'fmt':
      return runFmt(argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
    default:
      process.stderr.write('usage: wit-ls <check|abi|fmt> [options] PATH...\n');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`wit-ls: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
