#!/usr/bin/env bash
# The quiz scene: the asked value hidden, a wrong answer's verdict drawn (red ink, the
# working), a right one's (green); --quiz and --answer refuse bad values with exit 2.
#   bash tests/gui/quiz_test.sh <path-to-convscope> <output-dir>
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
export XDG_CONFIG_HOME=$out_dir/config

"$convscope" --list-scenes | grep -qx quiz || fail "--list-scenes does not name the quiz scene"

hash_of() {  # the pixel hash a screenshot prints
    run_in_xvfb "$@" --size 1280x720 2>&1 | sed -n 's/.*pixels \([0-9a-f]*\).*/\1/p'
}
asked=$(hash_of --scene quiz --screenshot "$out_dir/asked.png")
wrong=$(hash_of --scene quiz --answer 8 --screenshot "$out_dir/wrong.png")
right=$(hash_of --scene quiz --answer 12 --screenshot "$out_dir/right.png")
again=$(hash_of --scene quiz --answer 8 --screenshot "$out_dir/wrong-again.png")
[[ -n $asked && -n $wrong && -n $right ]] || fail "a quiz screenshot was not written"
[[ $asked != "$wrong" && $wrong != "$right" && $asked != "$right" ]] ||
    fail "asked, wrong and right look the same: $asked $wrong $right"
[[ $wrong == "$again" ]] || fail "the same answer drew two different pictures"
for question in size window; do
    [[ -n $(hash_of --scene padding --quiz $question --screenshot "$out_dir/$question.png") ]] ||
        fail "--quiz $question wrote no screenshot"
done

refuses() {  # exit 2 and a one-line message naming the argument: refuses NAMED ARGS...
    local named=$1 message
    shift
    message=$(run_in_xvfb "$@" --screenshot "$out_dir/refused.png" 2>&1 >/dev/null)
    local code=$?
    [[ $code == 2 && $message == *"$named"* && $(wc -l <<<"$message") == 1 ]] ||
        fail "'$*' gave exit $code: $message"
}
refuses --quiz --quiz guess
refuses --answer --answer 3 --scene conv-basic
refuses --answer --quiz window --answer "1;2" --scene conv-basic
((failures == 0))
