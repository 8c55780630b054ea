#!/usr/bin/env python3
# test-a11y.py: every control a person can reach or press has a name a
# screen reader can speak.
#
# Starts a11y-tour (the app's screens, one after another) on the
# accessibility bus, reads each screen through AT-SPI as Orca would, and
# fails listing every focusable or actionable control whose name is empty
# or only a widget type ("GtkImage").
#
#   test-a11y.py PATH/TO/a11y-tour
#
# Copyright 2026 The Publicador authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import time

import pyatspi

TYPE_NAME = re.compile(r'^(Gtk|Adw|Pub|Gdk)[A-Z][A-Za-z]*$')
# GTK 4.8 reads a mnemonic button's label raw, then its text again:
# "_Omitir Omitir".
MNEMONIC = re.compile(r'(^|\s)_\w')

# Roles a person operates. Containers that merely take focus to pass it
# on (a list, a scrolled window) are named by what they hold.
CONTROL_ROLES = {
    getattr(pyatspi, 'ROLE_' + name)
    for name in ('PUSH_BUTTON', 'TOGGLE_BUTTON', 'CHECK_BOX', 'RADIO_BUTTON',
                 'COMBO_BOX', 'ENTRY', 'PASSWORD_TEXT', 'SPIN_BUTTON', 'LINK',
                 'SLIDER', 'MENU_ITEM', 'LIST_ITEM', 'TEXT', 'MENU', 'PAGE_TAB',
                 'TREE_ITEM', 'TABLE_CELL', 'SWITCH', 'PUSH_BUTTON_MENU')
    # Not every pyatspi knows every role.
    if hasattr(pyatspi, 'ROLE_' + name)
}


def find_app(pid, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    return None


def n_actions(acc):
    try:
        return acc.queryAction().nActions
    except NotImplementedError:
        return 0
    except Exception:
        return 0


def describe_path(acc):
    parts = []
    node = acc.parent
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        if node.name:
            parts.append('%s “%s”' % (node.getRoleName(), node.name))
            if len(parts) == 2:
                break
        node = node.parent
    return ' in '.join(parts) if parts else 'at the top'


def walk(acc, problems, seen, index_path=()):
    if acc is None or len(index_path) > 60:
        return
    try:
        states = acc.getState()
        role = acc.getRole()
        name = acc.name or ''
    except Exception:
        return
    # GTK 4.8 sets no "showing" state: whatever is visible counts, hidden
    # stack pages included, as they are one click away.
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    operable = (states.contains(pyatspi.STATE_FOCUSABLE) or n_actions(acc) > 0)
    # Greyed-out controls too: a screen reader reads them all the same.
    if role in CONTROL_ROLES and (operable or not states.contains(pyatspi.STATE_SENSITIVE)):
        if not name.strip() or TYPE_NAME.match(name.strip()) or MNEMONIC.search(name):
            # Each control once, though every screen shows the main window.
            key = (index_path, role, name)
            if key not in seen:
                seen.add(key)
                problems.append('%s named “%s” %s' % (acc.getRoleName(), name, describe_path(acc)))
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, problems, seen, index_path + (i,))


def main():
    tour = sys.argv[1]
    env = dict(os.environ)
    # The other UI tests keep GTK off the accessibility bus; this one is
    # about what it says there.
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    proc = subprocess.Popen([tour], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env, text=True)
    report = []
    seen = set()
    screens = 0
    try:
        app = None
        for line in proc.stdout:
            line = line.strip()
            if line == 'END':
                break
            if not line.startswith('SCREEN '):
                continue
            screen = line.split(' ', 1)[1]
            if app is None:
                app = find_app(proc.pid)
                if app is None:
                    print('Bail out! the app never showed on the accessibility bus')
                    return 1
            problems = []
            for i in range(app.childCount):
                window = app.getChildAtIndex(i)
                walk(window, problems, seen, ((window.name or ''), i))
            screens += 1
            print('# %s: %d unnamed control(s)' % (screen, len(problems)))
            for p in problems:
                report.append('%s: %s' % (screen, p))
            proc.stdin.write('next\n')
            proc.stdin.flush()
    finally:
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
        proc.wait(timeout=30)

    print('1..1')
    if screens < 9:
        print('not ok 1 - only %d of 9 screens were shown' % screens)
        return 1
    if report:
        print('not ok 1 - %d control(s) without a name a screen reader can speak' % len(report))
        for p in report:
            print('#   ' + p)
        return 1
    print('ok 1 - every control on %d screens has a name' % screens)
    return 0


if __name__ == '__main__':
    sys.exit(main())
