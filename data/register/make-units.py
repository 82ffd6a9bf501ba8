#!/usr/bin/env python3
"""make-units.py - the national unit register as `ntm import` files.

Reads the six snapshots of the GSO unit register and the 2025 arrangement map
(data/register/source/*.xz, copies of thanglequoc/vietnamese-provinces-database,
MIT) and the hand-kept data/register/arrangements.csv; writes units.csv,
links-2025.csv and unresolved.csv (see data/register/README.md for the rules).
Python 3 standard library only.

usage: python3 data/register/make-units.py [--out DIR] [--source DIR]
"""
import csv
import functools
import io
import json
import lzma
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

# The snapshots, oldest first, with the date their changes took effect.
# units-2026-04 also folds in 30/2026/QH16 (2026-04-30); it is taken as the map of
# 2025-07-01 (see README: the April 2026 changes are not told apart).
SNAPSHOTS = [
    ("units-2021-11", (2021, 11, 1)),
    ("units-2023-04", (2023, 4, 10)),
    ("units-2024-02", (2024, 2, 1)),
    ("units-2025-01", (2025, 1, 1)),
    ("units-2025-03", (2025, 3, 1)),
    ("units-2026-04", (2025, 7, 1)),
]
MAP_FILE = "merge-2025-07.json"
MAP_SNAPSHOT = 4  # the 2025 map names the units of units-2025-03
NEW_MAP = 5       # ... and forms those of units-2026-04

# The statistics office's 8 regions -> the 7 threshold regions of QĐ 318.
REGIONS = {
    "Đông Bắc Bộ": "tdmnpb",
    "Tây Bắc Bộ": "tdmnpb",
    "Đồng bằng sông Hồng": "dbsh",
    "Bắc Trung Bộ": "btb",
    "Duyên hải Nam Trung Bộ": "dhntb",
    "Tây Nguyên": "tn",
    "Đông Nam Bộ": "dnb",
    "Đồng bằng sông Cửu Long": "dbscl",
}

# administrative_units.code_name -> level. The ids differ between files (the 2026
# file numbers its five kinds 1-5), so the kind is read from each file's own table.
LEVELS = {
    "thanh_pho_truc_thuoc_trung_uong": "province",
    "tinh": "province",
    "thanh_pho_thuoc_thanh_pho_truc_thuoc_trung_uong": "district",
    "thanh_pho_thuoc_tinh": "district",
    "quan": "district",
    "thi_xa": "district",
    "huyen": "district",
    "phuong": "ward",
    "thi_tran": "township",
    "xa": "commune",
    "dac_khu": "commune",  # đặc khu (island special zone), commune level from 2025-07
}
COMMUNE_LEVELS = ("commune", "township", "ward")
LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2, "township": 2, "ward": 2}

# Type words of the 2025 map's text, lower case.
TYPE_WORDS = [("thị trấn", "township"), ("phường", "ward"), ("xã", "commune"),
              ("đặc khu", "commune")]
DISTRICT_WORDS = ["thành phố", "thị xã", "huyện", "quận"]


class Fail(Exception):
    pass


# ---------------------------------------------------------------- text helpers

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def clean(s):
    """The name as written, NFC, runs of spaces made one."""
    return re.sub(r"\s+", " ", nfc(s)).strip()


@functools.lru_cache(maxsize=None)
def key(s):
    """A name for comparing: case, spacing, dashes, leading zeros of numbers, the
    place of the tone mark (Hóa/Hoá, Thủy/Thuỷ) and the register's abbreviation
    "NT" for "Nông trường" do not count."""
    s = nfc(s).casefold().replace("-", " ").replace("–", " ")
    s = re.sub(r"(^|\s)(?:nông trường|n\.\s?t\.?)(?=\s)", r"\1nt", s)
    out = []
    for syl in s.split():
        d = unicodedata.normalize("NFD", syl)
        tones = "".join(c for c in d if c in TONES)
        base = "".join(c for c in d if c not in TONES)
        if base.isdigit():
            base = str(int(base))
        out.append(nfc(base) + tones)
    return " ".join(out)


@functools.lru_cache(maxsize=None)
def loose(s):
    """A looser name key, tried only when key() finds nothing: tone marks,
    spaces, apostrophes and hyphens ignored (Đăk Xú/Đắk Xú, Ea M’nang/Ea M'nang,
    Axan/A Xan). Vowel and consonant letters (â ă ê ô ơ ư đ) still count."""
    d = unicodedata.normalize("NFD", nfc(s).casefold())
    d = "".join(c for c in d if c not in TONES)
    d = re.sub(r"(^|\s)(?:nông trường|n\.\s?t\.?)(?=\s)", r"\1nt", unicodedata.normalize("NFC", d))
    return re.sub(r"[\s'’‘`\-–]", "", d)


def ends_year(d):
    """valid_to of a unit that ended on date d."""
    y, m, dd = d
    return y if (m, dd) != (1, 1) else y - 1


def begins_year(d):
    """valid_from of a unit that began on date d."""
    y, m, dd = d
    return y + 1 if (m, dd) != (1, 1) else y


# ---------------------------------------------------------------- reading

def read_source(src, stem):
    """Text of stem (.xz preferred, else plain); UTF-8."""
    p = os.path.join(src, stem)
    if os.path.exists(p + ".xz"):
        with lzma.open(p + ".xz", "rt", encoding="utf-8") as f:
            return f.read()
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            return f.read()
    raise Fail("%s: neither %s.xz nor %s found" % (src, stem, stem))


INSERT = re.compile(r"INSERT INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES", re.S)
TUPLE = re.compile(r"\s*\(((?:'(?:[^']|'')*'|[^'()])*)\)\s*([,;])?")
FIELD = re.compile(r"\s*(?:'((?:[^']|'')*)'|([^,\s']+))\s*(,|$)")


def parse_sql(text, name):
    """{table: [row dict]} from the file's INSERT statements."""
    tables = defaultdict(list)
    pos = 0
    while True:
        m = INSERT.search(text, pos)
        if not m:
            break
        table = m.group(1)
        cols = [c.strip().strip('"') for c in m.group(2).split(",")]
        pos = m.end()
        while True:
            t = TUPLE.match(text, pos)
            if not t:
                raise Fail("%s: offset %d: a value tuple expected after INSERT INTO %s"
                           % (name, pos, table))
            vals, fpos, body = [], 0, t.group(1)
            while fpos < len(body):
                f = FIELD.match(body, fpos)
                if not f:
                    raise Fail("%s: offset %d: bad value in %r" % (name, pos, body))
                vals.append(f.group(1).replace("''", "'") if f.group(1) is not None
                            else f.group(2))
                fpos = f.end()
            if len(vals) != len(cols):
                raise Fail("%s: offset %d: %d values for %d columns of %s"
                           % (name, pos, len(vals), len(cols), table))
            tables[table].append(dict(zip(cols, vals)))
            pos = t.end()
            if t.group(2) != ",":
                break
    return tables


def load_snapshot(src, stem):
    """{code: unit} of one snapshot; unit = dict(code, name, level, parent,
    region, full)."""
    t = parse_sql(read_source(src, stem + ".sql"), stem)
    kinds = {}
    for r in t["administrative_units"]:
        if r["code_name"] not in LEVELS:
            raise Fail("%s: unknown unit kind %r" % (stem, r["code_name"]))
        kinds[r["id"]] = LEVELS[r["code_name"]]
    regions = {}
    for r in t["administrative_regions"]:
        if r["name"] not in REGIONS:
            raise Fail("%s: unknown region %r" % (stem, r["name"]))
        regions[r["id"]] = REGIONS[r["name"]]
    units = {}

    def add(r, parent, want):
        lvl = kinds.get(r["administrative_unit_id"])
        if lvl is None or (lvl == "province") != (want == "province") or \
                (want == "district") != (lvl == "district"):
            raise Fail("%s: unit %s: kind %s is not a %s" % (stem, r["code"],
                       r["administrative_unit_id"], want))
        if r["code"] in units:
            raise Fail("%s: code %s twice" % (stem, r["code"]))
        reg = ""
        if want == "province" and r.get("administrative_region_id"):
            reg = regions[r["administrative_region_id"]]
        units[r["code"]] = dict(code=r["code"], name=clean(r["name"]), level=lvl,
                                parent=parent, region=reg, full=clean(r["full_name"]))

    for r in t["provinces"]:
        add(r, "", "province")
    for r in t.get("districts", []):
        add(r, r["province_code"], "district")
    for r in t["wards"]:
        add(r, r.get("district_code") or r["province_code"], "commune-level")
    for u in units.values():
        if u["parent"] and u["parent"] not in units:
            raise Fail("%s: unit %s: parent %s not in the file" % (stem, u["code"], u["parent"]))
    return units


def province_of(units, code):
    while units[code]["parent"]:
        code = units[code]["parent"]
    return code


# ---------------------------------------------------------------- periods

class Node:
    """One unit over a run of snapshots with the same record."""

    def __init__(self, code, first, unit, pnode=None):
        self.code, self.first, self.last, self.unit = code, first, first, unit
        self.pnode = pnode    # the parent's node: a child lives in one period of its parent
        self.vfrom = self.vto = None
        self.kept = True
        self.succ = None      # (node, how) the unit went whole into
        self.preds = []       # nodes that went whole into this one
        self.region = unit["region"]

    def same(self, u, pnode=None):
        a = self.unit
        return (key(a["name"]), a["level"], a["parent"]) == (key(u["name"]), u["level"], u["parent"]) \
            and self.pnode is pnode

    def years(self):
        return (self.vfrom if self.vfrom is not None else -10**9,
                self.vto if self.vto is not None else 10**9)


def build_nodes(snaps):
    """Nodes per code, in period order."""
    bycode = defaultdict(list)
    rank = {"province": 0, "district": 1}
    for i, units in enumerate(snaps):
        # parents first, so a child knows which period of its parent it is in:
        # when the parent begins a new period (Thừa Thiên Huế becoming Huế),
        # so does the child
        for code, u in sorted(units.items(), key=lambda cu: rank.get(cu[1]["level"], 2)):
            ns = bycode[code]
            pnode = bycode[u["parent"]][-1] if u["parent"] else None
            if ns and ns[-1].last == i - 1 and ns[-1].same(u, pnode):
                ns[-1].last = i
                ns[-1].unit = dict(u, region=ns[-1].unit["region"] or u["region"])
                if u["region"] and ns[-1].region and u["region"] != ns[-1].region:
                    raise Fail("%s: province %s changes region" % (SNAPSHOTS[i][0], code))
                ns[-1].region = ns[-1].region or u["region"]
            else:
                ns.append(Node(code, i, u, pnode))
    last = len(snaps) - 1
    for ns in bycode.values():
        for n in ns:
            n.vfrom = None if n.first == 0 else begins_year(SNAPSHOTS[n.first][1])
            n.vto = None if n.last == last else ends_year(SNAPSHOTS[n.last + 1][1])
            n.kept = n.vfrom is None or n.vto is None or n.vto >= n.vfrom
    # A unit missing from a snapshot that owns no 1 January (the island districts
    # absent from units-2024-02 only) keeps one period: join year-contiguous runs.
    for code, ns in bycode.items():
        out = []
        for n in ns:
            p = out[-1] if out else None
            if p and n.kept and p.kept and p.vto is not None and n.vfrom == p.vto + 1 \
                    and p.same(n.unit, n.pnode) and n.first > p.last + 1:
                p.last, p.vto, p.unit = n.last, n.vto, n.unit
                p.region = p.region or n.region
                continue
            out.append(n)
        bycode[code] = out
    return bycode


def node_at(bycode, code, snap):
    for n in bycode.get(code, []):
        if n.first <= snap <= n.last:
            return n
    return None


# ---------------------------------------------------------------- the 2025 map

SPLIT_AND = re.compile(r"\s+và\s+")  # lower case only: "Xã Lao Và Chải" is one name
PART = re.compile(r"một phần|phần còn la[iị]", re.I)
TAIL = re.compile(r"\s+sau khi s[aắá]p (?:x|X)[eếé]p[^,()]*|\s+sau khi sáp nhập[^,()]*")


def split_top(text):
    """Items of a list at parenthesis depth 0, cut at commas and 'và'."""
    items, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch if depth == 0 or ch != "," else "\x00")
    items.append("".join(cur))
    out = []
    for it in items:
        # 'và' only at depth 0: parentheses have had their commas masked, and
        # hold no 'và' that matters (they name where the rest went).
        parts, depth, buf = [], 0, ""
        for tok in re.split(r"(\(|\))", it):
            if tok == "(":
                depth += 1
            elif tok == ")":
                depth -= 1
            if depth == 0 and tok not in "()":
                pieces = SPLIT_AND.split(tok)
                buf += pieces[0]
                for p in pieces[1:]:
                    parts.append(buf)
                    buf = p
            else:
                buf += tok
        parts.append(buf)
        out.extend(p.replace("\x00", ",").strip() for p in parts)
    return [o for o in out if o]


def take_type(s):
    """(level or None, rest) after any run of type words at the start of s."""
    lvl = None
    while True:
        low = s.casefold()
        for w, l in TYPE_WORDS:
            if low.startswith(w + " ") or low == w:
                lvl, s = l, s[len(w):].strip()
                break
        else:
            return lvl, s


def parse_commune_text(text):
    """[(level or None, name, district qualifier or None, part flag, raw item,
    whether the type word was written in the item or carried from the one before)]."""
    t = re.sub(r"\s+", " ", nfc(text)).strip().rstrip(".").strip()
    # drop "sau khi sắp xếp ..." clauses at depth 0
    depth, masked = 0, ""
    for ch in t:
        depth += ch == "("
        masked += ch if depth == 0 or ch in "()" else "\x01"
        depth -= ch == ")"
    for m in reversed(list(TAIL.finditer(masked))):
        t = t[:m.start()] + t[m.end():]
    res = []
    sticky = False
    last_type = None
    for item in split_top(t):
        part = False
        quals = re.findall(r"\(([^()]*)\)", item)
        body = re.sub(r"\([^()]*\)", " ", item)
        body = re.sub(r"\s+", " ", body).strip()
        if PART.search(body):
            sticky = True
        if any(PART.search(q) for q in quals):
            part = True
        district = None
        for q in quals:
            ql = q.strip()
            if any(ql.casefold().startswith(w + " ") for w in DISTRICT_WORDS):
                district = ql
        low = body.casefold()
        # "của" (of) ends the wording; "củ" before a type word is a typo for it
        m = list(re.finditer(r"(?<!\S)(?:của|củ(?=\s+(?:xã|phường|thị trấn)\s))\s", low))
        if m:
            body = body[m[-1].end():].strip()
        elif "diện tích" in low or "quy mô" in low or low in ("", "sắp xếp"):
            continue
        body = re.sub(r"^(?:và|các|toàn bộ)\s+", "", body, flags=re.I).strip()
        body = re.sub(r"^các\s+", "", body, flags=re.I).strip()
        lvl, name = take_type(body)
        m = re.match(r"^(.+) (?:xã|phường|thị trấn) (.+)$", name, re.I)
        if m and key(m.group(1)) == key(m.group(2)):
            name = m.group(1)  # "xã Yên Định Xã Yên Định"
        if lvl is None and any(body.casefold().startswith(w + " ") for w in DISTRICT_WORDS):
            lvl = "district"
            name = body.split(" ", 2 if body.casefold().startswith(("thành phố", "thị xã")) else 1)[-1]
            res.append((lvl, name, body, part or sticky, item.strip(), True))
            continue
        written = lvl is not None
        if lvl is None:
            lvl = last_type
        else:
            last_type = lvl
        if not name:
            continue
        res.append((lvl, name, district, part or sticky, item.strip(), written))
    return res


def initials(s):
    return "".join(w[0] for w in s.split()).upper()


def resolve_provinces(text, old_provs, new_code):
    """Old province codes named by a new province's text, and failures."""
    t = nfc(text).strip()
    if key(t) == key("giữ nguyên"):
        return ([new_code] if new_code in old_provs else []), \
               ([] if new_code in old_provs else [t])
    t = t.split(". ")[0].rstrip(".")
    got, bad = [], []
    for item in split_top(t):
        k = key(item)
        hits = [c for c, u in old_provs.items() if key(u["full"]) == k
                or initials(u["full"]) == item.strip()]
        if len(hits) == 1:
            got.append(hits[0])
        else:
            bad.append(item)
    return got, bad


def resolve_communes(items, pool, lpool, districts, provs):
    """Resolve parsed items against pool and lpool (key() and loose() of the name
    -> commune-level units of the old provinces) and districts (of the old
    provinces). Returns [(code or None, item, why)]: why says what was not exact."""
    out = []
    for item in items:
        lvl, name, district, part, raw, written = item
        if lvl == "district":
            ds = [c for c, d in districts.items() if key(d["full"]) == key(district)]
            out.append((ds[0], item, "") if len(ds) == 1 else
                       (None, item, "%d districts of that name" % len(ds)))
            continue
        why = []
        cands = list(pool.get(key(name), []))
        if not cands:
            cands = list(lpool.get(loose(name), []))
            if cands:
                why.append("spelling differs")
        if district:
            dname, _, pname = district.partition(",")
            pname = pname.strip()
            ds = {c for c, d in districts.items() if key(d["full"]) == key(dname)
                  and (not pname or key(provs[d["parent"]]["full"]) == key(pname))}
            if not ds:
                out.append((None, item, "district '%s' not found" % district))
                continue
            cands = [u for u in cands if u["parent"] in ds]
        if lvl is not None and len(cands) > 1:
            cands = [u for u in cands if u["level"] == lvl]
        elif lvl is not None and len(cands) == 1 and cands[0]["level"] != lvl:
            if not written:  # a carried type word does not stretch to another kind
                out.append((None, item, "no %s of that name" % lvl))
                continue
            why.append("type word differs")
        if len(cands) == 1:
            out.append((cands[0]["code"], item, ", ".join(why)))
        else:
            out.append((None, item, "no such unit" if not cands else
                        "%d units of that name (%s)" % (len(cands), " ".join(
                            sorted(u["code"] for u in cands)))))
    return out


# ---------------------------------------------------------------- main work

def run(src, outdir):
    snaps = [load_snapshot(src, s) for s, _ in SNAPSHOTS]
    bycode = build_nodes(snaps)
    unresolved = []  # (code, name, what)

    def note(code, name, what):
        unresolved.append((code, name, what))

    def link(a, b, how):
        if a.succ is not None:
            if a.succ[0] is not b:
                raise Fail("unit %s (%s) has two successors: %s and %s" % (
                    a.code, a.unit["name"], a.succ[0].code, b.code))
            return
        a.succ = (b, how)
        b.preds.append(a)

    # (a) same code, changed record: the old period went into the new one.
    for code, ns in bycode.items():
        for p, n in zip(ns, ns[1:]):
            if n.first == p.last + 1 and n.first < NEW_MAP:
                link(p, n, "same code")

    # (c) arrangements.csv
    arr_path = os.path.join(HERE, "arrangements.csv")
    with open(arr_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for ln, r in enumerate(rows, 2):
        d = tuple(int(x) for x in r["in_force"].split("-"))
        # the snapshot that first shows the change
        e = next((i for i, (_, sd) in enumerate(SNAPSHOTS) if sd >= d), None)
        if e is None or e == 0:
            raise Fail("arrangements.csv:%d: in_force %s outside the snapshots" % (ln, r["in_force"]))
        a = node_at(bycode, r["old_code"], e - 1)
        b = node_at(bycode, r["new_code"], e)
        if a is None or a.last != e - 1 or b is None:
            raise Fail("arrangements.csv:%d: %s -> %s: no unit ending before %s and none "
                       "beginning with it" % (ln, r["old_code"], r["new_code"], SNAPSHOTS[e][0]))
        if a.succ and a.succ[0] is not b:
            raise Fail("arrangements.csv:%d: %s -> %s disagrees with the register (%s)" % (
                ln, r["old_code"], r["new_code"], a.succ[0].code))
        if not a.succ:
            link(a, b, "arrangements.csv")

    # (d) a unit gone from a snapshot while exactly one unit of the same name,
    # level kind and parent begins in it under another code: renumbered.
    for e in range(1, NEW_MAP):
        begun = defaultdict(list)
        for code, ns in bycode.items():
            for n in ns:
                if n.first == e:
                    begun[(key(n.unit["name"]), n.unit["parent"])].append(n)
        for code, ns in bycode.items():
            for n in ns:
                if n.last == e - 1 and n.succ is None and code not in snaps[e]:
                    c = begun.get((key(n.unit["name"]), n.unit["parent"]), [])
                    c = [x for x in c if LEVEL_ORDER[x.unit["level"]] == LEVEL_ORDER[n.unit["level"]]]
                    if len(c) == 1:
                        link(n, c[0], "same name, new code")

    # (b) the 2025 map
    old = snaps[MAP_SNAPSHOT]
    new = snaps[NEW_MAP]
    mp = json.loads(read_source(src, MAP_FILE))
    old_provs = {c: u for c, u in old.items() if u["level"] == "province"}
    new_provs = {}
    map_links = []  # (new code, old code, part flag)
    for e in mp:
        if e["magoc"] != "0":
            continue
        if e["ma"] not in new or new[e["ma"]]["level"] != "province":
            note(e["ma"], nfc(e["ten"]), "2025 map: province not in units-2026-04")
            continue
        got, bad = resolve_provinces(e["truocsapnhap"], old_provs, e["ma"])
        for b in bad:
            note(e["ma"], new[e["ma"]]["name"], "2025 map: province text '%s' names no "
                 "single old province" % b)
        new_provs[e["ma"]] = got
        for g in got:
            map_links.append((e["ma"], g, False))
    dist_of = defaultdict(dict)  # old province -> its districts
    for c, u in old.items():
        if u["level"] == "district":
            dist_of[u["parent"]][c] = u
    by_prov = defaultdict(lambda: defaultdict(list))  # old province -> name key -> units
    by_prov_l = defaultdict(lambda: defaultdict(list))  # the same by loose()
    for u in old.values():
        if u["level"] in COMMUNE_LEVELS:
            by_prov[province_of(old, u["code"])][key(u["name"])].append(u)
            by_prov_l[province_of(old, u["code"])][loose(u["name"])].append(u)
    map_codes = {e["ma"] for e in mp}
    maybe_elsewhere = set()  # old units an unresolved (ambiguous) mention may mean
    commune_items = 0
    resolved_n = 0
    why_notes = defaultdict(int)
    for e in mp:
        if e["magoc"] == "0":
            continue
        nc = e["ma"]
        if nc not in new or province_of(new, nc) != e["magoc"]:
            # a code the register does not have there: take the one unit of the
            # province with that type and name that the map does not list
            lvl, nm = take_type(nfc(e["ten"]))
            c = [u["code"] for u in new.values() if u["parent"] == e["magoc"]
                 and u["level"] == lvl and key(u["name"]) == key(nm) and u["code"] not in map_codes]
            if len(c) != 1:
                note(nc, nfc(e["ten"]), "2025 map: unit not in units-2026-04")
                continue
            note(c[0], new[c[0]]["name"], "2025 map, resolved with a difference (code differs): "
                 "the map's %s %s is taken as %s in units-2026-04" % (nc, nfc(e["ten"]), c[0]))
            nc = c[0]
        provs = set(new_provs.get(e["magoc"], []))
        pool, lpool = defaultdict(list), defaultdict(list)
        for pc in provs:
            for k, us in by_prov.get(pc, {}).items():
                pool[k].extend(us)
            for k, us in by_prov_l.get(pc, {}).items():
                lpool[k].extend(us)
        dists = {c: u for pc in provs for c, u in dist_of.get(pc, {}).items()}
        text = e["truocsapnhap"]
        if key(text) == key("giữ nguyên"):
            commune_items += 1
            # unchanged: the old unit of the same code (the GSO's identity) in
            # the old province(s); a name written differently is noted
            u = old.get(nc)
            if u and u["level"] in COMMUNE_LEVELS and province_of(old, nc) in provs:
                map_links.append((nc, nc, False))
                resolved_n += 1
                if key(u["name"]) != key(new[nc]["name"]):
                    why_notes["name differs"] += 1
                    note(nc, new[nc]["name"], "2025 map, resolved with a difference (name "
                         "differs): 'giữ nguyên' (unchanged) taken as the old unit of the same "
                         "code, %s %s" % (u["level"], u["name"]))
            else:
                note(nc, new[nc]["name"], "2025 map: 'giữ nguyên' but no old unit %s of "
                     "that name in the old province(s)" % nc)
            continue
        items = parse_commune_text(text)
        if not items:
            note(nc, new[nc]["name"], "2025 map: no old unit read from '%s'" % nfc(text))
        for code, (lvl, name, district, part, raw, _), why in resolve_communes(items, pool, lpool, dists,
                                                                          old_provs):
            commune_items += 1
            if code is None:
                if "units of that name" in why:
                    maybe_elsewhere.update(re.findall(r"\b\d{5}\b", why))
                note(nc, new[nc]["name"], "2025 map: '%s' not resolved (%s); text: %s"
                     % (raw, why, re.sub(r"\s+", " ", nfc(text)).strip()))
                continue
            resolved_n += 1
            if why:
                why_notes[why] += 1
                note(nc, new[nc]["name"], "2025 map, resolved with a difference (%s): '%s' "
                     "taken as %s %s %s" % (why, raw, code, old[code]["level"], old[code]["name"]))
            map_links.append((nc, code, part))
            if old[code]["level"] == "district":
                # a whole district named: each of its units went the same way
                for c, u in old.items():
                    if u["parent"] == code:
                        map_links.append((nc, c, part))

    # whole or part: part if so marked, linked to more than one new unit, or
    # possibly meant by a mention that did not resolve
    targets = defaultdict(set)
    marked = defaultdict(bool)
    for nc, oc, part in map_links:
        targets[oc].add(nc)
        marked[(nc, oc)] |= part
    pairs = sorted({(nc, oc) for nc, oc, _ in map_links})
    whole_of = {}
    for nc, oc in pairs:
        whole = len(targets[oc]) == 1 and not marked[(nc, oc)] and oc not in maybe_elsewhere
        whole_of[(nc, oc)] = whole
        a = node_at(bycode, oc, MAP_SNAPSHOT)
        b = node_at(bycode, nc, NEW_MAP)
        # districts (the island districts that became đặc khu) keep no merged_into:
        # the district level ended; their links stay in links-2025.csv
        if whole and a is not None and a.last == MAP_SNAPSHOT and a.unit["level"] != "district":
            link(a, b, "2025 map")

    # region of provinces of the new map: the one region of the old provinces it
    # was formed from; when they span two, the region of the old province whose
    # name it keeps, else of the one whose code it keeps (noted either way).
    for code, olds in sorted(new_provs.items()):
        n = node_at(bycode, code, NEW_MAP)
        regs = sorted({old[c]["region"] for c in olds})
        if len(regs) == 1:
            pick, how = regs[0], ""
        else:
            byname = [c for c in olds if key(old[c]["name"]) == key(n.unit["name"])]
            src = byname[0] if len(byname) == 1 else (code if code in olds else None)
            pick = old[src]["region"] if src else ""
            how = ("the region of %s %s, whose name it keeps" % (src, old[src]["name"])
                   if byname else "the region of %s %s, whose code it keeps" % (
                       src, old[src]["name"]) if src else "none")
            note(code, n.unit["name"], "region: the old provinces %s span %s; took %s, %s" % (
                " ".join("%s %s (%s)" % (c, old[c]["name"], old[c]["region"]) for c in olds),
                "/".join(regs), pick or "none", how))
        if n.region and n.region != pick:
            note(code, n.unit["name"], "region: continues as %s from the old register, not %s"
                 % (n.region, pick))
        n.region = n.region or pick
    for code, ns in bycode.items():
        for n in ns:
            if n.unit["level"] == "province" and n.region == "" and n.kept:
                raise Fail("province %s has no region" % code)

    # merged_into: follow whole links through periods that owned no 1 January
    def final(n):
        seen = 0
        while n.succ is not None and seen < 20:
            n = n.succ[0]
            seen += 1
            if n.kept:
                return n
        return None

    rows = []
    for code, ns in bycode.items():
        for n in ns:
            if not n.kept:
                note(code, n.unit["name"], "left out: %s %s known only from %s%s, between two "
                     "1 Januaries" % (n.unit["level"], n.unit["name"], SNAPSHOTS[n.first][0],
                                      "" if n.first == n.last else " to " + SNAPSHOTS[n.last][0]))
                continue
            mi = ""
            if n.vto is not None:
                t = final(n)
                if t is not None:
                    lo, hi = t.years()
                    if not lo <= n.vto + 1 <= hi:
                        raise Fail("%s: successor %s does not exist in %d" % (code, t.code, n.vto + 1))
                    mi = t.code
                elif n.unit["level"] == "district" and n.last == NEW_MAP - 1:
                    pass  # the district level ended on 2025-07-01
                elif n.last == MAP_SNAPSHOT:
                    pass  # in units-2025-03: noted below (split, or named by no new unit)
                elif n.succ:
                    t = n.succ[0]
                    note(code, n.unit["name"], "not known: %s %s ended %d into %s %s, known only "
                         "from %s, which has no single successor (see its entry)" % (
                             n.unit["level"], n.unit["name"], n.vto, t.code, t.unit["name"],
                             SNAPSHOTS[t.first][0]))
                else:
                    note(code, n.unit["name"], "not known: %s %s ended %d (gone from %s); no "
                         "successor in the register, the 2025 map or arrangements.csv" % (
                             n.unit["level"], n.unit["name"], n.vto, SNAPSHOTS[n.last + 1][0]))
            rows.append((n, mi))

    # links-2025.csv, naming the periods that exist in 2025
    def in_2025(oc):
        a = node_at(bycode, oc, MAP_SNAPSHOT)
        if a is None:
            return []
        if a.kept:
            return [a]
        out, todo = [], list(a.preds)
        while todo:
            p = todo.pop()
            if p.kept:
                out.append(p)
            else:
                todo.extend(p.preds)
        return out

    link_rows = []
    for nc, oc in pairs:
        b = node_at(bycode, nc, NEW_MAP)
        olds = in_2025(oc)
        if not olds:
            note(oc, old[oc]["name"], "2025 map: old unit %s %s (in %s) existed only "
                 "from 2025-03-01 and no earlier unit is known to have become it; its "
                 "link to %s %s is not written" % (old[oc]["level"], old[oc]["name"],
                                                   SNAPSHOTS[MAP_SNAPSHOT][0], nc, b.unit["name"]))
            continue
        for a in olds:
            link_rows.append((nc, b.unit["name"], b.unit["level"], a.code, a.unit["name"],
                              a.unit["level"], "yes" if whole_of[(nc, oc)] else "no"))
    for oc in sorted(targets):
        if old[oc]["level"] == "province":
            continue
        if any(not whole_of[(nc, oc)] for nc in targets[oc]):
            if len(targets[oc]) > 1 or any(marked[(nc, oc)] for nc in targets[oc]):
                why = ("named by %d new units" % len(targets[oc])) if len(targets[oc]) > 1 \
                    else "named as a part"
                note(oc, old[oc]["name"], "split in 2025 (%s: %s): no single successor; parts "
                     "in links-2025.csv" % (why, " ".join(sorted(targets[oc]))))
            else:
                note(oc, old[oc]["name"], "unsure in 2025: named by %s, but also a candidate of "
                     "a name of the map that did not resolve; no merged_into, link in "
                     "links-2025.csv with whole=no" % " ".join(sorted(targets[oc])))
    for oc, u in sorted(old.items()):
        if u["level"] != "district" and oc not in targets:
            note(oc, u["name"], "not known: %s %s (units-2025-03) is named by no unit of the "
                 "2025 map" % (u["level"], u["name"]))

    # order: level, code, period
    rows.sort(key=lambda r: (LEVEL_ORDER[r[0].unit["level"]], r[0].code, r[0].first))
    os.makedirs(outdir, exist_ok=True)

    def write(name, header, data):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for r in data:
            w.writerow([nfc(str(x)) for x in r])
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())

    def yr(v):
        return "" if v is None else str(v)

    write("units.csv", ["code", "name", "level", "parent", "region", "valid_from", "valid_to",
                        "merged_into", "split_from"],
          [(n.code, n.unit["name"], n.unit["level"], n.unit["parent"],
            n.region if n.unit["level"] == "province" else "", yr(n.vfrom), yr(n.vto), mi, "")
           for n, mi in rows])
    link_rows.sort(key=lambda r: (r[0], r[3]))
    write("links-2025.csv", ["new_code", "new_name", "new_level", "old_code", "old_name",
                             "old_level", "whole"], link_rows)
    unresolved.sort(key=lambda r: (r[2].split(":")[0], r[0], r[2]))
    write("unresolved.csv", ["code", "name", "what"], unresolved)

    # summary on stderr
    counts = defaultdict(lambda: defaultdict(int))
    for n, _ in rows:
        lo, hi = n.years()
        for y in range(2021, 2027):
            if lo <= y <= hi:
                counts[y][n.unit["level"]] += 1
    for y in sorted(counts):
        c = counts[y]
        print("%d: %s" % (y, ", ".join("%s %d" % (l, c[l]) for l in
                                       ("province", "district", "commune", "township", "ward"))),
              file=sys.stderr)
    print("2025 map: %d old-unit mentions, %d resolved, %d not (%s)" % (
        commune_items, resolved_n, commune_items - resolved_n,
        ", ".join("%s %d" % kv for kv in why_notes.items()) or "-"), file=sys.stderr)
    print("rows %d, links %d, unresolved %d" % (len(rows), len(link_rows), len(unresolved)),
          file=sys.stderr)


def main(argv):
    out, src = HERE, os.path.join(HERE, "source")
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--out" and args:
            out = args.pop(0)
        elif a == "--source" and args:
            src = args.pop(0)
        else:
            print(__doc__.strip().splitlines()[-1], file=sys.stderr)
            return 2
    try:
        run(src, out)
    except Fail as e:
        print("make-units.py: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
