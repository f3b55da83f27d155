# Time from starting a command in a pseudo-terminal (100x40) to the first appearance of a marker on
# its screen, in ms on stdout; exit 3 when the marker never shows. Used by bench/run.js.
import os, pty, sys, time, select, struct, fcntl, termios, signal
marker = sys.argv[1].encode()
cmd = sys.argv[2:]
start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    os.execvp(cmd[0], cmd)
buf = b""
while marker not in buf:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        break
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    buf += data
elapsed = (time.monotonic() - start) * 1000
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
if marker not in buf:
    sys.stderr.write(buf.decode("utf8", "replace")[-2000:])
    sys.exit(3)
print(f"{elapsed:.3f}")
