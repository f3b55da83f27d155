#!/usr/bin/env python3
"""Run a command on a real pseudo-terminal, type scripted keys, and report what the screen received.

Usage: pty-run.py SCRIPT_JSON
SCRIPT_JSON is a JSON object:
  {"argv": [...], "env": {...}, "cwd": "...", "cols": 100, "rows": 40, "timeout": 20,
   "steps": [{"wait_for": "text", "timeout": 5}, {"send": "a"}, {"sleep": 0.5}, {"signal": "SIGTERM"},
             {"resize": [rows, cols]}]}
"send" strings may hold "\\r" for Enter and "\\u0003" for Ctrl-C. Output: one JSON object on stdout:
  {"output": "<everything the program wrote>", "exit": <code or 128+signal>, "timed_out": bool,
   "failed_wait": "<text not seen>" or null, "segments": [<the output split where the window was resized>],
   "tty": {"icanon": bool, "echo": bool} as left at the end}
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

def main():
    script = json.loads(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        if script.get("cwd"):
            os.chdir(script["cwd"])
        os.execvpe(script["argv"][0], script["argv"], script.get("env") or dict(os.environ))
    rows, cols = script.get("rows", 40), script.get("cols", 100)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    output = bytearray()
    deadline = time.time() + script.get("timeout", 20)
    failed_wait = None
    marks = []

    def pump(seconds):
        end = time.time() + seconds
        while True:
            left = end - time.time()
            if left <= 0:
                return True
            ready, _, _ = select.select([fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                output.extend(chunk)

    alive = True
    for step in script.get("steps", []):
        if not alive:
            break
        if "wait_for" in step:
            want = step["wait_for"].encode()
            end = time.time() + step.get("timeout", 5)
            start = len(output) if step.get("new_only") else 0
            while want not in output[start:] and time.time() < end and alive:
                alive = pump(0.05)
            if want not in output[start:]:
                failed_wait = step["wait_for"]
                break
        elif "send" in step:
            os.write(fd, step["send"].encode())
        elif "sleep" in step:
            alive = pump(step["sleep"])
        elif "resize" in step:
            # The kernel sends SIGWINCH to the program as a terminal emulator's resize does.
            new_rows, new_cols = step["resize"]
            marks.append(len(output))
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", new_rows, new_cols, 0, 0))
        elif "signal" in step:
            os.kill(pid, getattr(signal, step["signal"]))
    timed_out = False
    while alive:
        if time.time() > deadline:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            break
        alive = pump(0.1)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    code = 128 - code if code < 0 else code
    bounds = [0, *marks, len(output)]
    segments = [bytes(output[a:b]).decode("utf-8", "replace") for a, b in zip(bounds, bounds[1:])]
    # The terminal's line discipline as the program left it: a program killed in raw mode leaves it
    # without canonical input and echo, which the next command at that terminal would inherit.
    try:
        lflag = termios.tcgetattr(fd)[3]
        tty = {"icanon": bool(lflag & termios.ICANON), "echo": bool(lflag & termios.ECHO)}
    except termios.error:
        tty = None
    print(json.dumps({"output": output.decode("utf-8", "replace"), "exit": code, "timed_out": timed_out, "failed_wait": failed_wait, "segments": segments, "tty": tty}))

if __name__ == "__main__":
    main()
