import { CommanderError } from 'commander';
import { RejectionError } from '../core/rejection.js';
import { buildProgram, processIo } from './program.js';

buildProgram(processIo)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      process.exitCode = error.exitCode;
    } else if (error instanceof RejectionError) {
      console.error(`error ${error.rejection.code}: ${error.rejection.message}`);
      process.exitCode = 2;
    } else {
      console.error(`error: ${(error as Error).message}`);
      process.exitCode = 2;
    }
  });
