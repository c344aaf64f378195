#!/usr/bin/env python3
"""Audit-trail benchmark, part 1: the append-only history check (CMP2206).

Writes two git repositories that end with the same valid log of EVENTS events:
  many/  the log grew over COMMITS commits (EVENTS/COMMITS events each), head file updated every time;
  once/  the final log in a single commit.
Then times `compliance audit verify` on each (it verifies the chain and walks the history): the ratio
many/once is the cost of the history walk over reading and verifying the final log once (target <= 2x).

usage: audit_history.py OUT_DIR [--events 100000] [--commits 10000] [--runs 3] [--cli PATH/compliance.dll]

Every version of the log is a prefix of the final one, so the history is written as a pack directly (git's
pack and index formats, version 2), laid out the way `git gc` lays out a growing file: the newest version
whole, each older one a delta on the next newer (a single copy of its prefix), and a whole version again
every DEPTH versions to bound the chains. Streaming every version into git fast-import instead would send
about EVENTS*COMMITS*145 bytes (~145 GB at the full size); this writes ~1 GB and hashes each version once,
which git needs anyway to name it. The result is checked with `git fsck --connectivity-only` and by comparing
`git show HEAD:<log>` with the expected final log.
"""
import argparse, hashlib, json, os, shutil, statistics, struct, subprocess, sys, time, zlib

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--events", type=int, default=100000)
p.add_argument("--commits", type=int, default=10000)
p.add_argument("--runs", type=int, default=3)
p.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "src", "Compliance.Cli", "bin", "Release", "net10.0", "compliance.dll"))
a = p.parse_args()

LOG = "evidence/audit/audit-log.jsonl"
DEPTH = 50  # git gc's default --depth
PROGRAMME = b"programme:\n  id: bench\n  name: Bench\n  scope: []\n"
BLOB, TREE, COMMIT, OFS_DELTA = 3, 2, 1, 6


def events(n):
    prev = "sha256:" + "0" * 64
    for seq in range(1, n + 1):
        body = {"seq": seq, "id": f"e{seq}", "time": f"2026-10-{1 + seq % 28:02d}T09:00:00.000Z", "type": "backup-restored",
                "actor": "job:backup", "fields": {"n": str(seq)}, "prev": prev}
        canonical = json.dumps(body, separators=(",", ":"))
        digest = "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
        body["hash"] = digest
        prev = digest
        yield digest, (json.dumps(body, separators=(",", ":")) + "\n").encode()


def object_id(kind, data, length=None):
    h = hashlib.sha1(b"%s %d\0" % (kind, len(data) if length is None else length))
    h.update(data)
    return h.digest()


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def prefix_delta(base_size, size):
    """A git delta that makes the first `size` bytes of a base of `base_size` bytes: copy instructions only."""
    out = bytearray(varint(base_size) + varint(size))
    offset = 0
    while offset < size:
        length = min(size - offset, 0xFFFFFF)
        command, args = 0x80, bytearray()
        for i in range(4):
            if (offset >> (8 * i)) & 0xFF:
                command |= 1 << i
                args.append((offset >> (8 * i)) & 0xFF)
        for i in range(3):
            if (length >> (8 * i)) & 0xFF:
                command |= 1 << (4 + i)
                args.append((length >> (8 * i)) & 0xFF)
        out.append(command)
        out += args
        offset += length
    return bytes(out)


class PackWriter:
    """Writes a version-2 pack and its index; OFS_DELTA bases must be written before their deltas."""

    def __init__(self, path, count):
        self.file = open(path, "wb")
        self.sha = hashlib.sha1()
        self.offset = 0
        self.entries = []  # (object id, crc32, offset)
        self.count = count
        self._write(b"PACK" + struct.pack(">II", 2, count))

    def _write(self, data):
        self.file.write(data)
        self.sha.update(data)
        self.offset += len(data)

    def _entry(self, oid, kind, size, payload, extra=b""):
        header = bytearray()
        byte = (kind << 4) | (size & 0x0F)
        size >>= 4
        while size:
            header.append(byte | 0x80)
            byte = size & 0x7F
            size >>= 7
        header.append(byte)
        data = bytes(header) + extra + zlib.compress(payload, 1)
        start = self.offset
        self.entries.append((oid, zlib.crc32(data), start))
        self._write(data)
        return start

    def whole(self, oid, kind, data):
        return self._entry(oid, kind, len(data), data)

    def delta(self, oid, base_offset, delta):
        distance = self.offset - base_offset
        encoded = bytearray([distance & 0x7F])
        distance >>= 7
        while distance:
            distance -= 1
            encoded.insert(0, 0x80 | (distance & 0x7F))
            distance >>= 7
        return self._entry(oid, OFS_DELTA, len(delta), delta, bytes(encoded))

    def close(self, index_path):
        if len(self.entries) != self.count:
            sys.exit(f"pack holds {len(self.entries)} objects, header says {self.count}")
        trailer = self.sha.digest()
        self.file.write(trailer)
        self.file.close()
        entries = sorted(self.entries)
        index = bytearray(b"\377tOc" + struct.pack(">I", 2))
        fanout = [0] * 256
        for oid, _, _ in entries:
            fanout[oid[0]] += 1
        total = 0
        for i in range(256):
            total += fanout[i]
            index += struct.pack(">I", total)
        for oid, _, _ in entries:
            index += oid
        for _, crc, _ in entries:
            index += struct.pack(">I", crc)
        large = []
        for _, _, offset in entries:
            if offset < 0x80000000:
                index += struct.pack(">I", offset)
            else:
                index += struct.pack(">I", 0x80000000 | len(large))
                large.append(offset)
        for offset in large:
            index += struct.pack(">Q", offset)
        index += trailer
        index += hashlib.sha1(index).digest()
        with open(index_path, "wb") as f:
            f.write(index)
        return trailer.hex()


def tree(*entries):
    """A tree from (mode, name, id) entries already in git's order."""
    return b"".join(b"%s %s\0%s" % (mode, name, oid) for mode, name, oid in entries)


def write_repo(path, commits, final, ends, digests):
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    per = max(1, len(ends) // commits)
    seqs = [seq for seq in range(1, len(ends) + 1) if seq % per == 0 or seq == len(ends)]
    pack_dir = os.path.join(path, ".git", "objects", "pack")
    pack = PackWriter(os.path.join(pack_dir, "tmp.pack"), 6 * len(seqs) + 2)
    view = memoryview(final)

    # The log's versions, newest first, each a delta on the next newer one; whole every DEPTH versions.
    logs = [None] * len(seqs)
    base = None
    for k in range(len(seqs) - 1, -1, -1):
        size = ends[seqs[k] - 1]
        logs[k] = object_id(b"blob", view[:size], size)
        if base is None or (len(seqs) - 1 - k) % DEPTH == 0:
            base = (pack.whole(logs[k], BLOB, view[:size]), size)
        else:
            base = (pack.delta(logs[k], base[0], prefix_delta(base[1], size)), size)

    programme = object_id(b"blob", PROGRAMME)
    pack.whole(programme, BLOB, PROGRAMME)
    controls_data = tree((b"100644", b"programme.yaml", programme))
    controls = object_id(b"tree", controls_data)
    pack.whole(controls, TREE, controls_data)
    parent, when = None, 1_700_000_000
    for k, seq in enumerate(seqs):
        head_data = json.dumps({"seq": seq, "hash": digests[seq - 1]}, separators=(",", ":")).encode() + b"\n"
        head = object_id(b"blob", head_data)
        pack.whole(head, BLOB, head_data)
        audit_data = tree((b"100644", b"audit-log.jsonl", logs[k]), (b"100644", b"audit-log.jsonl.head", head))
        audit = object_id(b"tree", audit_data)
        pack.whole(audit, TREE, audit_data)
        evidence_data = tree((b"40000", b"audit", audit))
        evidence = object_id(b"tree", evidence_data)
        pack.whole(evidence, TREE, evidence_data)
        root_data = tree((b"40000", b"controls", controls), (b"40000", b"evidence", evidence))
        root = object_id(b"tree", root_data)
        pack.whole(root, TREE, root_data)
        stamp = b"Bench <bench@example.com> %d +0000" % (when + k + 1)
        commit_data = b"tree %s\n%sauthor %s\ncommitter %s\n\naudit\n" % (
            root.hex().encode(), b"parent %s\n" % parent.hex().encode() if parent else b"", stamp, stamp)
        parent = object_id(b"commit", commit_data)
        pack.whole(parent, COMMIT, commit_data)

    name = pack.close(os.path.join(pack_dir, "tmp.idx"))
    os.rename(os.path.join(pack_dir, "tmp.pack"), os.path.join(pack_dir, f"pack-{name}.pack"))
    os.rename(os.path.join(pack_dir, "tmp.idx"), os.path.join(pack_dir, f"pack-{name}.idx"))
    subprocess.run(["git", "update-ref", "refs/heads/main", parent.hex()], cwd=path, check=True)
    subprocess.run(["git", "fsck", "--connectivity-only", "--no-progress"], cwd=path, check=True)
    shown = subprocess.run(["git", "show", f"HEAD:{LOG}"], cwd=path, check=True, capture_output=True).stdout
    if hashlib.sha256(shown).digest() != hashlib.sha256(final).digest():
        sys.exit(f"git show HEAD:{LOG} in {path} differs from the expected final log")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True)
    return len(seqs), os.path.getsize(os.path.join(pack_dir, f"pack-{name}.pack"))


def time_verify(path):
    times = []
    for _ in range(a.runs):
        start = time.perf_counter()
        result = subprocess.run(["dotnet", a.cli, "audit", "verify", "--root", path], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"audit verify failed in {path}: {result.stdout}{result.stderr}")
    return statistics.median(times), result.stdout.strip()


digests, lines = zip(*events(a.events))
final = b"".join(lines)
ends, total = [], 0
for line in lines:
    total += len(line)
    ends.append(total)
del lines

many = os.path.join(a.out, "many")
once = os.path.join(a.out, "once")
start = time.perf_counter()
built, many_bytes = write_repo(many, a.commits, final, ends, digests)
written = time.perf_counter() - start
write_repo(once, 1, final, ends, digests)
m, m_out = time_verify(many)
o, o_out = time_verify(once)
print(f"events={a.events} commits={built} runs={a.runs} (history written and checked in {written:.0f} s, pack {many_bytes / 2**20:.0f} MiB)")
print(f"history of {built} commits: median {m * 1000:.0f} ms  ({m_out})")
print(f"final log in one commit:    median {o * 1000:.0f} ms  ({o_out})")
print(f"ratio {m / o:.2f}x (target <= 2x)")
