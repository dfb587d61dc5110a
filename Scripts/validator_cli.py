"""The command line the export validators share (validate-fhir.py, validate-ics.py): check
each file named (or standard input for "-"), print one line a file, exit 0 when every file
passes, 1 when one does not, 2 without arguments."""
import sys


def run(paths, usage, read_binary, check, describe):
    """Runs `check(content) -> (problems, count)` on every path; `describe(count)` says what a
    valid file holds. A check that raises (a model rejecting the resource) is a problem too."""
    if not paths:
        print(usage, file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        if read_binary:
            content = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
        else:
            content = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        try:
            problems, count = check(content)
        except Exception as error:  # a model rejected the resource: print why
            problems, count = [f"{type(error).__name__}: {error}"], 0
        if problems:
            failed += 1
            for problem in problems:
                print(f"{path}: error: {problem}")
        else:
            print(f"{path}: {describe(count)}")
    return 1 if failed else 0
