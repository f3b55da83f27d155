// The process entry: everything real (argv, streams, env, clock) is handed to main() here.
import { main } from "./main.js";

// A reader that goes away (`prelim … | head`) is not an error of ours: stop quietly. Every answer shown
// as recorded is on disk already; without this handler Node prints a stack trace for EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
