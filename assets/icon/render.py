#!/usr/bin/env python3
"""Renders the icon's PNG sizes from orderbook-workstation.svg (with rsvg-convert, from librsvg) and packs them into
the Windows .ico and macOS .icns that jpackage needs there. Both formats simply hold PNG images, so nothing more than
the Python standard library packs them. Run from anywhere: python3 assets/icon/render.py"""
import pathlib
import struct
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
NAME = "orderbook-workstation"
SIZES = [16, 32, 48, 64, 128, 256, 512, 1024]


def png(size):
    return (HERE / f"{NAME}-{size}.png").read_bytes()


def render():
    for size in SIZES:
        subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), str(HERE / f"{NAME}.svg"),
                        "-o", str(HERE / f"{NAME}-{size}.png")], check=True)


def ico():
    sizes = [16, 32, 48, 64, 128, 256]
    images = [png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, image in zip(sizes, images):
        # Width and height 0 mean 256.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    (HERE / f"{NAME}.ico").write_bytes(header + entries + b"".join(images))


def icns():
    # Types holding PNG data: 16/32 at 2x, 32/64 ... 512 at 1x and 2x.
    types = [(b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"ic07", 128), (b"ic13", 256),
             (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024)]
    body = b"".join(kind + struct.pack(">I", 8 + len(png(size))) + png(size) for kind, size in types)
    (HERE / f"{NAME}.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


if __name__ == "__main__":
    render()
    ico()
    icns()
