#!/usr/bin/python3
"""Renders a case's `--format html` page in headless Chromium and checks the result: Chromium
exits cleanly, prints no console error, and the screenshot is a PNG of the requested size that
is not blank. Exits 77 (ctest's skip code) when Chromium is not installed.

Usage: check_html_in_browser.py CANDOUR CASE [--save PNG]

CHROMIUM names the browser (default /usr/bin/chromium). --save copies the screenshot, for
docs/images/mopac-report.png. Reads the PNG with zlib only: no imaging library is needed."""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 1280, 2000
SKIP = 77


def read_png(path):
    """(width, height, rows) for an 8-bit greyscale, RGB or RGBA PNG; rows are bytes per pixel row."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"unsupported PNG layout: depth {depth}, colour type {colour}, interlace {interlace}")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main(argv):
    args = argv[1:]
    save = None
    if "--save" in args:
        i = args.index("--save")
        save = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exe, case = args
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(chromium):
        print(f"SKIP: {chromium} is not installed (Debian: apt-get install chromium); the HTML report was not "
              "checked in a browser")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="candour-browser-") as tmp:
        page = os.path.join(tmp, "report.html")
        shot = os.path.join(tmp, "report.png")
        with open(page, "w", encoding="utf-8") as out:
            run = subprocess.run([exe, "evaluate", case, "--format", "html"], stdout=out, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            print(f"candour exited with {run.returncode}:\n{run.stderr}", file=sys.stderr)
            return 1
        profile = os.path.join(tmp, "profile")
        os.mkdir(profile)
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                   f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", "file://" + page]
        try:
            browser = subprocess.run(command, capture_output=True, text=True, timeout=240)
        except subprocess.TimeoutExpired:
            print("chromium did not finish within 240 seconds", file=sys.stderr)
            return 1
        problems = []
        if browser.returncode != 0:
            problems.append(f"chromium exited with {browser.returncode}")
        # The page writes nothing to the console, so any console line (an uncaught exception is
        # logged as INFO:CONSOLE "Uncaught ...", console.error as ERROR:CONSOLE) is a failure.
        console = [line for line in browser.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
        problems += [f"console: {line}" for line in console]
        if not os.path.exists(shot):
            problems.append("no screenshot was written")
        else:
            width, height, channels, rows = read_png(shot)
            if (width, height) != (WIDTH, HEIGHT):
                problems.append(f"screenshot is {width}x{height}, expected {WIDTH}x{HEIGHT}")
            # Not blank: across rows sampled down the page, enough pixels differ from the page
            # background and there are several distinct colours (text, table rules, badges).
            sampled = rows[::25]
            background = rows[0][:channels]
            ink, colours = 0, set()
            for row in sampled:
                for x in range(0, len(row), channels * 4):
                    pixel = row[x:x + channels]
                    colours.add(pixel)
                    ink += pixel != background
            total = len(sampled) * (len(rows[0]) // (channels * 4))
            if ink < total // 100:
                problems.append(f"screenshot looks blank: {ink} of {total} sampled pixels differ from the background")
            if len(colours) < 8:
                problems.append(f"screenshot has only {len(colours)} distinct colours")
            if save and not problems:
                shutil.copyfile(shot, save)
            print(f"screenshot {width}x{height}: {ink} of {total} sampled pixels inked, {len(colours)} colours")
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
