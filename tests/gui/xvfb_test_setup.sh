# Sourced by the GUI test scripts: reads <path-to-convscope> <output-dir>, skips
# (exit 77, CTest's skip code) without xvfb-run, and defines fail and run_in_xvfb.
#   source "$(dirname "$0")/xvfb_test_setup.sh" "$@"

convscope=${1:?usage: $(basename "$0") <path-to-convscope> <output-dir>}
out_dir=${2:?usage: $(basename "$0") <path-to-convscope> <output-dir>}

if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "skip: xvfb-run is not installed (Debian: apt-get install xvfb)"
    exit 77
fi
mkdir -p "$out_dir"

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# Runs convscope on a virtual 1600x900 screen.
run_in_xvfb() {
    xvfb-run -a -s "-screen 0 1600x900x24" "$convscope" "$@"
}
