#!/usr/bin/env bash
# Makes the Python environment of the Rego peer comparison: .build/rego-venv with opa-eval (the
# regorus Rego engine). DossierKit itself needs none of it.
#     Benchmarks/rego/setup.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.build/rego-venv"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'opa-eval==0.1.1'
"$venv/bin/python" -c 'import opa_eval; print("opa-eval ready in '"$venv"'")'
