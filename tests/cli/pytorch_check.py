"""Runs the PyTorch code convscope prints and compares torch's numbers with core's.

usage: pytorch_check.py PATH/TO/convscope
Every lesson of --list-scenes with one operation (the live scenes have none), as it
opens and with random settings; then random conv, transposed, grouped, 1-D and pooling
cases through conv|pool --pytorch; the backward lessons and random conv|pool --backward
cases run the autograd code and compare x.grad, w.grad, b.grad with core's
grad_input, grad_weight, grad_bias. A case the CLI refuses (exit 2: settings that do not
fit) is drawn again; a mismatch or a crash fails the test.
"""
import contextlib
import io
import json
import random
import subprocess
import sys

import torch

LIVE = {"training", "features", "network-receptive-field", "draw", "quiz", "explain",
        "explain-photo", "training-slow", "training-replay", "network-deep",
        "network-deep-training"}
binary = sys.argv[1]
random.seed(20261203)
torch.set_num_threads(1)
failures = []
checked = {"lessons": 0, "lesson settings": 0, "conv": 0, "pool": 0,
           "conv backward": 0, "pool backward": 0}


def run(args):
    """(exit code, stdout, stderr) of convscope ARGS."""
    done = subprocess.run([binary] + args, capture_output=True, text=True)
    if done.returncode not in (0, 2):
        failures.append(f"convscope {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.returncode, done.stdout, done.stderr


def torch_output(code):
    """What the code prints as JSON, run in this interpreter (one torch import)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<generated>", "exec"), {})
    return json.loads(out.getvalue())


def flat(nested):
    return [v for item in nested for v in flat(item)] if isinstance(nested, list) else [nested]


def shape(nested):
    return [len(nested)] + shape(nested[0]) if isinstance(nested, list) and nested else []


def squeezed(dims):
    """The shape less its leading 1s: the CLI drops them, torch keeps rank 4 (or 3)."""
    while len(dims) > 1 and dims[0] == 1:
        dims = dims[1:]
    return dims


def compare(label, code, expected):
    """expected: core's {"output": ...} or its gradients {"grad_input": ...}."""
    try:
        got = torch_output(code)
    except Exception as error:  # the code itself is wrong: report it with the code
        failures.append(f"{label}: the code raised {error!r}\n{code}")
        return
    if "output" in expected:
        compare_values(label, code, got, expected["output"])
        return
    # Core prints grad_bias (the sum of dL/dY) even for no bias; torch has none then.
    wanted = {k: v for k, v in expected.items() if k != "grad_bias" or "grad_bias" in got}
    if not isinstance(got, dict) or set(got) != set(wanted):
        failures.append(f"{label}: torch printed {sorted(got) if isinstance(got, dict) else got}, "
                        f"core {sorted(wanted)}\n{code}")
        return
    for key in sorted(wanted):
        compare_values(f"{label} {key}", code, got[key], wanted[key])


def compare_values(label, code, got, expected):
    if squeezed(shape(got)) != squeezed(shape(expected)):
        failures.append(f"{label}: torch shape {shape(got)}, core {shape(expected)}\n{code}")
        return
    a, b = flat(got), flat(expected)
    scale = max([1.0] + [abs(v) for v in b])
    bad = [i for i, (x, y) in enumerate(zip(a, b)) if abs(x - y) > 1e-5 * scale]
    if bad:
        i = bad[0]
        failures.append(f"{label}: {len(bad)} values differ, first [{i}] torch {a[i]} core {b[i]}\n{code}")


def check_lesson(scene, settings):
    extra = ["--set", settings] if settings else []
    rc, core, err = run(["pytorch", "--scene", scene, "--core-output"] + extra)
    if rc != 0:
        return False
    rc, code, err = run(["pytorch", "--scene", scene, "--json"] + extra)
    if rc != 0:
        failures.append(f"{scene} {settings}: core output but no code: {err}")
        return False
    compare(f"lesson {scene} {settings}", code, json.loads(core))
    return True


def random_settings():
    keys = {
        "stride": lambda: str(random.randint(1, 3)),
        "padding": lambda: random.choice(["0", "1", "2", "same", "valid", "full", "1x2"]),
        "dilation": lambda: str(random.randint(1, 2)),
        "bias": lambda: random.choice(["0", "1"]),
        "seed": lambda: str(random.randint(1, 1000)),
        "channels": lambda: str(random.randint(1, 3)),
        "filters": lambda: str(random.randint(1, 3)),
        "batch": lambda: str(random.randint(1, 2)),
    }
    chosen = random.sample(sorted(keys), random.randint(1, 4))
    return ",".join(f"{k}={keys[k]()}" for k in chosen)


def check_lessons():
    scenes = run(["pytorch", "--list"])[1].split()
    if len(scenes) < 20:
        failures.append(f"pytorch --list listed only {scenes}")
    # The window's list (absent from a build without it): every scene but the live ones.
    listed = subprocess.run([binary, "--list-scenes"], capture_output=True, text=True)
    if listed.returncode == 0:
        missing = set(listed.stdout.split()) - LIVE - set(scenes)
        if missing:
            failures.append(f"scenes without code: {sorted(missing)}")
    for scene in scenes:
        rc, _, err = run(["pytorch", "--scene", scene, "--core-output"])
        if rc != 0:
            failures.append(f"lesson {scene} has no code: {err.strip()}")
            continue
        check_lesson(scene, "")
        checked["lessons"] += 1
        done = 0
        for _ in range(12):
            if done == 3:
                break
            if check_lesson(scene, random_settings()):
                done += 1
        checked["lesson settings"] += done


def values(dims):
    """Random floats (not only integers: the literals must be exact) nested as dims."""
    if not dims:
        return round(random.uniform(-3, 3), random.choice([0, 1, 3, 6]))
    return [values(dims[1:]) for _ in range(dims[0])]


def axis_option(one_d, low, high):
    a, b = random.randint(low, high), random.randint(low, high)
    return str(a) if one_d or random.random() < 0.6 else f"{a}x{b}"


def conv_case():
    kind = random.choice(["conv", "conv", "grouped", "transposed", "1d"])
    n, groups = random.randint(1, 2), random.choice([1, 2]) if kind == "grouped" else 1
    c, f = groups * random.randint(1, 2), groups * random.randint(1, 2)
    kh, kw = random.randint(1, 4), random.randint(1, 4)
    h, w = random.randint(kh, 7), random.randint(kw, 7)
    args = ["conv"]
    if kind == "1d":
        x, k = [n, c, w], [f, c, kw]
        args += ["--1d"]
    elif kind == "transposed":
        x, k = [n, c, h, w], [c, f, kh, kw]
        args += ["--transposed", "-a", str(random.choice([0, 0, 1]))]
    else:
        x, k = [n, c, h, w], [f, c // groups, kh, kw]
        args += ["--groups", str(groups)]
    args += ["--input", json.dumps(values(x)), "--kernel", json.dumps(values(k))]
    args += ["-s", axis_option(kind == "1d", 1, 3), "-d", axis_option(kind == "1d", 1, 2)]
    args += ["-p", random.choice(["0", "1", "2", "same", "valid", "full"])]
    if random.random() < 0.5:
        args += ["--bias", json.dumps(values([f]))]
    return args


def pool_case():
    kh, kw = random.randint(1, 4), random.randint(1, 4)
    dims = [random.randint(1, 2), random.randint(1, 3), random.randint(kh, 8), random.randint(kw, 8)]
    args = ["pool", "--input", json.dumps(values(dims)), "-k", random.choice([str(kh), f"{kh}x{kw}"])]
    args += ["-s", axis_option(False, 1, 3), "-p", random.choice(["0", "1", "same", "valid"])]
    if random.random() < 0.5:
        args += ["--avg"]
    elif random.random() < 0.5:
        args += ["-d", axis_option(False, 1, 2)]
    return args


def backward_case(make):
    """A conv or pool case with --backward and a random dL/dY of the output's shape."""
    def case():
        args = make()
        rc, core, _ = run(args + ["--json"])
        if rc != 0:
            return args  # refused: check_cli draws again
        dims = shape(json.loads(core)["output"])
        return args + ["--backward", "--grad-output", json.dumps(values(dims))]
    return case


def plain_conv_case():
    """Backward covers 2-D convolutions with groups 1, as the CLI does."""
    while True:
        args = conv_case()
        if "--groups" in args and args[args.index("--groups") + 1] == "1":
            return args


def check_cli(kind, make, wanted):
    attempts = 0
    while checked[kind] < wanted and attempts < wanted * 20:
        attempts += 1
        args = make()
        rc, core, _ = run(args + ["--json"])
        if rc != 0:
            continue
        rc, code, err = run(args + ["--pytorch", "--json"])
        if rc != 0:
            failures.append(f"{' '.join(args)}: core output but no code: {err}")
            continue
        compare(" ".join(args), code, json.loads(core))
        checked[kind] += 1
    if checked[kind] < wanted:
        failures.append(f"only {checked[kind]} of {wanted} {kind} cases were valid")


check_lessons()
check_cli("conv", conv_case, 150)
check_cli("pool", pool_case, 80)
check_cli("conv backward", backward_case(plain_conv_case), 100)
check_cli("pool backward", backward_case(pool_case), 60)
print("checked against torch " + torch.__version__ + ": " +
      ", ".join(f"{n} {k}" for k, n in checked.items()))
for failure in failures[:10]:
    print("FAIL " + failure)
sys.exit(1 if failures else 0)
