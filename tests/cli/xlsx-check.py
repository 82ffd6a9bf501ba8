#!/usr/bin/env python3
"""xlsx-check.py - reads an .xlsx the way a spreadsheet program does, with
the standard library only (zipfile, xml.etree), to check what ntm report
writes without trusting the library that wrote it.

usage: xlsx-check.py FILE SHEET CHECK...

SHEET is the sheet's name (it must exist). Each CHECK is one of:
  text=STRING      a text cell of the sheet reads STRING exactly
  frozen=N         the sheet's pane is frozen below row N (the header)
  numbers=COL      every filled cell of column COL in the table's rows (those
                   below the frozen ones, up to the first empty row) is stored
                   as a number (no cell type "s", "str", "inlineStr")
  cell=REF:VALUE   cell REF holds VALUE: a number when VALUE is one (within
                   1e-9), else the text
  format=REF:CODE  cell REF is shown with number format CODE ("#,##0")
Prints "ok" and exits 0, or names the first check that failed and exits 1.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# the number formats Excel knows by id (ECMA-376 part 1, 18.8.30)
BUILTIN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
           9: "0%", 10: "0.00%", 14: "mm-dd-yy", 49: "@"}


def fail(msg):
    print("xlsx-check: " + msg)
    sys.exit(1)


def text_of(el):
    """The text of a shared or inline string: every <t> under it."""
    return "".join(t.text or "" for t in el.iter("{%s}t" % NS["m"]))


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    if not m:
        fail("'%s' is not a cell reference like B9" % ref)
    return m.group(1), int(m.group(2))


def load(path, sheet_name):
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        fail("%s: not a zip file: %s" % (path, e))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = None
    names = []
    for s in wb.iterfind("m:sheets/m:sheet", NS):
        names.append(s.get("name"))
        if s.get("name") == sheet_name:
            rid = s.get(REL)
            for r in rels:
                if r.get("Id") == rid:
                    target = r.get("Target")
    if target is None:
        fail("no sheet named '%s' (sheets: %s)" % (sheet_name, ", ".join(names)))
    target = target.lstrip("/")
    if not target.startswith("xl/"):
        target = "xl/" + target
    sheet = ET.fromstring(z.read(target))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        shared = [text_of(si) for si in sst.iterfind("m:si", NS)]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    fmts = dict(BUILTIN)
    for nf in styles.iterfind("m:numFmts/m:numFmt", NS):
        fmts[int(nf.get("numFmtId"))] = nf.get("formatCode")
    xfs = [int(xf.get("numFmtId", "0")) for xf in styles.iterfind("m:cellXfs/m:xf", NS)]
    cells = {}
    for c in sheet.iterfind("m:sheetData/m:row/m:c", NS):
        t = c.get("t", "n")
        v = c.find("m:v", NS)
        if t == "s":
            value = shared[int(v.text)]
        elif t == "inlineStr":
            value = text_of(c.find("m:is", NS))
        elif t in ("str", "b", "e"):
            value = v.text if v is not None else ""
        else:
            value = float(v.text) if v is not None else None
        style = int(c.get("s", "0"))
        cells[c.get("r")] = (t, value, fmts.get(xfs[style] if style < len(xfs) else 0, "?"))
    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    return cells, pane


def main():
    if len(sys.argv) < 4:
        fail("usage: xlsx-check.py FILE SHEET CHECK...")
    cells, pane = load(sys.argv[1], sys.argv[2])
    frozen = int(float(pane.get("ySplit", "0"))) if pane is not None and pane.get("state") == "frozen" else 0
    for check in sys.argv[3:]:
        kind, _, arg = check.partition("=")
        if kind == "text":
            if not any(t != "n" and v == arg for t, v, _ in cells.values()):
                fail("no text cell reads '%s'" % arg)
        elif kind == "frozen":
            if pane is None or pane.get("state") != "frozen":
                fail("no frozen pane")
            if frozen != int(arg):
                fail("the pane is frozen below row %d, not %s" % (frozen, arg))
        elif kind == "numbers":
            rows = {split_ref(ref)[1] for ref in cells}
            end = frozen + 1
            while end in rows:
                end += 1
            seen = 0
            for ref, (t, v, _) in cells.items():
                col, row = split_ref(ref)
                if col != arg or row <= frozen or row >= end or v is None:
                    continue
                if t != "n":
                    fail("%s is stored as %s ('%s'), not as a number" % (ref, t, v))
                seen += 1
            if not seen:
                fail("column %s has no filled cell below row %d" % (arg, frozen))
        elif kind == "cell":
            ref, _, want = arg.partition(":")
            if ref not in cells:
                fail("%s is empty" % ref)
            t, v, _ = cells[ref]
            try:
                num = float(want)
            except ValueError:
                num = None
            if num is not None:
                if t != "n" or v is None or abs(v - num) > 1e-9:
                    fail("%s holds %r (%s), not the number %s" % (ref, v, t, want))
            elif t == "n" or v != want:
                fail("%s holds %r, not the text '%s'" % (ref, v, want))
        elif kind == "format":
            ref, _, want = arg.partition(":")
            if ref not in cells:
                fail("%s is empty" % ref)
            if cells[ref][2] != want:
                fail("%s is shown as '%s', not '%s'" % (ref, cells[ref][2], want))
        else:
            fail("unknown check '%s'" % check)
    print("ok")


main()
