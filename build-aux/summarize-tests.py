#!/usr/bin/env python3
"""Count meson's real results (testlog.json) into one plain line.

Each TAP test executable reports its subtests to meson; a meson test passes
only when every subtest did. Skipped tests are counted apart, never as
passes. Usage: summarize-tests.py TESTLOG.json [MORE.json...] [--quiet]
"""
import json
import sys

passed = failed = skipped = 0
quiet = '--quiet' in sys.argv
for path in (a for a in sys.argv[1:] if a != '--quiet'):
    try:
        with open(path, encoding='utf-8') as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get('result')
                if result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                elif result == 'SKIP':
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        print(f'{path}: no test log; counting the run as failed', file=sys.stderr)
        failed += 1

if quiet:
    print(f'{passed} {failed} {skipped}')
else:
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
sys.exit(1 if failed else 0)
