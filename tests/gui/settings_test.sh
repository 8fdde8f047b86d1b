#!/usr/bin/env bash
# Settings as a user meets them, under Xvfb with XDG_CONFIG_HOME in a temporary folder:
# a window changed by keys and a click remembers the change in
# $XDG_CONFIG_HOME/convscope/settings when it closes, and the next window starts from
# it; a corrupt file is set aside with one line on stderr; --no-settings and --screenshot
# neither read nor write anything. Needs xdotool (exit 77 without it).
#   bash tests/gui/settings_test.sh <path-to-convscope> <output-dir>
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
if ! command -v xdotool >/dev/null 2>&1; then
    echo "skip: xdotool is not installed (Debian: apt-get install xdotool)"
    exit 77
fi
convscope=$(realpath "$convscope")
rm -rf "$out_dir" && mkdir -p "$out_dir/cwd"
cd "$out_dir/cwd" || exit 1  # the working folder must stay empty (no imgui.ini here)
export XDG_CONFIG_HOME=$out_dir/config
settings=$XDG_CONFIG_HOME/convscope/settings

# Inside one Xvfb: run convscope with the given arguments, wait until its window maps,
# send the xdotool commands (a ';'-separated list, each "xdotool ARGS" against the
# window), then Ctrl+Q, and wait for it to exit. Prints convscope's stderr.
session='
convscope=$1 actions=$2 shot=$3
shift 3
"$convscope" "$@" 2>"$PWD/stderr.txt" >/dev/null &
app=$!
window=
for _ in $(seq 600); do
    window=$(xdotool search --onlyvisible --name "^convscope$" 2>/dev/null | head -n 1)
    [[ -n $window ]] && break
    sleep 0.1
done
[[ -n $window ]] || { echo "no window"; kill $app; exit 1; }
sleep 1  # a few frames: the layout settles before the first key
# Without a window manager the keyboard follows the pointer: keep it over the window.
xdotool mousemove --window "$window" 600 400
IFS=";" read -ra commands <<<"$actions"
for command in "${commands[@]}"; do
    [[ -z $command ]] && continue
    command=${command//WINDOW/$window}
    if [[ $command == key\ * ]]; then
        xdotool mousemove --window "$window" 600 400 key ${command#key }
    else
        eval "xdotool $command"
    fi
    sleep 0.5
done
xdotool getwindowgeometry "$window" >"$PWD/geometry.txt"
[[ -n $shot ]] && import -window "$window" "$shot" 2>/dev/null
xdotool mousemove --window "$window" 600 400 key ctrl+q
for _ in $(seq 300); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
kill $app 2>/dev/null
wait $app
echo "exit $?"
'
run_session() {
    xvfb-run -a -s "-screen 0 1600x900x24" bash -c "$session" bash "$convscope" "$@"
}
value_of() { sed -n "s/^$1 = //p" "$settings"; }
expect_value() {
    local got
    got=$(value_of "$1")
    if [[ "$got" == "$2" ]]; then echo "ok: $1 = $got"; else fail "$1 is '$got', expected '$2'"; fi
}

# 1. First run: the Dark switch (a click on the top bar), larger text, no lesson list,
#    one step on, a larger window.
out=$(run_session "mousemove --window WINDOW 670 18 click 1; key ctrl+equal; key ctrl+l; key Right; windowsize WINDOW 1400 800" \
    "" --scene padding)
echo "first run: $out"
[[ -f $settings ]] || fail "no settings file at $settings after the first run"
cp "$settings" "$out_dir/settings-after-first-run.txt"
cat "$settings"
expect_value theme dark
expect_value text_scale 1.1
expect_value show_lessons false
expect_value lesson padding
expect_value step 1
expect_value window_size 1400x800
[[ $(head -n 1 "$settings") == "convscope-settings 1" ]] || fail "first line: $(head -n 1 "$settings")"
[[ -f $XDG_CONFIG_HOME/convscope/imgui.ini ]] || fail "no imgui.ini beside the settings"
[[ -z $(ls -A "$out_dir/cwd" | grep -v -e stderr.txt -e geometry.txt) ]] ||
    fail "files in the working folder: $(ls -A "$out_dir/cwd")"

# 2. Second run, no --scene: it starts where the first left off; one more of each change.
out=$(run_session "key ctrl+equal; key ctrl+l; key Right" "$out_dir/restored.png")
echo "second run: $out"
grep -q "Geometry: 1400x800" "$out_dir/cwd/geometry.txt" ||
    fail "the window did not reopen at 1400x800: $(cat "$out_dir/cwd/geometry.txt")"
expect_value theme dark       # kept
expect_value text_scale 1.2   # 1.1 restored, then one step larger
expect_value show_lessons true
expect_value lesson padding   # reopened without --scene
expect_value step 2
cp "$settings" "$out_dir/settings-after-second-run.txt"

# 3. Screenshots neither read nor write the settings: the same picture with the dark,
#    larger-text settings present as with none, and the file untouched.
before=$(stat -c %Y.%s "$settings")
with=$(run_in_xvfb --scene padding --screenshot "$out_dir/with.png" 2>&1 | sed -n 's/.* pixels //p')
without=$(XDG_CONFIG_HOME=$out_dir/empty run_in_xvfb --scene padding --screenshot \
    "$out_dir/without.png" 2>&1 | sed -n 's/.* pixels //p')
[[ -n $with && $with == "$without" ]] || fail "--screenshot depends on the settings ($with vs $without)"
[[ $(stat -c %Y.%s "$settings") == "$before" ]] || fail "--screenshot touched the settings"
[[ ! -e $out_dir/empty ]] || fail "--screenshot made $out_dir/empty"

# 4. A corrupt file: set aside with one line on stderr; the window starts with defaults.
printf 'convscope-settings 1\ntheme = dark\ntext_sca' >"$settings"
out=$(run_session "" "")
echo "corrupt run: $out"
said=$(cat "$out_dir/cwd/stderr.txt")
echo "stderr: $said"
[[ $(wc -l <"$out_dir/cwd/stderr.txt") -eq 1 && $said == *"moved to"*"starting with defaults"* ]] ||
    fail "the corrupt file's message is not one line: '$said'"
aside=$(ls "$XDG_CONFIG_HOME/convscope" | grep -c '^settings\.bad-')
[[ $aside -eq 1 ]] || fail "$aside files set aside, expected 1"
expect_value theme light
expect_value text_scale 1

# 5. --no-settings: nothing read (defaults despite a dark file), nothing written.
printf 'convscope-settings 1\ntheme = dark\n' >"$settings"
out=$(run_session "key ctrl+equal" "$out_dir/no-settings.png" --no-settings)
echo "--no-settings run: $out"
[[ $(cat "$settings") == $'convscope-settings 1\ntheme = dark' ]] || fail "--no-settings wrote the settings"
rm -rf "$XDG_CONFIG_HOME"
run_session "key ctrl+equal" "" --no-settings >/dev/null
[[ ! -e $XDG_CONFIG_HOME ]] || fail "--no-settings made $XDG_CONFIG_HOME"

if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all settings checks passed"
