#!/usr/bin/env python3
"""check-email-cli.py: `secretariat export invitation-emails` on the demo
data, its messages read back by Python's own e-mail parser (an independent
reader of RFC 5322 and MIME): headers decoded, text, attachments, modes,
and the errors (exit statuses 1 and 2, nothing written)."""
import email
import email.policy
import email.utils
import os
import stat
import subprocess
import sys
import tempfile

PROGRAM = os.environ["SECRETARIAT"]
failures = 0


def check(condition, what):
    global failures
    if not condition:
        failures += 1
        print("not ok:", what)


# The build tree's catalogues: drafts in French and German.
LOCALEDIR = os.path.join(os.environ.get("G_TEST_BUILDDIR", "."), "..", "po")


def run(db, *args):
    env = dict(os.environ)
    env["SECRETARIAT_LOCALEDIR"] = LOCALEDIR
    return subprocess.run([PROGRAM, "--database", db, *args], capture_output=True, text=True, env=env)


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "demo.db")
    check(run(db, "demo").returncode == 0, "demo data")

    out = os.path.join(tmp, "drafts", "information")
    r = run(db, "export", "invitation-emails", "--meeting", "3", "--kind", "information",
            "--attach", "agenda,participants", "--from", "office@example.eu", "--output", out)
    check(r.returncode == 0, "export: " + r.stderr)
    names = sorted(os.listdir(out))
    check(len(names) > 5, "one file per recipient")
    check(f"{len(names)} messages written" in r.stdout, "says how many: " + r.stdout)
    check(stat.S_IMODE(os.stat(out).st_mode) == 0o700, "folder 0700")
    seen_names = set()
    greetings = {}
    for name in names:
        path = os.path.join(out, name)
        check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, name + " is 0600")
        raw = open(path, "rb").read()
        check(b"\n" not in raw.replace(b"\r\n", b""), name + ": CRLF only")
        check(all(b < 0x80 for b in raw), name + ": 7-bit")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        check(not msg.defects, name + f": no defects {msg.defects}")
        check(msg["From"] == "office@example.eu", name + ": From")
        to = msg["To"].addresses
        check(len(to) == 1 and "@" in to[0].addr_spec, name + ": one To")
        seen_names.add(to[0].display_name)
        greetings[to[0].display_name] = None
        check(msg["Subject"].startswith(("Practical information: Joint meeting",
                                         "Informations pratiques\u00a0: Joint meeting",
                                         "Praktische Informationen: Joint meeting")), name + ": " + msg["Subject"])
        check(email.utils.parsedate_to_datetime(msg["Date"]) is not None, name + ": Date")
        check(msg["Message-ID"].endswith("@secretariat.invalid>"), name + ": Message-ID")
        check(msg.get_content_type() == "multipart/mixed", name + ": multipart")
        body = msg.get_body(("plain",))
        check(body["Content-Transfer-Encoding"] == "quoted-printable", name + ": quoted-printable")
        text = body.get_content()
        greetings[to[0].display_name] = text.splitlines()[0]
        check(to[0].display_name.split()[-1] in text.split("\n")[0], name + ": greets " + text.split("\n")[0])
        check("Rue Froissart 36" in text, name + ": the venue's address")
        files = [(p.get_filename(), p.get_content_type(), p.get_content()) for p in msg.iter_attachments()]
        check([f[0] for f in files] == ["agenda.pdf", "participants.pdf"], name + f": attachments {files}")
        check(all(f[1] == "application/pdf" and f[2].startswith(b"%PDF-") for f in files), name + ": PDFs")
    check("Νικόλαος Παπαδόπουλος" in seen_names, "a Greek name decoded: " + repr(seen_names))
    check("Søren Jørgensen" in seen_names, "a Danish name decoded")
    # In the recipient's language: "fr, nl, en", "de, en, ro", "el, en".
    check(greetings.get("Hélène Vandenberghe") == "Bonjour Hélène Vandenberghe,", repr(greetings.get("Hélène Vandenberghe")))
    check(greetings.get("Anna Müller") == "Guten Tag Anna Müller,", repr(greetings.get("Anna Müller")))
    check(greetings.get("Søren Jørgensen", "").startswith("Dear "), repr(greetings.get("Søren Jørgensen")))

    # Everyone in Bcc: one message.
    bcc = os.path.join(tmp, "bcc")
    r = run(db, "export", "invitation-emails", "--meeting", "3", "--kind", "information",
            "--bcc", "--attach", "none", "--output", bcc)
    check(r.returncode == 0, "bcc export: " + r.stderr)
    check(os.listdir(bcc) == ["01-everyone.eml"], "one file: " + repr(os.listdir(bcc)))
    msg = email.message_from_bytes(open(os.path.join(bcc, "01-everyone.eml"), "rb").read(),
                                   policy=email.policy.default)
    check(len(msg["Bcc"].addresses) == len(names), "everyone in Bcc")
    check(msg.get_content_type() == "text/plain", "no attachment: one part")
    check(msg.get_content().startswith("Dear colleagues,"), "greets everyone")

    # The thanks carry the public minutes by default.
    thanks = os.path.join(tmp, "thanks")
    r = run(db, "export", "invitation-emails", "--meeting", "2", "--kind", "thanks", "--output", thanks)
    check(r.returncode == 0, "thanks export: " + r.stderr)
    for name in sorted(os.listdir(thanks)):
        msg = email.message_from_bytes(open(os.path.join(thanks, name), "rb").read(), policy=email.policy.default)
        files = [(p.get_filename(), p.get_content()) for p in msg.iter_attachments()]
        check([f[0] for f in files] == ["minutes.pdf"] and files[0][1].startswith(b"%PDF-"),
              name + f": the minutes attached {[f[0] for f in files]}")
    check(len(os.listdir(thanks)) > 5, "thanks to those present")

    # Errors: nothing written.
    a_file = os.path.join(tmp, "a-file")
    open(a_file, "w").write("x")
    r = run(db, "export", "invitation-emails", "--meeting", "3", "--output", a_file)
    check(r.returncode == 1 and "not a folder" in r.stderr, "a file refused: " + r.stderr)
    r = run(db, "export", "invitation-emails", "--meeting", "3", "--kind", "party", "--output", bcc)
    check(r.returncode == 2, "unknown kind: usage error")
    r = run(db, "export", "invitation-emails", "--meeting", "99", "--output", os.path.join(tmp, "none"))
    check(r.returncode == 1 and not os.path.exists(os.path.join(tmp, "none")), "unknown meeting")
    r = run(db, "export", "invitation-emails", "--meeting", "3", "--attach", "agenda,notes", "--output", bcc)
    check(r.returncode == 2, "unknown attachment")
    r = run(db, "export", "invitation-emails", "--meeting", "3", "--participants", "999999",
            "--output", os.path.join(tmp, "stranger"))
    check(r.returncode == 1 and "999999" in r.stderr and not os.path.exists(os.path.join(tmp, "stranger")),
          "a participant of another meeting: " + r.stderr)

print("1..1")
print("ok 1 invitation-emails" if failures == 0 else "not ok 1 invitation-emails")
sys.exit(1 if failures else 0)
