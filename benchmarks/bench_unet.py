#!/usr/bin/env python
"""Speed of `segnb.Unet` against `segmentation_models_pytorch.Unet`, side by side in one process.

Both models are a U-Net with a ResNet-34 encoder (24.44M parameters), built without pretrained weights; SMP's
weights are copied into segnb's model and the two are checked to give the same outputs, so both time the same
computation. Each case runs the two libraries alternately (A B B A A B ...), so that drift of the machine (other
processes, CPU frequency, memory) falls on both equally, and reports the median time per step and the ratio
segnb / SMP (target: <= 1.0).

    pip install -e ".[benchmark]"
    python benchmarks/bench_unet.py                 # about 2 minutes on 2 CPU cores
    python benchmarks/bench_unet.py --quick         # a smoke test: few repeats
    python benchmarks/bench_unet.py --threads 1 --repeats 30
"""
from __future__ import annotations

import argparse
import copy
import os
import platform
import statistics
import sys
import time

import torch


def cpu_name() -> str:
    "The CPU model as /proc/cpuinfo names it (Linux), else what `platform` knows."
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> str:
    "The 1-minute load average, where the system reports one: other processes' share of the CPU."
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "unknown"


def segnb_unet():
    "`segnb.Unet`, or the class in `segnb.decoders.unet` where the package top level does not export it (yet)."
    import segnb

    if hasattr(segnb, "Unet"):
        return segnb.Unet
    from segnb.decoders.unet import Unet

    return Unet


def count_parameters(model: torch.nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def copy_weights(source: torch.nn.Module, target: torch.nn.Module) -> str:
    "Load `source`'s state into `target`: by name when the names match, else by order and shape. Return which."
    src, dst = source.state_dict(), target.state_dict()
    if list(src) == list(dst) and all(src[k].shape == dst[k].shape for k in src):
        target.load_state_dict(src)
        return "by name"
    if len(src) != len(dst):
        raise SystemExit(f"cannot map state dicts: {len(src)} entries in SMP's model, {len(dst)} in segnb's")
    mapped = {}
    for (src_key, src_value), (dst_key, dst_value) in zip(src.items(), dst.items()):
        if src_value.shape != dst_value.shape:
            raise SystemExit(f"cannot map state dicts by order: {src_key} {tuple(src_value.shape)} vs "
                             f"{dst_key} {tuple(dst_value.shape)}")
        mapped[dst_key] = src_value
    target.load_state_dict(mapped)
    return "by order and shape"


def relative_error(a: torch.Tensor, b: torch.Tensor) -> float:
    "Largest difference between `a` and `b`, relative to the largest magnitude in `b`."
    return (a - b).abs().max().item() / (b.abs().max().item() or 1.0)


def check_same_outputs(ours, theirs, x) -> tuple[float, float, float]:
    """Assert that both models compute the same thing; return the largest relative errors found.

    segnb runs its CPU forward pass on channels-last tensors (`SegmentationModel.use_channels_last`). With that
    switched off the two models do exactly the same operations: outputs and gradients must agree to float32
    precision. With it on, only the rounding of the convolutions changes: the masks must agree to 1e-4 of their
    scale. (Gradients are not compared there: in this randomly initialised 24M-parameter network the deepest
    layers' weight gradients are ill-conditioned, and either float32 layout is up to ~20% off a float64 reference.)
    """
    ours, theirs = copy.deepcopy(ours), copy.deepcopy(theirs)  # training mode updates batch-norm statistics
    plain = copy.deepcopy(ours)
    plain.use_channels_last(False)
    with torch.no_grad():
        reference = theirs.eval()(x)
        exact_error = relative_error(plain.eval()(x), reference)
        layout_error = relative_error(ours.eval()(x), reference)
    assert exact_error < 1e-5, f"segnb's and SMP's masks differ: max relative error {exact_error:.2e}"
    assert layout_error < 1e-4, f"segnb's channels-last masks differ from SMP's: max relative error {layout_error:.2e}"
    plain.train(), theirs.train()
    a, b = plain(x), theirs(x)
    assert relative_error(a, b) < 1e-5, "segnb's and SMP's masks differ in training mode"
    a.mean().backward(), b.mean().backward()
    grad_error = 0.0
    for (name, p), q in zip(theirs.named_parameters(), plain.parameters()):
        error = relative_error(q.grad, p.grad)
        assert error < 1e-3, f"gradients of {name} differ: max relative error {error:.2e}"
        grad_error = max(grad_error, error)
    return exact_error, grad_error, layout_error


def train_step(model, x):
    model.zero_grad(set_to_none=True)
    model(x).mean().backward()


def inference_step(model, x):
    with torch.no_grad():
        model(x)


def interleaved(step, runs: dict, repeats: int, warmup: int) -> dict[str, list[float]]:
    "Milliseconds per call of `step(model, x)` for each `name: (model, x)`, run alternately A B B A A B ... after warm-up."
    names = list(runs)
    for _ in range(warmup):
        for name in names:
            step(*runs[name])
    times = {name: [] for name in names}
    for index in range(repeats):
        for name in names if index % 2 == 0 else names[::-1]:
            start = time.perf_counter()
            step(*runs[name])
            times[name].append((time.perf_counter() - start) * 1e3)
    return times


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 4:
        return min(values), max(values)
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=None, help="timed steps per library and case (default 20, 5 with --quick)")
    parser.add_argument("--warmup", type=int, default=None, help="untimed steps per library and case first (default 3, 1 with --quick)")
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (default: PyTorch's choice)")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--size", type=int, default=256, help="input height and width")
    parser.add_argument("--quick", action="store_true", help="few repeats: checks that the script works, figures are rough")
    parser.add_argument("--smp-channels-last", action="store_true",
                        help="also time SMP with model and input converted to channels_last by hand")
    args = parser.parse_args(argv)
    repeats = args.repeats or (5 if args.quick else 20)
    warmup = args.warmup if args.warmup is not None else (1 if args.quick else 3)
    if args.threads:
        torch.set_num_threads(args.threads)

    import segmentation_models_pytorch as smp
    import segnb

    torch.manual_seed(0)
    ours = segnb_unet()("resnet34", encoder_weights=None)
    theirs = smp.Unet("resnet34", encoder_weights=None)
    n_ours, n_theirs = count_parameters(ours), count_parameters(theirs)
    assert n_ours == n_theirs, f"parameter counts differ: segnb {n_ours:,}, SMP {n_theirs:,}"
    how = copy_weights(theirs, ours)
    x = torch.randn(args.batch, 3, args.size, args.size)
    exact_error, grad_error, layout_error = check_same_outputs(ours, theirs, x)

    print(f"CPU: {cpu_name()}, {torch.get_num_threads()} threads | torch {torch.__version__} | "
          f"segnb {segnb.__version__} | segmentation_models_pytorch {smp.__version__} | Python {platform.python_version()}")
    print(f"Unet(resnet34): {n_ours / 1e6:.2f}M parameters in both; SMP weights copied {how}; same masks and "
          f"gradients in segnb's NCHW mode (max relative error {exact_error:.1e}, {grad_error:.1e}); "
          f"channels-last masks within {layout_error:.1e}")
    print(f"input {tuple(x.shape)} float32, {repeats} timed steps per library after {warmup} warm-up, interleaved; "
          f"load average {load_average()}\n")

    plain = copy.deepcopy(ours)
    plain.use_channels_last(False)
    runs = {"segnb": (ours, x), "SMP": (theirs, x), "segnb, NCHW (use_channels_last(False))": (plain, x)}
    if args.smp_channels_last:
        runs["SMP, model and input channels_last by hand"] = (
            copy.deepcopy(theirs).to(memory_format=torch.channels_last), x.contiguous(memory_format=torch.channels_last))

    width = max(map(len, runs)) + 2
    header = (f"{'case / run':{width}s} {'median ms':>9s} {'ratio':>6s} {'paired':>7s} {'paired IQR':>11s}  "
              f"target <= 1.0")
    print(header)
    print("-" * len(header), flush=True)
    all_met = True
    for case, step, mode in (("train: forward + backward", train_step, True),
                             ("inference: eval, no_grad", inference_step, False)):
        for model, _ in runs.values():
            model.train(mode)
        times = interleaved(step, runs, repeats, warmup)
        print(case)
        smp_ms = statistics.median(times["SMP"])
        for name in runs:
            ms = statistics.median(times[name])
            line = f"{'  ' + name:{width}s} {ms:9.1f} {ms / smp_ms:6.3f}"
            if name != "SMP":
                paired = [a / b for a, b in zip(times[name], times["SMP"])]
                low, high = quartiles(paired)
                line += f" {statistics.median(paired):7.3f} {low:5.3f}-{high:.3f}"
                if name == "segnb":
                    verdict = "yes" if statistics.median(paired) <= 1.0 else ("within noise" if low <= 1.0 else "NO")
                    all_met &= verdict != "NO"
                    line += f"  {verdict}"
            print(line, flush=True)
    print("\nmedian ms: per step; ratio: median ms / SMP's median ms; paired: median of the ratios of back-to-back "
          "runs,\nthe figure the target is checked on (robust to load that comes and goes); paired IQR: their "
          "quartiles\n(an IQR that spans 1.0 means the difference is within the noise).")
    print(f"load average at the end: {load_average()} (above the number of cores, other processes shared the CPU)")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
