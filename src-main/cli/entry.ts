// The entry point of the built CLI bundle (scripts/build-cli.mjs): runs the
// command with the process's arguments and streams and sets its exit code.
import { processIo, run } from './main';

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
