#!/usr/bin/env bash
# The task pane's browser tests drive Debian's Chromium (a browser download by a test tool fails on
# these machines). Install it when it is missing and we may; otherwise say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "浏览器测试需要 Chromium：请运行 sudo apt-get install chromium fonts-noto-cjk" >&2
exit 1
