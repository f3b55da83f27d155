// The process entry: everything real (argv, streams, env, clock) is handed to main() here.
import { main, streamFailure } from "./main.js";

// A stream error arrives as an event, outside main's try: main.ts still decides what it means. A reader
// that goes away (`prelim … | head`) ends the run quietly; a full disk or an I/O error is one line and
// exit 2. Every answer shown as recorded is on disk already.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    const failure = streamFailure(error, stream === process.stdout ? "standard output" : "standard error", process.exitCode);
    if (failure.message !== undefined) process.stderr.write(failure.message);
    process.exit(failure.exitCode);
  });
}

// Not a top-level await: the bundler keeps its chunk optimizations (merging shared chunks, and code the
// entry already loaded) only when no module awaits at the top level.
void main(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
