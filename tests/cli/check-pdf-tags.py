#!/usr/bin/python3
"""check-pdf-tags.py: every kind of PDF document Secretariat writes, made
from the demo data with the command line, read back with pikepdf (an
independent reader, on qpdf) and checked for what a tagged PDF promises
(see "Documents everyone can read" in README.md):
 - tagged: /MarkInfo /Marked true and a structure tree;
 - a /Lang, a title shown as the window's (DisplayDocTitle), fonts embedded;
 - headings in order: an H1 first, no level skipped;
 - each table has header cells (TH with their /Scope), so a table split
   across pages is one table (its repeated header is an artifact);
 - no text outside the structure that is not an artifact: each text
   operator of each page is inside marked content whose MCID the parent
   tree maps to a structure element, or inside an /Artifact;
 - the empty boxes of the attendance sheet's signature column say what
   they are (/Alt), and a name in Greek is tagged /Lang el;
 - every e-mail or web address in the text is a Link element holding its
   link annotation (an OBJR whose annotation's /StructParent leads back
   to the Link), and every link annotation is in the structure;
 - a list (a statement's commitments) is an L of LI items, each with a
   Lbl and an LBody;
 - pdftotext reads the first heading before the first table's header;
 - qpdf --check finds nothing to warn about and poppler's pdfinfo reads
   it (the incremental update that finishes the file has its
   cross-references right), and the update was made, not the whole-file
   pass it falls back on; the same documents made from cairo's file in
   the stream form (cairo 1.18's: SEC_DOCUMENT_FINISH=stream) and by the
   whole-file pass (SEC_DOCUMENT_FINISH=whole) keep every promise.
Then the same checks must fail on the same document made untagged
(SEC_DOCUMENT_UNTAGGED=1, the benchmark's switch): the check can fail."""
import os
import re
import subprocess
import sys
import tempfile

import pikepdf
from pikepdf import Name

PROGRAM = os.environ["SECRETARIAT"]
failures = 0


def check(condition, what):
    global failures
    if not condition:
        failures += 1
        print("not ok:", what)
    return condition


def run(db, *args, env=None):
    return subprocess.run([PROGRAM, "--database", db, *args], capture_output=True, text=True,
                          env=env)


def name_of(obj):
    s = obj.get("/S")
    return str(s)[1:] if isinstance(s, Name) else None


def elements(node, out):
    """The structure elements under node, depth first (reading order)."""
    kids = node.get("/K")
    if kids is None:
        return out
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            out.append(kid)
            elements(kid, out)
    return out


def parent_tree(root):
    """{StructParents: [element or None by MCID]} from the number tree."""
    result = {}

    def walk(node):
        nums = node.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums), 2):
                result[int(nums[i])] = nums[i + 1]
        for kid in node.get("/Kids", []):
            walk(kid)

    tree = root.get("/StructTreeRoot")
    if tree is not None and "/ParentTree" in tree:
        walk(tree.ParentTree)
    return result


TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
ADDRESS = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]|[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def kids_of(elem):
    kids = elem.get("/K")
    if kids is None:
        return []
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    return [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def font_embedded(font):
    if font.get("/Subtype") == Name.Type0:
        font = font.DescendantFonts[0]
    if font.get("/Subtype") == Name.Type3:
        return True
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


# The documents read stay open: the elements problems() returns belong to
# their file, and newer pikepdf refuses objects of a file it has closed.
opened = []


def problems(path):
    """What the PDF at path breaks of the promises, as sentences."""
    found = []
    pdf = pikepdf.open(path)
    opened.append(pdf)
    root = pdf.Root
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)) or "/StructTreeRoot" not in root:
        found.append("untagged")
    if not str(root.get("/Lang", "")):
        found.append("no /Lang")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        found.append("the title is not shown (DisplayDocTitle)")
    if not str(pdf.docinfo.get("/Title", "")):
        found.append("no title")

    elems = elements(root.StructTreeRoot, []) if "/StructTreeRoot" in root else []
    level = 0
    for e in elems:
        n = name_of(e)
        if n in ("H1", "H2", "H3", "H4", "H5", "H6"):
            new = int(n[1])
            if new > level + 1:
                found.append(f"heading {n} after H{level}")
            level = new
        if n == "Private":
            found.append("a Private element left in the tree")
        if n == "Table":
            cells = [c for c in elements(e, []) if name_of(c) == "TH"]
            if not cells:
                found.append("a table without TH")
            for c in cells:
                if "/A" not in c or "/Scope" not in c.A:
                    found.append("a TH without /Scope")
                    break

    for e in elems:
        n = name_of(e)
        if n == "L":
            items = [k for k in kids_of(e)]
            if not items or any(name_of(i) != "LI" for i in items):
                found.append("a list whose kids are not LI")
            for i in items:
                if sorted(name_of(k) for k in kids_of(i)) != ["LBody", "Lbl"]:
                    found.append("a list item without its Lbl and LBody")
                    break

    parents = parent_tree(root)
    link_uris = set()
    for e in elems:
        if name_of(e) != "Link":
            continue
        objrs = [k for k in (e.K if isinstance(e.K, pikepdf.Array) else [e.K])
                 if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.OBJR]
        annots = [o.Obj for o in objrs if o.Obj.get("/Subtype") == Name.Link]
        if not annots:
            found.append("a Link element without its annotation")
            continue
        for a in annots:
            back = parents.get(int(a.get("/StructParent", -1)))
            if back is None or back.objgen != e.objgen:
                found.append("a link annotation whose /StructParent is not its Link")
            link_uris.add(str(a.A.URI))
    for number, page in enumerate(pdf.pages, 1):
        for a in page.get("/Annots", []):
            if a.get("/Subtype") == Name.Link and "/StructParent" not in a:
                found.append(f"page {number}: a link annotation outside the structure")
    # Each address pdftotext reads (on one line) is the start of a link's.
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    addresses = {u[len("mailto:"):] if u.startswith("mailto:") else u for u in link_uris}
    for address in ADDRESS.findall(text):
        if not any(a.startswith(address) for a in addresses):
            found.append(f"the address {address} is no link")
            break
    for number, page in enumerate(pdf.pages, 1):
        for name, font in (page.Resources.get("/Font") or {}).items():
            if not font_embedded(font):
                found.append(f"page {number}: font {name} not embedded")
        mapping = parents.get(int(page.obj.get("/StructParents", -1)))
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                tag = str(operands[0])
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append((tag, None if mcid is None else int(mcid)))
            elif op == "BMC":
                stack.append((str(operands[0]), None))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in TEXT_OPERATORS:
                if any(tag == "/Artifact" for tag, _ in stack):
                    continue
                inner = [m for _, m in stack if m is not None]
                ok = bool(inner) and mapping is not None and inner[-1] < len(mapping) and \
                    isinstance(mapping[inner[-1]], pikepdf.Dictionary)
                if not ok:
                    found.append(f"page {number}: text outside the structure, not an artifact")
                    break
    return found, elems


def last_section(path):
    """How the file ends: the number of sections (%%EOF markers: cairo's
    and the update's) and whether the last cross-references are a stream."""
    with open(path, "rb") as f:
        data = f.read()
    at = data.rindex(b"startxref")
    offset = int(data[at + len(b"startxref"):].split()[0])
    stream = re.match(rb"\d+ \d+ obj\s*<<[^>]*/Type\s*/XRef", data[offset:offset + 200]) is not None
    return data.count(b"%%EOF"), stream


def poppler_reads(path, kind):
    """A second reader, poppler's (not qpdf's), takes the file without a
    syntax error: it found a broken trailer that qpdf read past."""
    r = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    check(r.returncode == 0 and "Tagged:          yes" in r.stdout and "rror" not in r.stderr,
          f"{kind}: pdfinfo: {r.stderr[-300:]}")


def made_and_read(db, args, path, label, env=None):
    """The document exported to path and checked for every general promise;
    its structure elements, or None when it was not made."""
    r = run(db, *args, "--output", path, env=env)
    if not check(r.returncode == 0, f"{label}: {r.stderr}"):
        return None
    found, elems = problems(path)
    check(not found, f"{label}: {sorted(set(found))}")
    # The file as written, not as a reader repairs it: qpdf warns (and
    # pikepdf would quietly rebuild) a cross-reference that is off.
    q = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    check(q.returncode == 0, f"{label}: qpdf --check: {q.stdout[-300:]} {q.stderr[-300:]}")
    poppler_reads(path, label)
    return elems


def cells_with(elems, key, value=None):
    return [e for e in elems if name_of(e) in ("TD", "TH", "P")
            and key in e and (value is None or str(e[key]) == value)]


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "demo.db")
    check(run(db, "demo").returncode == 0, "demo data")
    exports = {
        "agenda": ["export", "agenda", "-m", "3"],
        "agenda-internal": ["export", "agenda-internal", "-m", "3"],
        "participants": ["export", "participants", "-m", "3", "--group-by", "country"],
        "attendance": ["export", "attendance", "-m", "3"],
        "pack": ["export", "pack", "-m", "3", "--language", "fr"],
        "minutes": ["export", "minutes", "-m", "2", "--language", "de"],
        "minutes-internal": ["export", "minutes-internal", "-m", "2"],
        "applications": ["export", "applications", "--call", "2"],
        "selection-report": ["export", "selection-report", "--call", "2"],
        "statement": ["export", "statement", "--statement", "2"],
        "monitoring": ["export", "monitoring", "--statement", "2"],
        "action-points": ["export", "action-points"],
        "portfolio": ["export", "portfolio"],
        "privacy-export": ["privacy", "export", "--person", "1"],
        "privacy-record": ["privacy", "record"],
        # Drawn outside the page engine's layout, tagged the same way.
        "badges": ["export", "badges", "-m", "3"],
        "table-cards": ["export", "table-cards", "-m", "3", "--language", "de"],
    }
    for kind, args in exports.items():
        path = os.path.join(tmp, kind + ".pdf")
        elems = made_and_read(db, args, path, kind)
        if elems is None:
            continue
        # The fast way was taken: cairo's file with an update after it, not
        # the whole-file pass it falls back on.
        sections, _ = last_section(path)
        check(sections >= 2, f"{kind}: an incremental update ({sections} sections)")
        check(any(name_of(e) == "H1" for e in elems), f"{kind}: an H1")
        document = pikepdf.open(path)
        lang = str(document.Root.get("/Lang", ""))
        want = {"pack": "fr", "minutes": "de", "table-cards": "de"}.get(kind, "en")
        check(lang == want, f"{kind}: /Lang {lang}, not {want}")
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
        check(len(text.strip()) > 0, f"{kind}: pdftotext reads text")
        if kind == "attendance":
            # The signature column, the last: a box left empty on each row.
            rows = [e for e in elems if name_of(e) == "TR"
                    and all(name_of(c) == "TD" for c in elements(e, []))]
            last = [elements(r, [])[-1] for r in rows]
            check(len(rows) > 1 and all(str(c.get("/Alt", "")) == "Signature" for c in last),
                  f"attendance: the {len(rows)} signature boxes have /Alt Signature")
        if kind == "participants" and any("\u0370" <= ch <= "\u03ff" for ch in text):
            check(cells_with(elems, "/Lang", "el"), "participants: a Greek name is tagged /Lang el")
        if kind in ("pack", "monitoring"):
            # An online address, contacts; sources of evidence.
            check(any(name_of(e) == "Link" for e in elems), f"{kind}: a Link")
        if kind == "statement":
            check(any(name_of(e) == "L" for e in elems), "statement: the commitments are a list (L)")
        if kind == "agenda":
            # The reading order: the meeting's heading before the table's header.
            first_h1 = text.find("Agenda")
            first_th = text.find("Time")
            check(0 <= first_h1 < first_th, f"agenda: pdftotext order {first_h1} < {first_th}")
        if kind in ("badges", "table-cards"):
            # A Sect per badge or card, the name its H1; a card's back (the
            # same text upside down) is an artifact, not read twice.
            sects = [e for e in elems if name_of(e) == "Sect"]
            h1 = [e for e in elems if name_of(e) == "H1"]
            check(len(sects) > 1 and len(h1) == len(sects),
                  f"{kind}: {len(sects)} Sect, {len(h1)} H1")
            if kind == "table-cards":
                check(len(sects) == len(document.pages),
                      f"table-cards: a Sect per card ({len(sects)}, {len(document.pages)} pages)")

    # Both forms of cairo's file (cairo 1.16's cross-reference table here,
    # cairo 1.18's stream of Debian 13 and the Flatpak, given by a rewrite
    # of cairo's file) and the whole-file pass that the finishing falls back
    # on keep the same promises.
    for how in ("stream", "whole"):
        env = dict(os.environ, SEC_DOCUMENT_FINISH=how)
        for kind in ("agenda", "attendance", "pack", "statement", "badges"):
            path = os.path.join(tmp, f"{kind}-{how}.pdf")
            if made_and_read(db, exports[kind], path, f"{kind} ({how})", env) is None:
                continue
            sections, stream = last_section(path)
            if how == "stream":
                check(sections >= 2 and stream,
                      f"{kind} (stream): an update ending in a cross-reference stream ({sections}, {stream})")
            else:
                check(sections == 1, f"{kind} (whole): one section ({sections})")

    # The check can fail: the same documents untagged break the promises.
    env = dict(os.environ, SEC_DOCUMENT_UNTAGGED="1")
    for kind in ("agenda", "attendance", "badges", "pack"):
        path = os.path.join(tmp, kind + "-untagged.pdf")
        r = run(db, *exports[kind], "--output", path, env=env)
        check(r.returncode == 0, f"{kind} untagged: {r.stderr}")
        found, _ = problems(path)
        for promise in ("untagged", "no /Lang"):
            check(promise in found, f"{kind} untagged: the check finds '{promise}' ({found})")
        check(any("text outside the structure" in f for f in found),
              f"{kind} untagged: the check finds text outside the structure")
        if kind == "pack":
            check(any("is no link" in f for f in found), f"pack untagged: the check finds an address that is no link ({found})")

print("ok" if failures == 0 else f"{failures} failures")
sys.exit(1 if failures else 0)
