#!/usr/bin/env python3
"""Seed corpora for the fuzz harnesses, written to DEST/<harness>/ (default build-fuzz/fuzz/corpus).

frontmatter, page: every .md file under tests/fixtures/, content/ and fuzz/seeds/, each behind
the byte that picks the fuzz site's collection folder (0: all, 1: other, 2: pages; +0x80 for the
internal edition in the frontmatter harness).
template: every template folder as one input ("name\\nsource" parts joined by NUL bytes), each
template alone, and each test of the Mustache spec (../shared/spec/mustache) with its partials.
"""
import hashlib
import json
import pathlib
import sys

repo = pathlib.Path(__file__).resolve().parent.parent
dest = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else repo / "build-fuzz" / "fuzz" / "corpus"
spec = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else repo.parent / "shared" / "spec" / "mustache"


def put(harness, data):
    folder = dest / harness
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


pages = sorted(
    p for root in ("tests/fixtures", "content", "fuzz/seeds") for p in (repo / root).rglob("*.md")
)
for p in pages:
    text = p.read_bytes()
    for folder in (0, 1, 2):
        put("page", bytes([folder]) + text)
        put("frontmatter", bytes([folder]) + text)
    put("frontmatter", bytes([0x80]) + text)

template_dirs = sorted({p.parent for p in repo.rglob("*.mustache") if "build" not in p.parts})
for d in template_dirs:
    while d.name == "partials":
        d = d.parent
    parts = []
    for t in sorted(d.rglob("*.mustache")):
        name = t.relative_to(d).with_suffix("").as_posix()
        source = t.read_bytes()
        parts.append(name.encode() + b"\n" + source)
        put("template", b"\x00" + b"main\n" + source)
    put("template", b"\x00" + b"\x00".join(parts))

for f in sorted(spec.glob("*.json")) if spec.is_dir() else []:
    for test in json.loads(f.read_text())["tests"]:
        parts = [b"main\n" + test["template"].encode()]
        for name, source in sorted(test.get("partials", {}).items()):
            parts.append(name.encode() + b"\n" + source.encode())
        put("template", b"\x01" + b"\x00".join(parts))

for h in ("frontmatter", "page", "template"):
    n = len(list((dest / h).iterdir())) if (dest / h).is_dir() else 0
    print(f"{h}: {n} seeds in {dest / h}")
