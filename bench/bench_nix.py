"""The Nix layer's speed: parse and read a 1,000-line configuration; render and read back a generated one.

Targets: reading 1,000 lines in < 20 ms; the generator's render + read-back p50 < 50 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nixwright
from nixwright.nix.model import Binding, Module, Section
from nixwright.nix.parse import parse_source
from nixwright.nix.read import read_module, read_source
from nixwright.nix.render import render_module
from nixwright.nix.values import PRIORITY_MKDEFAULT, NixBool, NixInt, NixList, NixString, PackageRef

_BLOCK = """\
  # Service {i}: a web application behind nginx
  services.app{i} = {{
    enable = true;
    port = {port};
    settings = {{
      name = "${{domain}}-{i}";
      ratio = 0.5;
      features = [ "a" "b" "c" ];
    }};
  }};
  services.nginx.virtualHosts."app{i}.${{domain}}" = lib.mkIf config.services.app{i}.enable {{
    forceSSL = true;
    enableACME = true;
    locations."/".proxyPass = "http://127.0.0.1:{port}";
  }};
  users.users.user{i} = {{
    isNormalUser = lib.mkDefault true;
    extraGroups = [ "wheel" ] ++ lib.optionals config.x.docker [ "docker" ];
    packages = with pkgs; [ git vim htop ];
  }};
  environment.etc."app{i}.conf".text = ''
    listen {port}
    name app{i}
  '';
"""


def configuration(lines: int = 1000) -> str:
    """A realistic configuration of about ``lines`` lines, the same every time."""
    out = ["{ config, lib, pkgs, ... }:", "let", '  domain = "example.org";', "in", "{"]
    index = 0
    while len(out) + 26 < lines:
        out.extend(_BLOCK.format(i=index, port=8000 + index).splitlines())
        index += 1
    out.append("}")
    return "\n".join(out) + "\n"


def generated_module(bindings: int = 100) -> Module:
    """A module like the generator's: ~100 bindings in a few sections."""
    rows: list[Binding] = []
    for index in range(bindings // 4):
        rows.append(Binding(("services", f"svc{index}", "enable"), NixBool(value=True)))
        rows.append(Binding(("services", f"svc{index}", "port"), NixInt(9000 + index)))
        rows.append(
            Binding(("services", f"svc{index}", "openFirewall"), NixBool(value=False), PRIORITY_MKDEFAULT)
        )
        rows.append(Binding(("environment", "etc", f"svc{index}", "text"), NixString(f"a\nb {index}\n")))
    rows.append(Binding(("environment", "systemPackages"), NixList((PackageRef("vim"), PackageRef("git")))))
    half = len(rows) // 2
    return Module(sections=(Section("Services", tuple(rows[:half])), Section("Files", tuple(rows[half:]))))


def _timings(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per run, sorted (CPU time is steadier on a busy machine)."""
    action()
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return sorted(wall), sorted(cpu)


def _paired(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[tuple[list[float], list[float]], tuple[list[float], list[float]]]:
    """``_timings`` of two actions measured in turn, so both see the machine in the same state."""
    first()
    second()
    timings: tuple[tuple[list[float], list[float]], ...] = (([], []), ([], []))
    for _ in range(runs):
        for action, (wall, cpu) in zip((first, second), timings, strict=True):
            started, started_cpu = time.perf_counter(), time.process_time()
            action()
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    (wall_a, cpu_a), (wall_b, cpu_b) = timings
    return (sorted(wall_a), sorted(cpu_a)), (sorted(wall_b), sorted(cpu_b))


def _report(label: str, timings: tuple[list[float], list[float]], target: float | None = None) -> None:
    wall, cpu = timings
    p90 = wall[int(len(wall) * 0.9) - 1]
    goal = f"  (target < {target:.0f} ms)" if target else ""
    print(
        f"   {label:<38} wall p50 {statistics.median(wall):6.2f} ms  p90 {p90:6.2f} ms"
        f"  cpu p50 {statistics.median(cpu):6.2f} ms  min {cpu[0]:6.2f} ms{goal}"
    )


def main() -> None:
    text = configuration()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "configuration.nix"
        path.write_text(text, encoding="utf-8")
        lines = text.count("\n")
        reading = read_module(path)
        build = (
            "compiled (mypyc)" if nixwright.compiled() else "plain Python (NIXWRIGHT_PURE or a stale build)"
        )
        print(f"   Nix layer: {build}")
        print(f"   configuration: {lines} lines, {len(reading.definitions)} definitions")
        parsing, reading_times = _paired(lambda: parse_source(text, "c.nix"), lambda: read_module(path), 40)
        _report("parse (tree-sitter)", parsing)
        _report(f"read_module, {lines} lines", reading_times, 20)
        ratio = statistics.median(reading_times[1]) / statistics.median(parsing[1])
        print(f"   reading takes {ratio:.1f}x the parse alone (the two measured in turn)")
    module = generated_module()
    rendered = render_module(module)
    print(f"   generated module: {rendered.count(chr(10))} lines")
    _report("render_module", _timings(lambda: render_module(module), 40))
    _report(
        "render + read back (generator path)",
        _timings(lambda: read_source(render_module(module), "c.nix", follow_imports=False), 40),
        50,
    )


if __name__ == "__main__":
    main()
