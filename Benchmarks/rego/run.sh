#!/usr/bin/env bash
# The Rego peer comparison (Docs/Performance.md): same findings, then the timings.
#     swift build -c release            # first; this script builds nothing
#     Benchmarks/rego/run.sh [N] [compare.py options…]
# N dossiers (default 20000) are generated once into .build/rego-batch-N.jsonl with
# `dossier-bench --generate N --write-jsonl`; the findings are also compared on 5000 perturbed
# dossiers (--mutate), and instructions are counted with valgrind if it is installed
# (--instructions 370). Options after N go to compare.py (--rounds, --reps, --rego-reps, --no-bench, …).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
count=20000
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then count="$1"; shift; fi
for tool in .build/release/dossier .build/release/dossier-bench; do
    if [ ! -x "$tool" ]; then
        echo "$tool is missing: run 'swift build -c release' first" >&2
        exit 2
    fi
done
if [ ! -x .build/rego-venv/bin/python ] || ! .build/rego-venv/bin/python -c 'import opa_eval' 2>/dev/null; then
    Benchmarks/rego/setup.sh
fi
batch=".build/rego-batch-$count.jsonl"
if [ ! -s "$batch" ]; then
    .build/release/dossier-bench --generate "$count" --write-jsonl "$batch"
fi
# Instructions per dossier on the first 370 dossiers (ten of each sample) when valgrind is there.
counting=()
if command -v valgrind > /dev/null; then counting=(--instructions 370); fi
exec .build/rego-venv/bin/python Benchmarks/rego/compare.py "$batch" --mutate 5000 "${counting[@]}" "$@"
