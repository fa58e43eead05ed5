#!/usr/bin/python3
"""a11y-walk.py: what a screen reader finds in a running Secretariat.

Usage: a11y-walk.py PID [LABEL [WINDOW]]

Walks every window of the process PID over AT-SPI (the accessibility bus
the process registered with) and prints one line per control a screen reader
could not name: a button, toggle, check box, image, entry, cell, list row or
link whose accessible name is empty or only its widget type ("GtkImage"),
or that reads a mnemonic's underscore ("I_nvite… Invite…") or its name
twice ("1. Opening 1. Opening"). Hidden stack
pages are walked too: a control must have a name before it is shown.
With WINDOW, only the window of that title is walked.
Exits 0 when it found nothing, 1 when it found something, 2 when it could
not find the process on the bus.

tests/ui/test-a11y.c runs it against itself at each step it takes.
"""
import re
import sys
import time

import pyatspi

CHECKED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_IMAGE, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_LINK,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_TABLE_ROW,
}
# What GTK 4.8 reports when a widget has no name of its own.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Sec)[A-Z][A-Za-z]*$')
# One underscore before a letter: a mnemonic read out ("I_nvite").
MNEMONIC = re.compile(r'(?<![_\w])\w*(?<!_)_(?!_)\w')


def find_app(pid, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def problem_of(node):
    role = node.getRole()
    if role not in CHECKED_ROLES:
        return None
    name = node.name or ''
    if name.strip() == '' or TYPE_NAME.match(name):
        # A table cell or row that holds a named control is named through it.
        if role in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW) \
                and node.childCount > 0:
            return None
        return 'no name'
    if MNEMONIC.search(name):
        return 'reads its mnemonic'
    if reads_twice(name):
        return 'reads its name twice'
    return None


def reads_twice(name):
    """True for "1. Opening 1. Opening" or "09:30, Lunch Lunch": a label
    and the widget it labels, both read (GTK 4.8)."""
    for i, c in enumerate(name):
        if c == ' ':
            head, tail = name[:i], name[i + 1:]
            if len(tail) >= 3 and (head == tail or head.endswith(' ' + tail)):
                return True
    return False


def walk(node, trail, out):
    try:
        role = node.getRoleName()
        name = node.name or ''
    except Exception:
        return
    here = trail + [f'{role} “{name}”' if name and not TYPE_NAME.match(name) else role]
    problem = problem_of(node)
    if problem:
        out.append(f'{problem}: ' + ' > '.join(here[-6:]))
    try:
        n = node.childCount
    except Exception:
        return
    for i in range(n):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, here, out)


def main():
    pid = int(sys.argv[1])
    label = sys.argv[2] if len(sys.argv) > 2 else ''
    only = sys.argv[3] if len(sys.argv) > 3 else None
    start = time.monotonic()
    app = find_app(pid)
    if app is None:
        print(f'a11y-walk: process {pid} is not on the accessibility bus', file=sys.stderr)
        return 2
    problems = []
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and (only is None or window.name == only):
            walk(window, [], problems)
    seen = set()
    for p in problems:
        if p not in seen:
            seen.add(p)
            print(f'{label}: {p}' if label else p)
    print(f'a11y-walk: {label or "all"}: {len(seen)} problems ({time.monotonic() - start:.1f} s)',
          file=sys.stderr)
    return 1 if seen else 0


if __name__ == '__main__':
    sys.exit(main())
