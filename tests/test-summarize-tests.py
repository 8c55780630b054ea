#!/usr/bin/env python3
"""build-aux/summarize-tests.py counts subtests from the TAP output, never a
skip as a pass, a skip in the integration suite as a failure, and refuses
logs left from an earlier run.

Usage: test-summarize-tests.py SUMMARIZE-TESTS.py
"""
import json
import os
import subprocess
import sys
import tempfile
import time

script = sys.argv[1]
status = 0


def entry(name, result, stdout=None, starttime=None):
    e = {'name': name, 'result': result, 'returncode': 0 if result == 'OK' else 1,
         'starttime': starttime if starttime is not None else time.time()}
    if stdout is not None:
        e['stdout'] = stdout
    return e


def run(entries, *extra, logs=None):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, group in enumerate(entries):
            path = os.path.join(tmp, f'log{i}.json')
            with open(path, 'w', encoding='utf-8') as log:
                for e in group:
                    log.write(json.dumps(e) + '\n')
            paths.append(path)
        args = [sys.executable, script, '--quiet', *extra, *paths, *(logs or [])]
        done = subprocess.run(args, capture_output=True, text=True)
        return tuple(int(n) for n in done.stdout.split()), done.returncode


def check(what, got, expected):
    global status
    if got != expected:
        print(f'not ok - {what}: got {got}, expected {expected}')
        status = 1
    else:
        print(f'ok - {what}')


ONE_SKIP = '1..3\nok 1 /a\nok 2 /b # SKIP no activity plugin\nok 3 /c\n'

print('1..9')
check('a skipped subtest among passes is a skip, not a pass',
      run([[entry('publicador:unit+core / x', 'OK', ONE_SKIP)]]), ((2, 0, 1), 0))
check('in the integration suite it is a failure',
      run([[entry('publicador:integration / x-real', 'OK', ONE_SKIP)]]), ((2, 1, 0), 1))
check('subtests a crash kept from reporting are failures',
      run([[entry('publicador:unit / y', 'ERROR', '1..4\nok 1 /a\nok 2 /b\n')]]), ((2, 2, 0), 1))
check('a failing subtest counts once, not twice with the executable',
      run([[entry('publicador:unit / z', 'FAIL', '1..2\nok 1 /a\nnot ok 2 /b\n')]]), ((1, 1, 0), 1))
check('GLib\'s incomplete (a TODO directive) is not a pass',
      run([[entry('publicador:unit / t', 'OK', '1..2\nok 1 /a\nnot ok 2 /b # TODO later\n')]]),
      ((1, 0, 1), 0))
check('logs without TAP count by result',
      run([[entry('fuzz', 'OK'), entry('publicador:data / po', 'FAIL', 'msgfmt: error\n')]]),
      ((1, 1, 0), 1))
check('a missing log fails the run',
      run([[entry('publicador:unit / a', 'OK', '1..1\nok 1 /a\n')]], logs=['/nonexistent/testlog.json']),
      ((1, 1, 0), 1))
check('a log from before --since fails the run',
      run([[entry('publicador:unit / a', 'OK', '1..1\nok 1 /a\n', starttime=time.time() - 3600)]],
          '--since', str(time.time() - 60)), ((0, 1, 0), 1))
with tempfile.TemporaryDirectory() as tmp:
    old = os.path.join(tmp, 'old.json')
    with open(old, 'w', encoding='utf-8') as log:
        log.write(json.dumps(entry('publicador:unit / a', 'OK', '1..1\nok 1 /a\n')) + '\n')
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    stamp = os.path.join(tmp, 'stamp')
    open(stamp, 'w').close()
    check('a log file older than the run\'s stamp fails the run', run([], '--since', stamp, logs=[old]),
          ((0, 1, 0), 1))
sys.exit(status)
