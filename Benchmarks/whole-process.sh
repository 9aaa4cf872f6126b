#!/usr/bin/env bash
# Whole-process timing of `dossier check` on a JSON Lines batch, writing the JSON report:
# wall time, CPU time and peak memory of RUNS runs (after one warm-up run), as median, min and max,
# and dossiers per second from the median wall time.
#
#     swift build -c release
#     .build/release/dossier-bench --generate 20000 --write-jsonl /tmp/b20k.jsonl
#     Benchmarks/whole-process.sh /tmp/b20k.jsonl 7 [extra dossier options, e.g. --jobs 1 or --rules …]
set -euo pipefail
file=${1:?usage: whole-process.sh FILE.jsonl RUNS [dossier options]}
runs=${2:-5}
shift 2 || true
bin=.build/release/dossier
[ -x "$bin" ] || { echo "build first: swift build -c release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
dossiers=$(grep -c . "$file")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() {
    # Exit code 1 only means findings were reported; anything else is a failure.
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$bin" check "$file" --officers Samples/officers.json \
        --format json --output "$out/report.json" --quiet "$@" >/dev/null 2>"$out/stderr" || [ $? -eq 1 ] \
        || { cat "$out/stderr" >&2; exit 2; }
    tail -n 1 "$out/time"  # time adds "Command exited with non-zero status 1" above
}
measure "$@" >/dev/null
for _ in $(seq "$runs"); do measure "$@"; done > "$out/runs"
python3 - "$out/runs" "$dossiers" <<'EOF'
import sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
n = int(sys.argv[2])
def stats(values):
    v = sorted(values)
    return v[len(v) // 2], v[0], v[-1]
wall = stats([r[0] for r in rows]); cpu = stats([r[1] + r[2] for r in rows]); rss = stats([r[3] / 1024 for r in rows])
print(f"{n} dossiers, {len(rows)} runs (median, min-max)")
print(f"  wall      {wall[0]:.2f} s ({wall[1]:.2f}-{wall[2]:.2f} s): {n / wall[0]:,.0f} dossiers/s ({n / wall[2]:,.0f}-{n / wall[1]:,.0f})")
print(f"  CPU       {cpu[0]:.2f} s ({cpu[1]:.2f}-{cpu[2]:.2f} s): {cpu[0] / n * 1e6:.1f} µs per dossier")
print(f"  peak RSS  {rss[0]:.1f} MiB ({rss[1]:.1f}-{rss[2]:.1f})")
EOF
