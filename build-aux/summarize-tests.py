#!/usr/bin/env python3
"""Count meson's real results (testlog.json) into one plain line.

meson marks a TAP test SKIP only when every subtest skipped, so one skipped
subtest among passes would count as a pass. Here every subtest is counted
from the TAP output itself: "ok" passed, "not ok" failed, "# SKIP" (and
GLib's incomplete "# TODO") skipped, never passed. A plan with subtests
that never reported (a crash, a timeout), a "Bail out!", or an executable
that failed without a failing subtest, counts as failed too. Logs without
TAP output (other protocols, the fuzzers' result) count once, by result.

In the integration suite a skip is a failure: the real portal is there to
have every feature, and a missing one must not pass unnoticed.

A log that is missing, or older than --since (seconds since the epoch, or
a file whose modification time marks the start of the run), counts as a
failed run: an older run's counts are never reported as this one's.

Usage: summarize-tests.py [--quiet] [--since EPOCH|FILE] TESTLOG.json...
"""
import json
import os
import re
import sys

TAP_RESULT = re.compile(r'^(not )?ok\b\s*(\d+)?\s*-?\s*([^#]*?)\s*(?:#\s*(\w+)\b\s*(.*))?$')
TAP_PLAN = re.compile(r'^1\.\.(\d+)\s*(?:#\s*(\w+)\b\s*(.*))?$')


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.failures = []
        self.skips = []

    def fail(self, what):
        self.failed += 1
        self.failures.append(what)

    def skip(self, what, strict):
        if strict:
            self.fail(f'{what} (skipped in the integration suite)')
        else:
            self.skipped += 1
            self.skips.append(what)


def count_tap(entry, tally, strict):
    """Counts one executable's subtests; False when its output is not TAP."""
    name = entry.get('name', '?')
    lines = (entry.get('stdout') or '').splitlines()
    plan = None
    seen = 0
    failed_before = tally.failed
    for line in lines:
        line = line.rstrip()
        match = TAP_PLAN.match(line)
        if match:
            plan = int(match.group(1))
            if plan == 0 and (match.group(2) or '').upper() == 'SKIP':
                tally.skip(f'{name}: {match.group(3) or "skipped"}', strict)
                seen = None
            continue
        if line.startswith('Bail out!'):
            tally.fail(f'{name}: {line}')
            continue
        match = TAP_RESULT.match(line)
        if not match:
            continue
        seen += 1
        what = f'{name} {match.group(3) or match.group(2) or ""}'.rstrip()
        directive = (match.group(4) or '').upper()
        if directive in ('SKIP', 'TODO'):
            tally.skip(f'{what}: {match.group(5) or directive.lower()}', strict)
        elif match.group(1):
            tally.fail(what)
        else:
            tally.passed += 1
    if plan is None and seen == 0:
        return False
    if seen is not None and plan is not None and seen < plan:
        for number in range(seen + 1, plan + 1):
            tally.fail(f'{name}: subtest {number} of {plan} never reported (crash or timeout)')
    if entry.get('result') not in ('OK', 'EXPECTEDFAIL', 'SKIP') and tally.failed == failed_before:
        tally.fail(f'{name}: {entry.get("result")} (exit code {entry.get("returncode")})')
    return True


def is_integration(name):
    # "publicador:integration / publish-job-real", suites joined with "+".
    suites = name.split(' / ', 1)[0].split(':', 1)[-1]
    return 'integration' in suites.split('+')


def parse_since(value):
    if os.path.exists(value):
        return os.path.getmtime(value)
    return float(value)


def main(argv):
    quiet = False
    since = None
    paths = []
    args = iter(argv)
    for arg in args:
        if arg == '--quiet':
            quiet = True
        elif arg == '--since':
            since = parse_since(next(args))
        elif arg.startswith('--since='):
            since = parse_since(arg.split('=', 1)[1])
        else:
            paths.append(arg)

    tally = Tally()
    for path in paths:
        if not os.path.exists(path):
            print(f'{path}: no test log; counting the run as failed', file=sys.stderr)
            tally.fail(f'{path}: missing')
            continue
        if since is not None and os.path.getmtime(path) < since:
            print(f'{path}: left from an earlier run; counting this run as failed', file=sys.stderr)
            tally.fail(f'{path}: stale')
            continue
        with open(path, encoding='utf-8') as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                entry = json.loads(line)
                name = entry.get('name', '?')
                if since is not None and entry.get('starttime', since) < since:
                    tally.fail(f'{name}: started before this run')
                    continue
                strict = is_integration(name)
                if count_tap(entry, tally, strict):
                    continue
                result = entry.get('result')
                if result in ('OK', 'EXPECTEDFAIL'):
                    tally.passed += 1
                elif result == 'SKIP':
                    tally.skip(name, strict)
                else:
                    tally.fail(f'{name}: {result}')

    if quiet:
        print(f'{tally.passed} {tally.failed} {tally.skipped}')
    else:
        for what in tally.failures:
            print(f'FAILED  {what}', file=sys.stderr)
        for what in tally.skips:
            print(f'SKIPPED {what}', file=sys.stderr)
        line = f'{tally.passed} passed, {tally.failed} failed'
        if tally.skipped:
            line += f', {tally.skipped} skipped'
        print(line)
    return 1 if tally.failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
