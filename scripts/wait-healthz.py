"""Waits for a freshly started server: exits 0 once URL answers 200, 1 (saying why) when the
process PID exits first or SECONDS pass. Used by the scripts that start a demo server
(Tests/Browser/run.sh, scripts/schemathesis.sh).
usage: python3 scripts/wait-healthz.py URL PID SECONDS"""
import os
import sys
import time
import urllib.request

url, pid, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("the server process exited during start-up")
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit("no answer from %s within %ds" % (url, seconds))
