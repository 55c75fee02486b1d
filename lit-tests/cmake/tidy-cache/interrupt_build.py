# interrupt_build.py - Ctrl-C in the middle of a parallel build: SIGINT to its process group once the cache holds an entry
# SPDX-License-Identifier: Apache-2.0
"""Usage: interrupt_build.py CACHE-DIR BUILD-COMMAND...

Starts the build in a process group of its own, waits until the findings
cache holds its first entry (so analyses are under way), sends SIGINT to the
whole group as a terminal's Ctrl-C does, and reports whether the build was
still running then (it must be, for the test to mean anything)."""
import glob, os, signal, subprocess, sys, time

cache, cmd = sys.argv[1], sys.argv[2:]
build = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
deadline = time.time() + 600
while time.time() < deadline and build.poll() is None:
    if glob.glob(os.path.join(cache, "*", "*.entry")):
        break
    time.sleep(0.05)
running = build.poll() is None
if running:
    os.killpg(build.pid, signal.SIGINT)
build.wait()
print("interrupted while running: %s" % ("yes" if running else "no"))
print("entries: %d" % len(glob.glob(os.path.join(cache, "*", "*.entry"))))
