#!/usr/bin/env python3
"""Checks the development profile, without building the program.

Usage: check-profile.py SOURCE_DIR WORK_DIR

1. flatpak/<app id>.Devel.json is flatpak/<app id>.json with only the id
   changed and -Dprofile=development added to the application's module (so
   the two cannot drift apart: a module or permission added to one must be
   added to the other).
2. `meson setup -Dprofile=development` in WORK_DIR, then builds only the
   data files (fast), and checks that config.h, the desktop file, the
   metainfo, the settings schema and the installed icons carry the .Devel
   id, with the striped icon and a settings path of its own.
Prints one line per check; exits non-zero when one fails.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

APP_ID = 'io.github.secretariat.Secretariat'
DEVEL_ID = APP_ID + '.Devel'
failures = 0


def check(what, ok):
    global failures
    print(('ok: ' if ok else 'FAIL: ') + what, flush=True)
    if not ok:
        failures += 1


def main():
    source, work = sys.argv[1:]
    with open(os.path.join(source, 'flatpak', APP_ID + '.json'), encoding='utf-8') as f:
        stable = json.load(f)
    with open(os.path.join(source, 'flatpak', DEVEL_ID + '.json'), encoding='utf-8') as f:
        devel = json.load(f)
    expected = json.loads(json.dumps(stable))
    expected['id'] = DEVEL_ID
    app_module = expected['modules'][-1]
    app_module['config-opts'] = app_module.get('config-opts', []) + ['-Dprofile=development']
    check('the .Devel manifest is the stable one with only its id and -Dprofile=development changed',
          devel == expected)

    build = os.path.join(work, 'profile-development')
    shutil.rmtree(build, ignore_errors=True)
    setup = subprocess.run(['meson', 'setup', build, source, '-Dprofile=development'],
                           capture_output=True, text=True)
    check('meson setup -Dprofile=development', setup.returncode == 0)
    if setup.returncode != 0:
        print(setup.stdout[-3000:], setup.stderr[-3000:], file=sys.stderr)
        return 1
    targets = ['data/%s.desktop' % DEVEL_ID, 'data/%s.metainfo.xml' % DEVEL_ID,
               'data/%s.gschema.xml' % DEVEL_ID, 'data/gschemas.compiled']
    built = subprocess.run(['ninja', '-C', build] + targets, capture_output=True, text=True)
    check('the .Devel data files build', built.returncode == 0)
    if built.returncode != 0:
        print(built.stdout[-3000:], built.stderr[-3000:], file=sys.stderr)
        return 1

    with open(os.path.join(build, 'config.h'), encoding='utf-8') as f:
        config = f.read()
    check('config.h: APPLICATION_ID and SETTINGS_SCHEMA_ID are %s, DEVELOPMENT_BUILD 1' % DEVEL_ID,
          '#define APPLICATION_ID "%s"' % DEVEL_ID in config and
          '#define SETTINGS_SCHEMA_ID "%s"' % DEVEL_ID in config and
          re.search(r'#define DEVELOPMENT_BUILD 1\b', config) is not None)
    with open(os.path.join(build, 'data', DEVEL_ID + '.desktop'), encoding='utf-8') as f:
        desktop = f.read()
    check('the desktop file names the .Devel icon', 'Icon=%s\n' % DEVEL_ID in desktop)
    metainfo = ET.parse(os.path.join(build, 'data', DEVEL_ID + '.metainfo.xml')).getroot()
    check('the metainfo has the .Devel id and launchable',
          metainfo.findtext('id') == DEVEL_ID and
          metainfo.findtext('launchable') == DEVEL_ID + '.desktop')
    schema = ET.parse(os.path.join(build, 'data', DEVEL_ID + '.gschema.xml')).getroot().find('schema')
    check('the settings schema is %s at /io/github/secretariat/Secretariat/Devel/' % DEVEL_ID,
          schema.get('id') == DEVEL_ID and schema.get('path') == '/io/github/secretariat/Secretariat/Devel/')
    listed = subprocess.run(['gsettings', '--schemadir', os.path.join(build, 'data'), 'list-keys', DEVEL_ID],
                            capture_output=True, text=True, env=dict(os.environ, GSETTINGS_BACKEND='memory'))
    check('the compiled schemas hold the .Devel schema with its keys',
          listed.returncode == 0 and 'last-database' in listed.stdout.split())

    installed = json.loads(subprocess.run(['meson', 'introspect', '--installed', build],
                                          capture_output=True, text=True, check=True).stdout)
    icons = {os.path.basename(src): dest for src, dest in installed.items() if '/icons/' in dest}
    check('the striped icon is installed as %s.svg' % DEVEL_ID,
          icons.get(DEVEL_ID + '.svg', '').endswith('/scalable/apps/%s.svg' % DEVEL_ID))
    check('the symbolic icon is installed as %s-symbolic.svg' % DEVEL_ID,
          any(dest.endswith('/symbolic/apps/%s-symbolic.svg' % DEVEL_ID) for dest in icons.values()))
    shutil.rmtree(build, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
