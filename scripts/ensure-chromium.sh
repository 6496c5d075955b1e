#!/usr/bin/env bash
# Makes sure the browser tests have a browser: Debian's chromium at
# /usr/bin/chromium. Playwright cannot download its own browser builds here,
# so tests/browser launches this one instead.
#
# - chromium present: nothing to do.
# - missing and we are root on Debian/Ubuntu: apt-get update once, then install it
#   (with one font family, so screenshots are legible; no other recommends).
# - otherwise: say exactly what to install; the browser tests then skip with
#   the same reason (tests/browser/conftest.py), so nothing passes silently.
#
# Never fails the build by itself: whether a missing browser is fatal is the
# test suite's call (it is under CI=true).
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
	exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "ensure-chromium: installing Debian's chromium for the browser tests..."
	export DEBIAN_FRONTEND=noninteractive
	if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; then
		echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
		exit 0
	fi
	echo "ensure-chromium: apt-get could not install chromium." >&2
fi

cat >&2 <<'MSG'
ensure-chromium: /usr/bin/chromium is missing, so the browser tests (tests/browser) will be
  skipped (and fail under CI=true).
  To run them, install Debian's chromium package as root:
    apt-get update && apt-get install -y chromium
MSG
exit 0
