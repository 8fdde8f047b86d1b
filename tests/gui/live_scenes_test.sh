#!/usr/bin/env bash
# Live modes under Xvfb (issues 5, 13, 16): the scenes training, features,
# network-receptive-field, draw, explain, explain-photo, network-deep and
# network-deep-training render to PNGs that are not blank (the overlays change them);
# training moves the curves between two shots; --bench-frames prints frame times.
#   bash tests/gui/live_scenes_test.sh <path-to-convscope> <output-dir>
# Exits 77 (CTest's skip) when xvfb-run is not installed.
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"

# Renders a scene (extra arguments pass through) and checks the PNG is not blank.
# Leaves the program's output in $output.
output=""
shoot() {
    local scene=$1 png=$2
    shift 2
    rm -f "$png"
    if ! output=$(run_in_xvfb --scene "$scene" --screenshot "$png" --size 1280x720 "$@" 2>&1); then
        fail "$scene: convscope failed: $output"
        return 1
    fi
    [[ -s "$png" ]] || { fail "$scene: no PNG at $png"; return 1; }
    local colours
    colours=$(sed -n 's/^screenshot: .* \([0-9][0-9]*\) distinct colours, pixels [0-9a-f]*$/\1/p' \
        <<<"$output")
    if [[ -z "$colours" ]] || ((colours < 200)); then
        fail "$scene: the picture looks blank (${colours:-no} distinct colours): $output"
        return 1
    fi
    echo "ok: $scene: $(grep '^screenshot: ' <<<"$output")"
}

hash_of() { sed -n 's/^screenshot: .* pixels \([0-9a-f]*\)$/\1/p' <<<"$1"; }
loss_points_of() { sed -n 's/^training: \([0-9]*\) loss points.*/\1/p' <<<"$1" | tail -n 1; }

# The live scenes are listed with the lessons.
scenes=$("$convscope" --list-scenes) || fail "--list-scenes failed"
for scene in training features network-receptive-field draw explain explain-photo network-deep network-deep-training; do
    grep -qx "$scene" <<<"$scenes" || fail "--list-scenes does not list $scene"
done

for scene in features network-receptive-field draw network-deep; do
    shoot "$scene" "$out_dir/$scene.png"
done

# Saliency / Grad-CAM (issue 13): the overlay changes what Draw and Images show.
for pair in explain:draw explain-photo:features; do
    scene=${pair%%:*}
    shoot "${pair##*:}" "$out_dir/${pair##*:}-plain.png" && plain=$(hash_of "$output")
    if shoot "$scene" "$out_dir/$scene.png"; then
        [[ "$(hash_of "$output")" != "$plain" ]] || fail "$scene: the overlay changed nothing"
    fi
done

# Training: the first shot once the curves exist, the second after more frames of
# training (900 frames take several seconds); the curves must have grown and the
# pictures differ.
if shoot training "$out_dir/training-1.png"; then
    first=$output
    if shoot training "$out_dir/training-2.png" --bench-frames 900; then
        second=$output
        points1=$(loss_points_of "$first")
        points2=$(loss_points_of "$second")
        if [[ -z "$points1" || -z "$points2" ]]; then
            fail "training: no 'training: N loss points' line: $first / $second"
        elif ((points2 <= points1)); then
            fail "training: the loss curve did not grow ($points1 then $points2 points)"
        elif [[ "$(hash_of "$first")" == "$(hash_of "$second")" ]]; then
            fail "training: the two shots are identical"
        else
            echo "ok: training moved: $points1 then $points2 loss points, pictures differ"
        fi
        grep -q '^frame ms: median [0-9.]* p99 [0-9.]*' <<<"$second" ||
            fail "--bench-frames printed no 'frame ms: median X p99 Y': $second"
    fi
fi

if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all live-scene checks passed"
