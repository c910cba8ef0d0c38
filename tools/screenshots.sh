#!/bin/sh
# Current screenshots for docs/: a demo database shown in a real window on Xvfb, at the
# 1366×768 of an office PC.
set -e
tmp=$(mktemp -d)
.venv/bin/redoffice-cli --db "$tmp/demo.sqlite" init --community-name 幸福社区 \
  --community-code 420106001001 --street-name 中南路街道 --street-code 420106001 --operator 张秘书 >/dev/null
.venv/bin/redoffice-cli --db "$tmp/demo.sqlite" demo --households 2000 --seed 7 >/dev/null 2>&1
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \
  .venv/bin/python tools/screenshots.py "$tmp/demo.sqlite" docs/screenshots
rm -rf "$tmp"
