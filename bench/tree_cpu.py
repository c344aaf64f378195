#!/usr/bin/env python3
"""Runs a command and prints the CPU time (user + system, seconds) of its whole process tree to --out.

/usr/bin/time counts only the children a process waited for. `dotnet build` leaves its MSBuild worker nodes to exit
on their own, unwaited, so their CPU (and that of the compiler and the gate they started) is missing from its figure.
This process makes itself the subreaper of the tree: orphaned nodes are re-parented to it, it reaps every one of
them, and the kernel adds each reaped process's own and its reaped children's CPU to RUSAGE_CHILDREN.

    bench/tree_cpu.py --out FILE -- COMMAND [ARGS...]
"""
import ctypes
import os
import resource
import subprocess
import sys

PR_SET_CHILD_SUBREAPER = 36


def main(argv):
    if len(argv) < 4 or argv[0] != "--out" or argv[2] != "--":
        print("usage: bench/tree_cpu.py --out FILE -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    out, command = argv[1], argv[3:]
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("tree_cpu: prctl(PR_SET_CHILD_SUBREAPER) failed", file=sys.stderr)
        return 2
    status = subprocess.call(command)
    # Reap what the command left behind: orphans come to this process, and it waits until none is left.
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as f:
        f.write(f"{usage.ru_utime + usage.ru_stime:.2f}\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
