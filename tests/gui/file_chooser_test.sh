#!/usr/bin/env bash
# The desktop's file chooser, end to end under Xvfb: a fake `zenity` first on PATH
# answers with prepared paths (and logs how it was asked); xdotool presses Ctrl+S and
# Ctrl+O in the open window. Checks: Ctrl+S saves the lesson where the chooser said,
# Ctrl+O opens the lesson file it names, in Network mode Ctrl+S saves the weights, and
# without a working chooser the built-in browser saves with Enter.
# Needs xdotool; exit 77 without it.
#   bash tests/gui/file_chooser_test.sh <path-to-convscope> <output-dir>
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
if ! command -v xdotool >/dev/null 2>&1; then
    echo "skip: xdotool is not installed (Debian: apt-get install xdotool)"
    exit 77
fi
rm -rf "$out_dir" && mkdir -p "$out_dir/bin"
export XDG_CONFIG_HOME=$out_dir/config

# The fake chooser: prints the next prepared answer (one per line of answers.txt).
cat >"$out_dir/bin/zenity" <<'ZENITY'
#!/usr/bin/env bash
dir=$(dirname "$0")/..
printf '%s\n' "$*" >>"$dir/zenity-calls.log"
# The second call (Ctrl+O) leaves a mark the driver waits for.
[[ $(wc -l <"$dir/zenity-calls.log") -eq 2 ]] && echo 2 >"$dir/zenity-calls.log.2"
answer=$(head -n 1 "$dir/answers.txt")
[[ -n $answer ]] || exit 1  # no answer left: Cancel
sed -i 1d "$dir/answers.txt"
printf '%s\n' "$answer"
ZENITY
chmod +x "$out_dir/bin/zenity"
mkdir -p "$out_dir/broken-bin"
printf '#!/bin/sh\nexit 255\n' >"$out_dir/broken-bin/zenity"
chmod +x "$out_dir/broken-bin/zenity"

# A stride lesson at step 1 for Ctrl+O to open.
cat >"$out_dir/stride.json" <<'JSON'
{"format": "convscope-lesson", "version": 1, "lesson": "stride", "step": 1,
 "setup": {"op": "conv", "batch": 1, "channels": 1, "filters": 1, "input": [5, 5],
           "kernel": [3, 3], "padding": [1, 1], "stride": [2, 2], "dilation": [1, 1],
           "output_padding": [0, 0], "bias": false, "seed": 1}}
JSON
printf '%s\n' "$out_dir/first.json" "$out_dir/stride.json" "$out_dir/second.json" \
    "$out_dir/net.weights" >"$out_dir/answers.txt"

# Inside Xvfb: the window, then the keys. ImGui 1.86 sees a key only when it is down at
# the start of a frame, so each is held for half a second; a press that comes while
# the previous chooser is still being read is ignored by design, so presses repeat until
# the file is there (at most a minute: a hang detector, not a timing check).
drive='
out=$1
export PATH="$out/bin:$PATH"
unset XDG_CURRENT_DESKTOP CONVSCOPE_FILE_CHOOSER
press() {
    local window
    window=$(xdotool search --sync --name "^convscope$" | head -n 1)
    xdotool keydown --window "$window" "$1"
    sleep 0.5
    xdotool keyup --window "$window" "$1"
}
# press_until FILE KEY...: presses the keys in turn until FILE is there.
press_until() {
    local file=$1
    shift
    for _ in $(seq 60); do
        for key in "$@"; do press "$key"; done
        for _ in $(seq 10); do [[ -s $file ]] && return 0; sleep 0.1; done
    done
    echo "no $file after pressing $*"
}
"$2" --scene conv-basic >"$out/app.log" 2>&1 &
app=$!
press_until "$out/first.json" ctrl+s
press_until "$out/zenity-calls.log.2" ctrl+o
press_until "$out/second.json" ctrl+s
kill $app; wait $app 2>/dev/null
"$2" --scene network-receptive-field >>"$out/app.log" 2>&1 &
app=$!
press_until "$out/net.weights" ctrl+s
kill $app; wait $app 2>/dev/null
# The built-in browser: with no chooser, and with a zenity that cannot show itself
# (exit 255). Ctrl+S opens it on the working folder with lesson.json typed; Enter saves.
for case in none broken; do
    mkdir -p "$out/$case"
    # A config of its own: the remembered last folder would start the browser elsewhere.
    (cd "$out/$case" && PATH="$out/broken-bin:$PATH" CONVSCOPE_FILE_CHOOSER=${case/broken/} \
        XDG_CONFIG_HOME="$out/$case/config" exec "$2" --scene padding >>"$out/app.log" 2>&1) &
    app=$!
    press_until "$out/$case/lesson.json" ctrl+s Return
    kill $app; wait $app 2>/dev/null
done
'
xvfb-run -a -s "-screen 0 1280x720x24" bash -c "$drive" bash "$out_dir" "$convscope"

grep -q '"lesson": "conv-basic"' "$out_dir/first.json" 2>/dev/null ||
    fail "Ctrl+S did not save the lesson to the chosen first.json"
grep -q '"lesson": "stride"' "$out_dir/second.json" 2>/dev/null ||
    fail "Ctrl+O did not open stride.json (second.json: $(cat "$out_dir/second.json" 2>&1))"
grep -q '"step": 1' "$out_dir/second.json" 2>/dev/null || fail "the opened lesson lost its step"
[[ $(head -c 8 "$out_dir/net.weights" 2>/dev/null) == CSWEIGHT ]] ||
    fail "Ctrl+S in Network mode did not save the weights to net.weights"
for case in none broken; do
    grep -q '"lesson": "padding"' "$out_dir/$case/lesson.json" 2>/dev/null ||
        fail "the built-in browser ($case) did not save lesson.json in the working folder"
done
grep -q "exited with 255; using the built-in one" "$out_dir/app.log" ||
    fail "a zenity that exits 255 was not reported"
calls=$(cat "$out_dir/zenity-calls.log" 2>/dev/null)
[[ $calls == *"--file-selection --title=Save the lesson as --save --filename="*"/lesson.json"* ]] ||
    fail "the save chooser was not asked as expected: $calls"
[[ $calls == *"--title=Save network weights as --save"* ]] || fail "no weights chooser: $calls"
if ((failures > 0)); then
    echo "app log:"; cat "$out_dir/app.log"
    exit 1
fi
echo "ok: Ctrl+S, Ctrl+O and Network mode's Ctrl+S through the desktop chooser;"
echo "ok: the built-in browser without a chooser and after a broken one"
