"""Runs a command with its standard error (with --stdout first: its standard
output instead) on a pseudo-terminal and prints what the terminal received
(escape sequences as \\e, carriage returns as \\r).
"""
import os, pty, subprocess, sys

master, slave = pty.openpty()
if sys.argv[1] == "--stdout":
    proc = subprocess.Popen(sys.argv[2:], stdout=slave, stderr=subprocess.DEVNULL)
else:
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
proc.wait()
text = data.decode(errors="replace").replace("\x1b", "\\e").replace("\r", "\\r\n")
sys.stdout.write(text)
