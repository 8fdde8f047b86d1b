#!/usr/bin/env bash
# `convscope info` and `predict` on the ONNX fixtures (tests/fixtures/onnx): the table's
# totals against PyTorch's parameter counts in expected.json, the JSON's structure,
# predict's output vector and top classes, --mean/--std, and refusals exiting 2 with one
# line. Python (no PyTorch) reads the JSON.
# usage: test_onnx_cli.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
fixtures=$source_dir/tests/fixtures/onnx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/cli_test_lib.sh"

# PyTorch's parameters() count of a fixture, from the manifest.
parameters_of() {
    python3 -c "import json,sys; m=json.load(open('$fixtures/expected.json'))
print([e['parameters'] for e in m['models'] if e['file']=='$1'][0])"
}

for model in lenet colour_bn branches transposed; do
    "$bin" info --model "$fixtures/$model.onnx" >"$work/$model.txt" 2>&1
    check "info $model exits 0" [ $? -eq 0 ]
    check "info $model total parameters" \
        grep -q "^total: $(parameters_of "$model.onnx") parameters" "$work/$model.txt"
done
check "info names the folded batch norms" [ "$(grep -c 'BatchNormalization (folded)' "$work/colour_bn.txt")" -eq 3 ]
check "info lists LeNet's first conv" \
    grep -Eq '^ +0  /conv1/Conv +Conv +input +6x28x28 +156 +235200 +5 +1$' "$work/lenet.txt"

"$bin" info --model "$fixtures/colour_bn.onnx" --json >"$work/info.json"
check "info --json exits 0" [ $? -eq 0 ]
check "info --json structure" python3 - "$work/info.json" "$(parameters_of colour_bn.onnx)" <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))
layers = info["layers"]
assert info["input"] == [3, 32, 32] and info["output"] == [10, 1, 1], info
assert info["total"]["parameters"] == int(sys.argv[2])
assert sum(l["parameters"] for l in layers) == info["total"]["parameters"]
add = [l for l in layers if l["op"] == "Add"][0]
assert len(add["inputs"]) == 2, add  # the residual joins two paths
assert sum(l["folded"] for l in layers) == 3
assert all(set(l) >= {"name", "op", "output", "flops", "receptive_field", "stride"} for l in layers)
PY

"$bin" predict --model "$fixtures/lenet.onnx" --image "$source_dir/tests/fixtures/digit_2_scan.png" \
    --json >"$work/predict.json"
check "predict --json exits 0" [ $? -eq 0 ]
check "predict --json: output and top classes agree" python3 - "$work/predict.json" <<'PY'
import json, math, sys
p = json.load(open(sys.argv[1]))
out = p["output"]
assert p["input"] == [1, 28, 28] and len(out) == 10
assert len(p["top"]) == 5
assert p["top"][0]["class"] == max(range(10), key=lambda i: out[i])
scores = [t["score"] for t in p["top"]]
assert scores == sorted(scores, reverse=True)
e = [math.exp(v - max(out)) for v in out]
assert abs(p["top"][0]["probability"] - e[p["top"][0]["class"]] / sum(e)) < 1e-5
PY

image=$source_dir/assets/images/chelsea.png
plain=$("$bin" predict --model "$fixtures/colour_bn.onnx" --image "$image" --json)
check "predict on a colour model" [ -n "$plain" ]
normalised=$("$bin" predict --model "$fixtures/colour_bn.onnx" --image "$image" --json \
    --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225)
check "--mean/--std change the output" [ "$plain" != "$normalised" ]
# mean 0.5 and std 0.5 are one value for every channel: the same as three of them.
a=$("$bin" predict --model "$fixtures/colour_bn.onnx" --image "$image" --mean 0.5 --std 0.5 --json)
b=$("$bin" predict --model "$fixtures/colour_bn.onnx" --image "$image" --mean 0.5,0.5,0.5 \
    --std 0.5,0.5,0.5 --json)
check "one mean for all channels" [ "$a" = "$b" ]
check "predict text lists the top classes" \
    bash -c "'$bin' predict --model '$fixtures/transposed.onnx' --image '$image' --top 3 | grep -c 'probability' | grep -qx 3"

expect_error "unsupported op" "Abs node '/Abs'" "$bin" info --model "$fixtures/unsupported.onnx"
expect_error "dynamic size" "dynamic height" "$bin" info --model "$fixtures/dynamic_hw.onnx"
head -c 3000 "$fixtures/lenet.onnx" >"$work/cut.onnx"
expect_error "broken file" "is not an ONNX model" "$bin" info --model "$work/cut.onnx"
expect_error "missing model" "--model" "$bin" info
expect_error "two means for three channels" "--mean has 2 values" \
    "$bin" predict --model "$fixtures/colour_bn.onnx" --image "$image" --mean 0.5,0.5
expect_error "zero std" "--std '0' is not a positive number" \
    "$bin" predict --model "$fixtures/lenet.onnx" --image "$image" --std 0
expect_error "missing image" "$work/none.png" \
    "$bin" predict --model "$fixtures/lenet.onnx" --image "$work/none.png"
lines=$("$bin" info --model "$fixtures/unsupported.onnx" 2>&1 | wc -l)
check "an error is one line (and the usage hint)" [ "$lines" -eq 2 ]

finish
