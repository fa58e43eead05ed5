#!/usr/bin/env python3
"""The current release's notes, from the merged metainfo, for the About window.

Usage: release-notes.py METAINFO VERSION OUTPUT

Writes OUTPUT as a GKeyFile:

    [Release]
    Version=0.1.0
    Notes=<p>…</p><ul><li>…</li></ul>
    Notes[fr]=…

Notes is the <description> of the <release> whose version is VERSION, in the
markup AdwAboutWindow's release-notes takes (p, ul, ol, li, em, code), and
Notes[LANG] the same with the translations i18n.merge_file put in (elements
with xml:lang follow the one they translate). g_key_file_get_locale_string ()
then picks the user's language. Fails when the metainfo has no such release:
a version without release notes is a mistake to catch at build time.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

LANG = '{http://www.w3.org/XML/1998/namespace}lang'
MARKUP = {'p', 'ul', 'ol', 'li', 'em', 'code'}


def text_of(element):
    """The element's content as markup: text and the inline em/code."""
    parts = [escape(element.text or '')]
    for child in element:
        if child.tag in ('em', 'code'):
            parts.append('<%s>%s</%s>' % (child.tag, text_of(child), child.tag))
        else:
            parts.append(text_of(child))
        parts.append(escape(child.tail or ''))
    return ' '.join(''.join(parts).split())


def groups(parent):
    """[(untranslated element, {lang: translated element})] in order."""
    out = []
    for child in parent:
        if child.tag not in MARKUP:
            continue
        lang = child.get(LANG)
        if lang is None:
            out.append((child, {}))
        elif out:
            out[-1][1][lang] = child
    return out


def languages(parent):
    return {e.get(LANG) for e in parent.iter() if e.get(LANG)}


def render(parent, lang):
    markup = []
    for element, translations in groups(parent):
        chosen = translations.get(lang, element) if lang else element
        if element.tag in ('ul', 'ol'):
            markup.append('<%s>%s</%s>' % (element.tag, render(element, lang), element.tag))
        else:
            markup.append('<%s>%s</%s>' % (element.tag, text_of(chosen), element.tag))
    return ''.join(markup)


def keyfile_value(text):
    return text.replace('\\', '\\\\').replace('\n', '\\n')


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    metainfo, version, output = sys.argv[1:]
    root = ET.parse(metainfo).getroot()
    for release in root.iter('release'):
        if release.get('version') == version:
            break
    else:
        sys.exit('%s: no <release version="%s">: add the release notes of this version' % (metainfo, version))
    description = release.find('description')
    if description is None or not groups(description):
        sys.exit('%s: the release %s has no <description>' % (metainfo, version))
    lines = ['[Release]', 'Version=' + version,
             'Notes=' + keyfile_value(render(description, None))]
    for lang in sorted(languages(description)):
        lines.append('Notes[%s]=%s' % (lang, keyfile_value(render(description, lang))))
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
