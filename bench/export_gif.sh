#!/usr/bin/env bash
# How long `convscope export` takes to write the 25-step transposed lesson as an
# 800x600 GIF (the issue's goal: at most 2 s), beside one screenshot of the same lesson
# in the same run (the cost of starting, opening a GL context and drawing one step), so
# the per-step cost of export shows apart from the start-up. Median of ROUNDS runs each,
# alternating. Needs a display: run under xvfb-run when there is none.
# usage: bench/export_gif.sh [--rounds R] [--convscope PATH] [--scene NAME] [--size WxH]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=5
convscope=""
scene=transposed
size=800x600
while [ $# -gt 0 ]; do
    case $1 in
        --rounds) rounds=$2; shift 2 ;;
        --convscope) convscope=$2; shift 2 ;;
        --scene) scene=$2; shift 2 ;;
        --size) size=$2; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0" | cut -c3-; exit 0 ;;
        *) echo "export_gif: unknown option '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$convscope" ]; then
    for candidate in "$here"/../build*/app/convscope; do
        [ -x "$candidate" ] && { convscope=$candidate; break; }
    done
fi
[ -x "$convscope" ] || { echo "export_gif: no convscope binary; build first or pass --convscope" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() {  # runs "$@", prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

exports=() shots=()
for ((i = 1; i <= rounds; i++)); do
    exports+=("$(seconds "$convscope" export --scene "$scene" --size "$size" "$work/out.gif")")
    shots+=("$(seconds "$convscope" --scene "$scene" --board-only --size "${size}" \
        --screenshot "$work/one.png")")
    printf 'round %d/%d: export %.2f s, one screenshot %.2f s\n' "$i" "$rounds" \
        "${exports[-1]}" "${shots[-1]}"
done
steps=$(python3 "$here/../tests/gui/gif_info.py" "$work/out.gif" | awk '{ print $2 }')
export_median=$(printf '%s\n' "${exports[@]}" | median)
shot_median=$(printf '%s\n' "${shots[@]}" | median)
printf 'export %s as %s GIF, %s frames, %d bytes: median %.2f s\n' "$scene" "$size" "$steps" \
    "$(stat -c %s "$work/out.gif")" "$export_median"
printf 'one screenshot of the same lesson: median %.2f s\n' "$shot_median"
printf 'per step beyond start-up: %.0f ms\n' \
    "$(awk -v e="$export_median" -v s="$shot_median" -v n="$steps" 'BEGIN { print (e - s) * 1000 / (n - 1) }')"
