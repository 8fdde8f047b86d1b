#!/usr/bin/env bash
# The open window carries the installed icon (assets/icons/convscope-48.png): X11's
# _NET_WM_ICON holds a 48x48 picture. Needs xprop (x11-utils); exit 77 without it.
#   bash tests/gui/window_icon_test.sh <path-to-convscope> <output-dir>
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
if ! command -v xprop >/dev/null 2>&1; then
    echo "skip: xprop is not installed (Debian: apt-get install x11-utils)"
    exit 77
fi
export XDG_CONFIG_HOME=$out_dir/config

# Inside Xvfb: open the window, wait (up to a minute) until it is mapped, read its icon.
probe='
"$0" --scene conv-basic >/dev/null 2>&1 &
app=$!
for _ in $(seq 600); do
    line=$(xprop -name convscope _NET_WM_ICON 2>/dev/null | head -n 1)
    [[ $line == *Icon* ]] && { echo "$line"; break; }
    sleep 0.1
done
kill $app
'
icon=$(xvfb-run -a -s "-screen 0 1600x900x24" bash -c "$probe" "$convscope")
[[ $icon == *"Icon (48 x 48)"* ]] || fail "no 48x48 _NET_WM_ICON on the window: '$icon'"
((failures == 0))
