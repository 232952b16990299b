#!/usr/bin/python3
# Differential fuzzing against tcpdump: packets of the test captures, mutated at random
# (bytes set to random or edge values, cut short, lengths bumped), are written in batches to
# new capture files and printed by Debian's tcpdump and by tcplua with the same options.
# Any difference in stdout, stderr or exit status is narrowed down to the packets that print
# differently, which are saved as one-packet captures. libFuzzer finds crashes; this finds
# wrong output. Seeded, so a run can be repeated.
# Usage: diffuzz.py TCPLUA CAPDIR [--rounds N] [--batch N] [--seed S] [--only NAME]...
#                   [--save DIR] [--minutes M]
# Exit: 0 no difference, 1 differences (saved), 2 usage error.
import argparse
import os
import random
import struct
import subprocess
import sys
import tempfile
import time

OPTION_SETS = [["-n"], ["-n", "-vvv", "-e"], ["-n", "-v", "-x"]]
EDGE = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff]


def read_pcap(path):
    """-> (endian, header bytes, linktype, [(sec, frac, data, origlen)]) or None."""
    with open(path, "rb") as f:
        b = f.read()
    if len(b) < 24:
        return None
    e = {b"\xd4\xc3\xb2\xa1": "<", b"\x4d\x3c\xb2\xa1": "<",
         b"\xa1\xb2\xc3\xd4": ">", b"\xa1\xb2\x3c\x4d": ">"}.get(b[:4])
    if not e:
        return None
    recs, off = [], 24
    while off + 16 <= len(b):
        sec, frac, cap, orig = struct.unpack(e + "IIII", b[off:off + 16])
        if cap > 262144 or off + 16 + cap > len(b):
            break
        recs.append((sec, frac, b[off + 16:off + 16 + cap], orig))
        off += 16 + cap
    return e, b[:24], recs


def write_pcap(path, e, header, recs):
    with open(path, "wb") as f:
        f.write(header)
        for sec, frac, data, orig in recs:
            f.write(struct.pack(e + "IIII", sec, frac, len(data), orig) + data)


def mutate(rng, rec):
    sec, frac, data, orig = rec
    d = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 3, 5])):
        if not d:
            break
        # headers are where printers decide: favour the first 120 bytes
        i = rng.randrange(min(len(d), 120)) if rng.random() < 0.8 else rng.randrange(len(d))
        r = rng.random()
        if r < 0.4:
            d[i] = rng.randrange(256)
        elif r < 0.7:
            d[i] = rng.choice(EDGE)
        elif r < 0.85 and i + 1 < len(d):  # a 16-bit length or type field
            v = rng.choice([0, 1, 2, 4, 8, 0x7fff, 0xffff, len(d) - i, len(d) - i + 1])
            d[i:i + 2] = struct.pack(">H", v & 0xffff)
        else:
            d[i] ^= 1 << rng.randrange(8)
    if rng.random() < 0.25 and d:  # cut by the capture
        d = d[:rng.randrange(len(d) + 1)]
        orig = max(orig, len(data))
    return sec, frac, bytes(d), max(orig, len(d))


def run(argv, path, rundir):
    env = {"PATH": path, "TZ": "UTC"}
    p = subprocess.run(argv, cwd=rundir, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.stdout, p.stderr.replace(b"tcpdump: ", b"tcplua: "), p.returncode


def same(tcplua, path, opts, rundir):
    a = run(["tcpdump", "-r", path] + opts, "/usr/sbin:/usr/bin:/sbin:/bin", rundir)
    b = run([tcplua, "-r", path] + opts, "/nonexistent", rundir)
    return a == b, a, b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tcplua")
    ap.add_argument("capdir")
    ap.add_argument("--rounds", type=int, default=4, help="batches per capture")
    ap.add_argument("--batch", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--save", default="diffuzz-found")
    ap.add_argument("--minutes", type=float, default=0, help="stop after this long")
    a = ap.parse_args()
    tcplua = os.path.abspath(a.tcplua)
    rng = random.Random(a.seed)
    names = a.only or sorted(n for n in os.listdir(a.capdir) if n.endswith(".pcap"))
    tmp = tempfile.mkdtemp(prefix="diffuzz.")
    os.chmod(tmp, 0o755)  # both programs read after dropping root
    start, packets, found = time.time(), 0, 0
    for name in names:
        cap = read_pcap(os.path.join(a.capdir, name))
        if not cap or not cap[2]:
            continue
        e, header, recs = cap
        for rnd in range(a.rounds):
            if a.minutes and time.time() - start > a.minutes * 60:
                break
            batch = [mutate(rng, rng.choice(recs)) for _ in range(a.batch)]
            path = os.path.join(tmp, "%s.r%d.pcap" % (name, rnd))
            write_pcap(path, e, header, batch)
            packets += len(batch)
            for opts in OPTION_SETS:
                ok, _, _ = same(tcplua, path, opts, tmp)
                if ok:
                    continue
                # narrow down: each packet alone (the ones that differ on their own)
                bad = []
                for i, rec in enumerate(batch):
                    one = os.path.join(tmp, "one.pcap")
                    write_pcap(one, e, header, [rec])
                    ok1, x, y = same(tcplua, one, opts, tmp)
                    if not ok1:
                        bad.append((i, rec, x, y))
                os.makedirs(a.save, exist_ok=True)
                for i, rec, x, y in bad[:5]:
                    out = os.path.join(a.save, "%s.r%d.p%d.pcap" % (name, rnd, i))
                    write_pcap(out, e, header, [rec])
                    found += 1
                    print("DIFF %s [%s]: %s" % (out, " ".join(opts), first_diff(x, y)))
                if not bad:
                    print("DIFF %s [%s]: only in sequence (state across packets); kept"
                          % (path, " ".join(opts)))
                    os.makedirs(a.save, exist_ok=True)
                    write_pcap(os.path.join(a.save, os.path.basename(path)), e, header, batch)
                    found += 1
                break
    print("diffuzz: %d packets from %d captures in %.0f s, %d differences saved in %s"
          % (packets, len(names), time.time() - start, found, a.save))
    return 1 if found else 0


def first_diff(x, y):
    for k, (u, v) in enumerate(zip(x, y)):
        if u != v:
            lu, lv = u.split(b"\n"), v.split(b"\n")
            for j in range(max(len(lu), len(lv))):
                p = lu[j] if j < len(lu) else b"(none)"
                q = lv[j] if j < len(lv) else b"(none)"
                if p != q:
                    what = ("stdout", "stderr", "status")[k]
                    return "%s: tcpdump %r / tcplua %r" % (what, p[:160], q[:160])
            return "status: %r / %r" % (u, v)
    return "?"


if __name__ == "__main__":
    sys.exit(main())
