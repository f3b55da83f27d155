# Runs a command and prints the peak resident memory of it (its largest child), in KB. Used by bench/run.js.
import resource, subprocess, sys
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if result.returncode != 0:
    sys.stderr.write(result.stderr.decode("utf8", "replace"))
    sys.exit(result.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
