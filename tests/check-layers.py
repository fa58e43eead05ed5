#!/usr/bin/env python3
"""check-layers.py SOURCE_ROOT: the source tree's rules, read from #include lines.

1. Includes point down: a file in src/<folder>/ includes only headers of its
   own folder or of the folders ALLOWED names for it (lower layers, and lower
   features of the same layer).
2. No cycle: no two modules (a .c with its .h and its -private.h) include
   each other, directly or through others.
3. No GTK below the window: only src/ui/ and src/main.c include gtk.h or
   adwaita.h.
4. SQL only in the store, and SQLite only in its engine: only the files in
   ENGINE_FILES include sqlite3.h; only PG_ENGINE_FILES include libpq-fe.h
   (or any libpq header).
5. ICU only behind the transliteration helper: only ICU_FILES include
   <unicode/...> headers.

Prints every broken rule, one a line, and exits 1 if there was any.
"""

import pathlib
import re
import sys

CORE = ['core/base', 'core/store', 'core/meetings', 'core/calls',
        'core/statements', 'core/funding', 'core/documents', 'core/overview', 'core/import']
WORKFLOWS = ['core/meetings', 'core/calls', 'core/statements', 'core/funding']

# Which folders each folder may include, besides itself.
ALLOWED = {
    'core/base': [],
    'core/store': ['core/base'],
    'core/meetings': ['core/base', 'core/store'],
    'core/calls': ['core/base', 'core/store'],
    'core/statements': ['core/base', 'core/store'],
    'core/funding': ['core/base', 'core/store'],
    'core/import': ['core/base', 'core/store'],
    'core/documents': ['core/base', 'core/store'] + WORKFLOWS,
    # What needs attention reads every workflow.
    'core/overview': ['core/base', 'core/store'] + WORKFLOWS,
    'cli': CORE,
    'ui/widgets': CORE,
    'ui/meetings': CORE + ['ui/widgets'],
    'ui/calls': CORE + ['ui/widgets'],
    'ui/funding': CORE + ['ui/widgets'],
    # The statement tools reuse the calls' export dialog.
    'ui/statements': CORE + ['ui/widgets', 'ui/calls'],
    'ui/import': CORE + ['ui/widgets'],
    # The record page hosts each workflow's tools.
    'ui/records': CORE + ['ui/widgets', 'ui/meetings', 'ui/calls',
                          'ui/statements', 'ui/funding'],
    # The first page of the window: what needs attention.
    'ui/overview': CORE + ['ui/widgets'],
    'ui/shell': CORE + ['ui/widgets', 'ui/records', 'ui/overview', 'ui/funding', 'ui/import',
                        'ui/meetings'],
    # src/main.c; core/base for sec-memory.h: the allocators, set before the window starts.
    '': ['core/base', 'cli', 'ui/shell'],
}

# The store's engine line: the only files that may speak SQLite's C API.
ENGINE_FILES = {'core/store/sec-engine-sqlite.c', 'core/store/sec-engine-sqlite-backup.c',
                'core/store/sec-engine-sqlite-private.h'}
PG_ENGINE_FILES = {'core/store/sec-engine-pg.c', 'core/store/sec-engine-pg-notify.c', 'core/store/sec-engine-pg-schema.c',
                   'core/store/sec-engine-pg-stmt.c',
                   'core/store/sec-engine-pg-private.h'}
PG_HEADERS = {'libpq-fe.h', 'libpq-events.h', 'postgres_ext.h'}

# The only file that speaks ICU's C API (transliteration for search).
ICU_FILES = {'core/base/sec-translit.c'}

GTK_HEADERS = {'gtk/gtk.h', 'adwaita.h'}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def main():
    if sys.argv[1] == '--self-test':
        return self_test()
    return check(pathlib.Path(sys.argv[1]))


def check(top, quiet=False):
    root = top / 'src'
    problems = []
    graph = {}   # module -> set of modules it includes
    sources = sorted(p for p in root.rglob('*') if p.suffix in ('.c', '.h'))

    for path in sources:
        rel = path.relative_to(root).as_posix()
        folder = path.parent.relative_to(root).as_posix()
        folder = '' if folder == '.' else folder
        if folder not in ALLOWED:
            problems.append(f'src/{rel}: folder src/{folder}/ is not in '
                            'tests/check-layers.py: give it its place in ALLOWED')
            continue
        module = module_of(rel)
        graph.setdefault(module, set())
        text = path.read_text(encoding='utf-8')

        for kind, name in INCLUDE.findall(text):
            if kind == '<':
                if name in GTK_HEADERS and not (folder.startswith('ui') or folder == ''):
                    problems.append(f'src/{rel}: includes <{name}> below the window')
                if name == 'sqlite3.h' and rel not in ENGINE_FILES:
                    problems.append(f'src/{rel}: includes <sqlite3.h>; only the store\'s '
                                    'engine (' + ', '.join(sorted(ENGINE_FILES)) + ') may')
                if (name in PG_HEADERS or name.startswith('libpq/')) and rel not in PG_ENGINE_FILES:
                    problems.append(f'src/{rel}: includes <{name}>; only the PostgreSQL '
                                    'engine (' + ', '.join(sorted(PG_ENGINE_FILES)) + ') may')
                if name.startswith('unicode/') and rel not in ICU_FILES:
                    problems.append(f'src/{rel}: includes <{name}>; only '
                                    + ', '.join(sorted(ICU_FILES)) + ' may use ICU')
                continue
            if name == 'config.h':
                continue
            if '/' not in name:
                problems.append(f'src/{rel}: #include "{name}" does not name its folder')
                continue
            target_folder = name.rsplit('/', 1)[0]
            if not (root / name).exists() and not name.endswith('-resources.h'):
                problems.append(f'src/{rel}: #include "{name}": no such file')
            if target_folder != folder and target_folder not in ALLOWED[folder]:
                problems.append(f'src/{rel}: includes "{name}", but src/{folder or "."}/ '
                                f'may not use src/{target_folder}/')
            target = module_of(name)
            if target != module:
                graph[module].add(target)

    problems += find_cycles(graph)
    if not quiet:
        for p in problems:
            print(p)
        print(f'{len(sources)} files checked, {len(problems)} problems')
    return problems


def self_test():
    """Each rule, broken once in a small tree, is reported; a clean tree is not."""
    import tempfile
    cases = {
        'clean': ({}, 0),
        'upward': ({'core/store/sec-a.c': '#include "ui/shell/sec-w.h"'}, 1),
        'sibling': ({'core/calls/sec-c.c': '#include "core/meetings/sec-m.h"'}, 1),
        'cycle': ({'core/base/sec-x.c': '#include "core/base/sec-y.h"',
                   'core/base/sec-y.c': '#include "core/base/sec-x.h"'}, 1),
        'gtk': ({'core/base/sec-x.c': '#include <gtk/gtk.h>'}, 1),
        'sqlite': ({'core/store/sec-a.c': '#include <sqlite3.h>'}, 1),
        'libpq': ({'core/store/sec-a.c': '#include <libpq-fe.h>'}, 1),
        'icu': ({'core/store/sec-a.c': '#include <unicode/utrans.h>'}, 1),
        'no folder': ({'core/base/sec-x.c': '#include "sec-y.h"'}, 1),
        'unknown folder': ({'core/new/sec-n.c': ''}, 1),
    }
    base = {'core/base/sec-x.h': '', 'core/base/sec-y.h': '', 'core/store/sec-a.h': '',
            'core/meetings/sec-m.h': '', 'ui/shell/sec-w.h': '',
            'core/store/sec-engine-sqlite.c': '#include <sqlite3.h>',
            'core/store/sec-engine-pg.c': '#include <libpq-fe.h>',
            'ui/shell/sec-w.c': '#include <gtk/gtk.h>\n#include "core/base/sec-x.h"'}
    failed = 0
    for name, (files, expected) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            for rel, text in {**base, **files}.items():
                path = pathlib.Path(tmp) / 'src' / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text + '\n', encoding='utf-8')
            got = len(check(pathlib.Path(tmp), quiet=True))
        ok = got == expected
        failed += not ok
        print(f'{"ok" if ok else "FAIL"}: {name}: {got} problems, expected {expected}')
    return 1 if failed else 0


def module_of(path):
    """core/store/sec-store-private.h and sec-store.c are one module."""
    stem = path.rsplit('.', 1)[0]
    return stem[:-len('-private')] if stem.endswith('-private') else stem


def find_cycles(graph):
    """Each cycle in the module graph, once, as a problem line."""
    problems = []
    state = {}  # module -> 1 while on the stack, 2 when done
    stack = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                problems.append('include cycle: ' + ' -> '.join(cycle))
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    return problems


if __name__ == '__main__':
    result = main()
    sys.exit(1 if result else 0)
