#!/usr/bin/python3
# Truncation test: every capture make_captures.py builds, with every record cut to
# min(caplen, L) for L = 0 .. min(longest caplen, MAXLEN), read by Debian's tcpdump and by
# tcplua; stdout, stderr ("tcpdump: " read as "tcplua: ") and exit status must be identical.
# Usage: trunc.py TCPLUA_BIN [--captures DIR] [--only NAME]... [--jobs N] [--keep DIR]
#        trunc.py --check-listed DIR NAME...   (fail if DIR holds a capture not in NAME...)
# Exit: 0 all same, 1 mismatch or sanitizer report, 2 usage/setup error, 77 nothing to cut.
# --merged (or TRUNC_MERGED=1): first try one file holding every cut of every record (L = 0,
# then 1, ...) — two runs per option set instead of two per length, which is what makes the
# check affordable under the sanitizers. Only when that file differs are the per-length files
# made, to say which lengths differ. Captures with blocks between records (pcapng interface
# blocks after a packet) always take the per-length path.
import argparse
import concurrent.futures
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_CAPTURES = os.path.join(HERE, "..", "captures", "make_captures.py")
PYTHON = "/usr/bin/python3"
MAXLEN = 200            # headers are where decoders break; longer cuts add little but time
# Option sets: plain for every length, and one that reaches more code (-vv checksums and
# option decoding, -e link headers, -x hex dump of exactly the captured bytes).
OPTION_SETS = [["-n"], ["-n", "-vv", "-e", "-x"]]
# Variables passed through to both programs, as compare.sh does.
PASS_VARS = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "GCOV_PREFIX",
             "GCOV_PREFIX_STRIP", "LLVM_PROFILE_FILE")
SANITIZER_RE = re.compile(rb"(ERROR: (Address|Leak)Sanitizer|runtime error:|"
                          rb"SUMMARY: UndefinedBehaviorSanitizer)")
SHOW_GROUPS = int(os.environ.get("TRUNC_SHOW", "8"))   # mismatch groups shown per capture


# ---------------------------------------------------------------- capture files

class Capture:
    """A capture split into pieces: bytes kept as they are, and records that can be cut.
    pieces: list of bytes or (prefix, data, suffix_fn) where suffix_fn(cut) -> block bytes."""

    def __init__(self, name, pieces):
        self.name, self.pieces = name, pieces
        self.caplens = [len(p[1]) for p in pieces if isinstance(p, tuple)]

    def cut(self, n):
        return b"".join(p if isinstance(p, bytes) else p[2](p[1][:n]) for p in self.pieces)

    def merged(self, lengths):
        """Every record cut at each length in turn, in one file; None when blocks other than
        records sit between records."""
        first = next(i for i, p in enumerate(self.pieces) if isinstance(p, tuple))
        last = max(i for i, p in enumerate(self.pieces) if isinstance(p, tuple))
        recs = self.pieces[first:last + 1]
        if any(isinstance(p, bytes) for p in recs):
            return None
        head, tail = b"".join(self.pieces[:first]), b"".join(self.pieces[last + 1:])
        return head + b"".join(p[2](p[1][:n]) for n in lengths for p in recs) + tail


def parse_pcap(name, b):
    """Classic pcap, either byte order and µs/ns. Records after the last complete one
    (a cut record or record header) are kept verbatim."""
    magic = b[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        return None
    pieces, off = [b[:24]], 24
    while off + 16 <= len(b):
        sec, frac, caplen, origlen = struct.unpack(e + "IIII", b[off:off + 16])
        if off + 16 + caplen > len(b):
            break
        data = b[off + 16:off + 16 + caplen]
        pieces.append((None, data, lambda d, sec=sec, frac=frac, origlen=origlen:
                       struct.pack(e + "IIII", sec, frac, len(d), origlen) + d))
        off += 16 + caplen
    pieces.append(b[off:])
    return Capture(name, pieces)


def parse_pcapng(name, b):
    """pcapng (little-endian, as make_captures.py writes it): enhanced packet blocks are cut,
    every other block is kept."""
    if b[:4] != b"\x0a\x0d\x0d\x0a" or b[8:12] != b"\x4d\x3c\x2b\x1a":
        return None
    pieces, off = [], 0
    while off + 12 <= len(b):
        btype, blen = struct.unpack("<II", b[off:off + 8])
        if blen < 12 or off + blen > len(b):
            break
        block = b[off:off + blen]
        if btype == 6:
            ifid, tshi, tslo, caplen, origlen = struct.unpack("<IIIII", block[8:28])
            data = block[28:28 + caplen]
            opts = block[28 + (caplen + 3) // 4 * 4:blen - 4]

            def epb(d, h=(ifid, tshi, tslo), origlen=origlen, opts=opts):
                body = struct.pack("<IIIII", *h, len(d), origlen) + d + b"\0" * (-len(d) % 4)
                n = 12 + len(body) + len(opts)
                return struct.pack("<II", 6, n) + body + opts + struct.pack("<I", n)
            pieces.append((None, data, epb))
        else:
            pieces.append(block)
        off += blen
    pieces.append(b[off:])
    return Capture(name, pieces)


def load(path):
    with open(path, "rb") as f:
        b = f.read()
    name = os.path.basename(path)
    return parse_pcap(name, b) or parse_pcapng(name, b)


# ---------------------------------------------------------------- running and comparing

def run(argv, path, rundir):
    env = {"PATH": path, "TZ": "UTC"}
    env.update({v: os.environ[v] for v in PASS_VARS if v in os.environ})
    try:
        p = subprocess.run(argv, cwd=rundir, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:   # e.g. the binary being relinked: a difference, not a crash
        return b"", ("cannot run %s: %s\n" % (argv[0], e)).encode(), -1
    return p.stdout, p.stderr, p.returncode


def first_diff(a, b):
    la, lb = a.split(b"\n"), b.split(b"\n")
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else None
        y = lb[i] if i < len(lb) else None
        if x != y:
            return i + 1, x, y
    return None


def show(line):
    if line is None:
        return "(no line)"
    return line.decode("utf-8", "backslashreplace")


def compare_one(tcplua, tcpdump, cutpath, opts, rundir):
    """-> None if identical, else dict(kind, lineno, ref, out, sanitizer)."""
    ref = run(["tcpdump", "-r", cutpath] + opts,
              os.path.dirname(tcpdump) + ":/usr/sbin:/usr/bin:/sbin:/bin", rundir)
    out = run([tcplua, "-r", cutpath] + opts, "/nonexistent", rundir)
    ref_err = re.sub(rb"(?m)^tcpdump: ", b"tcplua: ", ref[1])
    san = out[1] if SANITIZER_RE.search(out[1]) else None
    for kind, x, y in (("stdout", ref[0], out[0]), ("stderr", ref_err, out[1])):
        if x != y:
            n, a, b = first_diff(x, y)
            return dict(kind=kind, lineno=n, ref=show(a), out=show(b), sanitizer=san)
    if ref[2] != out[2]:
        return dict(kind="exit", lineno=0, ref=str(ref[2]), out=str(out[2]), sanitizer=san)
    if san:
        return dict(kind="sanitizer", lineno=0, ref="", out="", sanitizer=san)
    return None


def check_merged(cap, tcplua, tcpdump, cdir, lengths):
    """True when the one-file form of every cut prints the same under every option set."""
    data = cap.merged(lengths)
    if data is None:
        return False
    path = os.path.join(cdir, cap.name + ".merged")
    with open(path, "wb") as f:
        f.write(data)
    rundir = path + ".run"
    os.mkdir(rundir)
    for o in OPTION_SETS:
        if compare_one(tcplua, tcpdump, path, o, rundir):
            print("%-28s merged cut file differs [%s]: checking each length" % (cap.name,
                                                                             " ".join(o)))
            return False
    print("%-28s %4d cut lengths (L=0..%d, longest caplen %d) in one file, %d option sets: "
          "same" % (cap.name, len(lengths), lengths[-1], max(cap.caplens), len(OPTION_SETS)))
    return True


def check_capture(cap, tcplua, tcpdump, tmp, jobs, keep, merged=False):
    """Runs every cut length of one capture; prints its report; returns mismatch count."""
    top = min(max(cap.caplens), MAXLEN)
    lengths = range(0, top + 1)
    cdir = os.path.join(tmp, cap.name)
    os.makedirs(cdir)
    if merged and check_merged(cap, tcplua, tcpdump, cdir, lengths):
        return 0

    def one(n):
        path = os.path.join(cdir, "%s.L%d" % (cap.name, n))
        with open(path, "wb") as f:
            f.write(cap.cut(n))
        rundir = path + ".run"
        os.mkdir(rundir)
        res = [(" ".join(o), compare_one(tcplua, tcpdump, path, o, rundir)) for o in OPTION_SETS]
        return n, path, [(o, r) for o, r in res if r]

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        results = sorted(ex.map(one, lengths))

    bad = [(n, path, o, r) for n, path, diffs in results for o, r in diffs]
    bad_lengths = sorted({n for n, *_ in bad})
    print("%-28s %4d cut files (L=0..%d, longest caplen %d), %d option sets: %d mismatching "
          "runs at %d lengths" % (cap.name, len(lengths), top, max(cap.caplens),
                                  len(OPTION_SETS), len(bad), len(bad_lengths)))
    if not bad:
        return 0
    if keep:
        os.makedirs(keep, exist_ok=True)
        for n in bad_lengths:
            shutil.copy(os.path.join(cdir, "%s.L%d" % (cap.name, n)), keep)
        print("  cut files kept in %s" % keep)
    # Group by what differs (the lines without their common prefix and suffix): one cut
    # packet usually differs the same way at many lengths. The first example is shown.
    groups = {}
    for n, path, o, r in bad:
        groups.setdefault((o, r["kind"]) + core(r["ref"], r["out"]), []).append((n, r))
    for i, ((o, kind, _, _), hits) in enumerate(sorted(groups.items(),
                                                       key=lambda g: g[1][0][0])):
        if i == SHOW_GROUPS:
            print("  ... %d more groups (TRUNC_SHOW=N shows more)" % (len(groups) - i))
            break
        r = hits[0][1]
        print("  [%s] L=%s: %s line %d%s" % (o, compress([n for n, _ in hits]), kind,
                                             r["lineno"], " (L=%d)" % hits[0][0]
                                             if len(hits) > 1 else ""))
        if kind != "sanitizer":
            print("    tcpdump: %s\n    tcplua:  %s" % (r["ref"], r["out"]))
    sans = [(n, o, r["sanitizer"]) for n, path, o, r in bad if r["sanitizer"]]
    if sans:
        n, o, text = sans[0]
        print("  SANITIZER REPORT at %d runs; first at L=%d [%s]:" % (len(sans), n, o))
        for line in text.decode("utf-8", "backslashreplace").splitlines()[:80]:
            print("    | " + line)
    return len(bad)


def core(a, b):
    """The differing middle of two lines: '[!RST d]', '[RST d]' -> ('!', '')."""
    p = len(os.path.commonprefix([a, b]))
    a, b = a[p:], b[p:]
    s = len(os.path.commonprefix([a[::-1], b[::-1]]))
    return a[:len(a) - s], b[:len(b) - s]


def compress(ns):
    """[1,2,3,7,9,10] -> '1-3,7,9-10'"""
    out, start = [], None
    for i, n in enumerate(ns):
        if start is None:
            start = n
        if i + 1 == len(ns) or ns[i + 1] != n + 1:
            out.append(str(start) if start == n else "%d-%d" % (start, n))
            start = None
    return ",".join(out)


def main():
    ap = argparse.ArgumentParser(description="tcplua vs tcpdump on every capture cut at "
                                             "every length 0..%d" % MAXLEN)
    ap.add_argument("tcplua", nargs="?")
    ap.add_argument("--captures", help="directory of captures (default: run make_captures.py)")
    ap.add_argument("--only", action="append", default=[], help="capture file name")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", help="copy mismatching cut files into this directory")
    ap.add_argument("--check-listed", nargs="+", metavar=("DIR", "NAME"))
    ap.add_argument("--merged", action="store_true",
                    default=os.environ.get("TRUNC_MERGED", "") not in ("", "0"),
                    help="one file of all cuts first (default from $TRUNC_MERGED)")
    a = ap.parse_args()
    if a.check_listed:
        d, names = a.check_listed[0], set(a.check_listed[1:])
        extra = sorted(set(os.listdir(d)) - names)
        for f in extra:
            print("FAIL: %s/%s has no trunc/ test: add it to tests/trunc/CMakeLists.txt" % (d, f))
        return 1 if extra else 0
    if not a.tcplua or not os.access(a.tcplua, os.X_OK):
        ap.error("tcplua binary not found or not executable: %s" % a.tcplua)
    tcplua = os.path.abspath(a.tcplua)
    tcpdump = os.environ.get("TCPDUMP", "/usr/bin/tcpdump")
    if os.path.basename(tcpdump) != "tcpdump" or not os.access(tcpdump, os.X_OK):
        ap.error("TCPDUMP must be an executable file called tcpdump: %s" % tcpdump)

    tmp = tempfile.mkdtemp(prefix="tcplua-trunc.")
    os.chmod(tmp, 0o755)   # tcpdump and tcplua read the cuts after dropping root
    try:
        capdir = a.captures
        if not capdir:
            capdir = os.path.join(tmp, "captures")
            subprocess.run([PYTHON, MAKE_CAPTURES, capdir], check=True)
        names = a.only or sorted(os.listdir(capdir))
        total, cut, skipped = 0, 0, []
        for name in names:
            path = os.path.join(capdir, name)
            if not os.path.exists(path):
                print("FAIL: no capture %s" % path)
                return 2
            cap = load(path)
            if cap is None or not cap.caplens:
                skipped.append(name)
                print("%-28s skipped: no complete record to cut" % name)
                continue
            total += check_capture(cap, tcplua, tcpdump, tmp, a.jobs, a.keep, a.merged)
            cut += 1
        print("trunc: %d captures cut, %d skipped, %d mismatching runs" %
              (cut, len(skipped), total))
        if total:
            return 1
        return 0 if cut else 77
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
