#!/usr/bin/env python3
"""Reports every run of N (default 12) consecutive words that a content file shares with the
source documents in ../shared/seeds. Exit 1 if any is found, 0 if none, 2 if seeds are missing.

usage: seed_overlap.py [--seeds DIR] [--words N] [CONTENT_DIR_OR_FILES ...]
"""
import argparse
import pathlib
import re
import sys

WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+")


def words_of(text):
    # Words broken over lines with a hyphen in the seeds ("forsynings-\nselskaber") count whole.
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return [w.lower() for w in WORD.findall(text)]


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=str(here.parents[2] / "shared" / "seeds"))
    ap.add_argument("--words", type=int, default=12)
    ap.add_argument("paths", nargs="*", default=[str(here.parents[1] / "content")])
    args = ap.parse_args()
    seeds = sorted(pathlib.Path(args.seeds).glob("*.txt"))
    if not seeds:
        print(f"seed_overlap: no seeds in {args.seeds}", file=sys.stderr)
        return 2
    n = args.words
    grams = set()
    for s in seeds:
        w = words_of(s.read_text(encoding="utf-8", errors="replace"))
        grams.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
    files = []
    for p in map(pathlib.Path, args.paths):
        files += sorted(p.rglob("*.md")) if p.is_dir() else [p]
    hits = 0
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        toks = []  # (word, line number)
        for ln, line in enumerate(lines, 1):
            toks += [(w.lower(), ln) for w in WORD.findall(line)]
        i = 0
        while i <= len(toks) - n:
            if tuple(t[0] for t in toks[i:i + n]) in grams:
                hits += 1
                print(f"{f}:{toks[i][1]}: shares {n} words with a seed: "
                      + " ".join(t[0] for t in toks[i:i + n]))
                i += n
            else:
                i += 1
    print(f"seed overlap: {hits} shared runs of {n} words in {len(files)} files")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
