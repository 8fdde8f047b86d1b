# Sourced by the CLI test scripts: counters and the checks they share.
#   source "$(dirname "$0")/cli_test_lib.sh"
# End a script with `finish`: it prints "N passed, N failed" and sets the exit code.

passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# check NAME COMMAND...: COMMAND must succeed.
check() { local name=$1; shift; if "$@"; then pass; else fail "$name"; fi; }

# expect_output NAME EXPECTED COMMAND...: stdout must equal EXPECTED and exit 0.
expect_output() {
    local name=$1 expected=$2; shift 2
    local got err_file
    err_file=$(mktemp)
    got=$("$@" 2>"$err_file")
    local rc=$?
    if [ $rc -eq 0 ] && [ "$got" = "$expected" ]; then pass; else
        fail "$name: exit $rc, expected '$expected', got '$got' $(cat "$err_file")"; fi
    rm -f "$err_file"
}

# expect_error NAME MESSAGE_PART COMMAND...: exit 2, stderr must contain MESSAGE_PART.
expect_error() {
    local name=$1 part=$2; shift 2
    local err
    err=$("$@" 2>&1 >/dev/null)
    local rc=$?
    if [ $rc -eq 2 ] && [[ "$err" == *"$part"* ]]; then pass; else
        fail "$name: exit $rc (want 2), stderr '$err' lacks '$part'"; fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
