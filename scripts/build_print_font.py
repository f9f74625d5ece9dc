#!/usr/bin/python3
"""Builds assets/fonts/KioskPrintSC-Regular.otf: the print font of the Chromium PDF renderer.

Chromium's PDF backend spends time in proportion to the size of every font a document uses, and Noto Sans
CJK SC has 65,535 glyphs (a 19 MB collection): that alone cost ~0.5 s per printed page. This subset keeps
the same outlines for GB 2312 (the 6,763 common hanzi and its symbols), Latin, punctuation, and every
character of the kiosk's own texts, so printouts look exactly as before; a rarer character in a name falls
back to the full system font (correct, only slower). Renamed "Kiosk Print SC" so it never shadows the
system face; the SIL Open Font License allows this (the reserved name "Source" is not used).

Run with Debian's fontTools (apt-get install fonttools): /usr/bin/python3 scripts/build_print_font.py
"""

import json
import pathlib

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FACE = "NotoSansCJKsc-Regular"
OUTPUT = ROOT / "assets" / "fonts" / "KioskPrintSC-Regular.otf"
FAMILY = "Kiosk Print SC"
POSTSCRIPT = "KioskPrintSC-Regular"
# The kiosk's own texts in Chinese: catalogs, templates and published data.
TEXT_SOURCES = ["assets/locales/zh-CN", "assets/templates", "assets/directory", "assets/fees", "assets/content"]


def gb2312() -> set[int]:
    chars = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def own_texts() -> set[int]:
    chars = set()
    for folder in TEXT_SOURCES:
        for file in (ROOT / folder).glob("*.json"):
            chars.update(ord(c) for c in json.dumps(json.loads(file.read_text("utf-8")), ensure_ascii=False))
    return {c for c in chars if c >= 0x2000 and not 0x1800 <= c <= 0x18AF}  # Mongolian has its own font


def code_points() -> set[int]:
    ranges = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x2100, 0x215F), (0x2190, 0x21FF),
              (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    chars = {c for low, high in ranges for c in range(low, high + 1)}
    return chars | gb2312() | own_texts()


def main() -> None:
    collection = TTCollection(str(SOURCE))
    font = next(f for f in collection.fonts if f["name"].getDebugName(6) == SOURCE_FACE)
    options = subset.Options()
    # Simplified Chinese forms only: `locl` would pull in the Japanese, Korean and traditional variants.
    features = [f for f in options.layout_features if f != "locl"]
    options.layout_features = [*features, "vert", "vrt2", "halt", "palt", "vhal", "vpal"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points())
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(f"{FAMILY} Regular", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(POSTSCRIPT, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 17:
            names.setName("Regular", 17, record.platformID, record.platEncID, record.langID)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT]
    cff[POSTSCRIPT].FullName = f"{FAMILY} Regular"
    cff[POSTSCRIPT].FamilyName = FAMILY
    font.save(str(OUTPUT))
    print(f"{OUTPUT.relative_to(ROOT)}: {len(font.getGlyphOrder())} glyphs, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
