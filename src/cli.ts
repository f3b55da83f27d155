// The process entry: everything real (argv, streams, env, clock) is handed to main() here.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
