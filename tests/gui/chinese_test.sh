#!/usr/bin/env bash
# The window in Chinese under Xvfb: every lesson renders in Chinese and differs from its
# English picture, the fonts hold the catalogue's characters, the language comes from
# --lang, else the locale (a screenshot never reads the remembered choice: settings_test.sh),
# an unknown --lang exits 2, and export --lang zh writes Chinese text into an SVG.
#   bash tests/gui/chinese_test.sh <path-to-convscope> <output-dir>
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
rm -rf "$out_dir" && mkdir -p "$out_dir/zh" "$out_dir/en" "$out_dir/config"
# Never read or write the user's own remembered choice.
export XDG_CONFIG_HOME=$out_dir/config
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8

zh=$(run_in_xvfb --lang zh --all-scenes --screenshot-dir "$out_dir/zh" --size 1280x720 2>&1) ||
    fail "--lang zh --all-scenes failed: $zh"
en=$(run_in_xvfb --lang en --all-scenes --screenshot-dir "$out_dir/en" --size 1280x720 2>&1) ||
    fail "--lang en --all-scenes failed: $en"
hash_of() { sed -n "s|^screenshot: $2 .* pixels \([0-9a-f]*\)$|\1|p" <<<"$1"; }
count=0
for picture in "$out_dir"/zh/*.png; do
    name=$(basename "$picture")
    zh_hash=$(hash_of "$zh" "$out_dir/zh/$name")
    en_hash=$(hash_of "$en" "$out_dir/en/$name")
    [[ -n $zh_hash && -n $en_hash ]] || { fail "$name: no hash printed"; continue; }
    [[ $zh_hash != "$en_hash" ]] || fail "$name: the Chinese picture equals the English one"
    count=$((count + 1))
done
((count >= 60)) || fail "only $count lesson pictures in Chinese"
glyphs=$(sed -n 's/^fonts: zh, atlas [0-9x]*, \([0-9]*\) glyphs beyond Latin$/\1/p' <<<"$zh" | head -1)
((${glyphs:-0} > 200)) || fail "the Chinese fonts hold ${glyphs:-no} CJK glyphs"

# Where the language comes from.
# language_of VAR=VALUE... [-- OPTIONS]: en or zh, as the screenshot's fonts line says.
# The variables go through env, so this shell never tries to switch to that locale.
language_of() {
    local variables=()
    while [[ $# -gt 0 && $1 != -- ]]; do variables+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    env "${variables[@]}" xvfb-run -a -s "-screen 0 1600x900x24" "$convscope" "$@" \
        --scene conv-basic --screenshot "$out_dir/which.png" --size 640x480 2>/dev/null |
        sed -n 's/^fonts: \([a-z]*\),.*/\1/p'
}
[[ $(language_of LANG=zh_CN.UTF-8) == zh ]] || fail "LANG=zh_CN did not start in Chinese"
[[ $(language_of LC_MESSAGES=zh_CN.UTF-8) == zh ]] || fail "LC_MESSAGES=zh_CN did not start in Chinese"
[[ $(language_of LANG=zh_CN.UTF-8 -- --lang en) == en ]] || fail "--lang en did not win over LANG"
mkdir -p "$out_dir/config/convscope"
printf 'convscope-settings 1\nlanguage = en\n' >"$out_dir/config/convscope/settings"
[[ $(language_of LANG=zh_CN.UTF-8) == zh ]] || fail "a screenshot read the remembered language"
rm -f "$out_dir/config/convscope/settings"

message=$(run_in_xvfb --lang fr --scene conv-basic --screenshot "$out_dir/fr.png" 2>&1)
[[ $? == 2 && $message == *"--lang"* ]] || fail "--lang fr: expected exit 2 naming --lang, got: $message"

# Export in Chinese: the SVG's text is Chinese.
run_in_xvfb export --lang zh --scene padding --step 3 "$out_dir/padding.svg" >/dev/null ||
    fail "export --lang zh failed"
grep -q "填充" "$out_dir/padding.svg" || fail "export --lang zh: no 填充 in the SVG"

if ((failures > 0)); then
    echo "$failures Chinese check(s) failed"
    exit 1
fi
echo "Chinese: $count pictures differ from English, $glyphs CJK glyphs; language sources as expected"
