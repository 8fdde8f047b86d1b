#!/usr/bin/env bash
# Training slow enough to follow (issue 16) under Xvfb: the scenes training-slow (three
# batches, one per press) and training-replay (one epoch, then batch 24 on the timeline)
# render in both languages, and the status line names exactly the batches trained (the
# pictures differ only in the measured img/s).
#   bash tests/gui/slow_training_test.sh <path-to-convscope> <output-dir>
# Exits 77 (CTest's skip) when xvfb-run is not installed.
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"

shot() {  # scene png [args...]: prints convscope's output, fails on an error or no PNG
    local scene=$1 png=$2
    shift 2
    rm -f "$png"
    local text
    if ! text=$(run_in_xvfb --scene "$scene" --screenshot "$png" --size 1280x720 "$@" 2>&1); then
        fail "$scene: convscope failed: $text"
    fi
    [[ -s "$png" ]] || fail "$scene: no PNG at $png"
    echo "$text"
}

scenes=$("$convscope" --list-scenes) || fail "--list-scenes failed"
for scene in training-slow training-replay; do
    grep -qx "$scene" <<<"$scenes" || fail "--list-scenes does not list $scene"
done

# Three presses, three batches: not one more however long the window waits.
first=$(shot training-slow "$out_dir/slow.png")
grep -q ', 3 batches$' <<<"$first" || fail "training-slow: not 3 batches: $first"
later=$(shot training-slow "$out_dir/slow-later.png" --bench-frames 200)
grep -q ', 3 batches$' <<<"$later" || fail "training-slow: more than 3 batches: $later"
shot training-slow "$out_dir/slow-zh.png" --lang zh >/dev/null

replay=$(shot training-replay "$out_dir/replay.png")
grep -q ', 200 batches$' <<<"$replay" || fail "training-replay: not one epoch: $replay"
shot training-replay "$out_dir/replay-zh.png" --lang zh >/dev/null

if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all slow-training checks passed"
