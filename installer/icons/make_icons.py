"""Draw RedOffice's icon (a gold star on a red tile with 社区) with Qt and write the files the
installers use: redoffice.png (256 px, Linux hicolor), redoffice-48.png and redoffice.ico
(16–256 px, Windows). Run once from the repository root; the results are committed:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/icons/make_icons.py
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPolygonF,
)

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[1] / "resources/fonts/wqy-microhei.ttc"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _star(cx: float, cy: float, outer: float) -> QPolygonF:
    inner = outer * 0.382
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return QPolygonF(points)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.fillPath(tile, QColor("#C8102E"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FFD200"))
    if size < 48:  # the star alone where the characters would be a blur
        p.drawPolygon(_star(128 * s, 134 * s, 100 * s))
    else:
        p.drawPolygon(_star(128 * s, 100 * s, 70 * s))
        font = QFont(family)
        font.setPixelSize(round(78 * s))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#FFD200"))
        p.drawText(QRectF(0, 150 * s, 256 * s, 92 * s), Qt.AlignmentFlag.AlignCenter, "社区")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def write_ico(path: Path, images: list[QImage]) -> None:
    """An .ico holding PNG images (Windows Vista and later read them at every size)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))[0]
    draw(256, family).save(str(HERE / "redoffice.png"))
    draw(48, family).save(str(HERE / "redoffice-48.png"))
    write_ico(HERE / "redoffice.ico", [draw(size, family) for size in ICO_SIZES])
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
