#!/usr/bin/env bash
# Instructions per dossier, counted by valgrind's callgrind: the cost of each phase of the
# in-process check and report (and, with --per-rule, of each rule run alone). Counts do not
# depend on the machine's load, so two builds can be compared on a shared, noisy machine where
# timings of a few percent drown in the noise. They are not times: a retain or a cache miss
# counts as one instruction however long it takes.
#
#     swift build -c release
#     .build/release/dossier-bench --generate 20000 --write-jsonl /tmp/b20k.jsonl
#     head -200 /tmp/b20k.jsonl > /tmp/b200.jsonl
#     Benchmarks/instructions.sh /tmp/b200.jsonl [--per-rule] [--bin DIR]
#
# Each phase is one callgrind run of `dossier-bench --pipeline FILE --jobs 1 --reps 1` collecting
# only inside that phase's function (found in the binary by name, so a renamed function is an
# error here, not a silent zero). With SHA instructions hidden by valgrind, nothing here counts
# the receipt's digest. Under valgrind one run of 200 dossiers takes 10-20 s.
set -euo pipefail
file=${1:?usage: instructions.sh FILE.jsonl [--per-rule] [--bin DIR]}
shift
perRule=false
bindir=.build/release
while [ $# -gt 0 ]; do
    case "$1" in
    --per-rule) perRule=true ;;
    --bin) bindir=${2:?--bin needs a folder}; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
bench=$bindir/dossier-bench
[ -x "$bench" ] || { echo "build first: swift build -c release (no $bench)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind (Debian package 'valgrind')" >&2; exit 2; }
dossiers=$(grep -c . "$file")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
nm "$bench" | awk '{print $3}' > "$out/symbols"

# The one function of a phase: the symbol matching REGEX, the specialized one when there are two.
symbol() {
    local found
    found=$(grep -E "$1" "$out/symbols" | sort -u)
    [ -n "$found" ] || { echo "no function matches $1 in $bench: update Benchmarks/instructions.sh" >&2; exit 2; }
    if [ "$(echo "$found" | wc -l)" -gt 1 ]; then found=$(echo "$found" | grep -E '_n$' | head -1); fi
    [ -n "$found" ] || { echo "several functions match $1 and none is the specialized one" >&2; exit 2; }
    echo "$found"
}

# Instructions collected inside the given functions over the whole batch.
count() {
    local args=() extra=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("--toggle-collect=$1"); shift; done
    [ $# -gt 0 ] && { shift; extra=("$@"); }
    # Hashing seeded alike in every run, so dictionaries probe alike; what varies from run to run
    # (a few hundredths of a percent) comes from the allocator and the other threads.
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "${args[@]}" \
        "$bench" --pipeline "$file" --jobs 1 --reps 1 "${extra[@]}" 2>&1 >/dev/null \
        | awk '/Collected :/ {gsub(",", "", $4); print $4; found = 1} END {if (!found) print 0}'
}

check=$(symbol '^\$s10DossierKit0A9EvaluatorO5check_4pack')
parse=$(symbol '^\$s10DossierKit12JSONDocumentC5parse_6limits')
validate=$(symbol '^\$s10DossierKit14FastValidationV3run__6strict5cache.*FZ(Tf[0-9a-z_]+)?$')
facts=$(symbol '^\$s10DossierKit9CaseFactsV4read_6format')
definitions=$(symbol '^\$s10DossierKit15PackEnvironmentV5begin_6worker5cache')
checkRule=$(symbol '^\$s10DossierKit9CheckRuleC8evaluate_4into.*F$')
requiredRule=$(symbol '^\$s10DossierKit21RequiredDocumentsRuleC8evaluate_4into.*F$')
report=$(symbol '^\$s10DossierKit13ReportBuilderV5build_5index')
suppression=$(symbol '^\$s10DossierKit11SuppressionO5apply2to')
write=$(symbol '^\$s10DossierKit11WriterState.*C5write')

{
    echo "check $(count "$check")"
    echo "parse $(count "$parse")"
    echo "validate $(count "$validate")"
    echo "facts $(count "$facts")"
    echo "definitions $(count "$definitions")"
    echo "rules $(count "$checkRule" "$requiredRule")"
    echo "report $(count "$report" "$suppression")"
    echo "write $(count "$write")"
} > "$out/phases"

if $perRule; then
    ids=$("$bench" --list-rules)
    export bench file checkRule requiredRule
    export -f count
    echo "$ids" | xargs -P 2 -I{} bash -c 'echo "{} $(count "$checkRule" "$requiredRule" -- --rules {})"' > "$out/rules"
else
    : > "$out/rules"
fi

python3 - "$out/phases" "$out/rules" "$dossiers" <<'EOF'
import sys
phases = dict((l.split()[0], int(l.split()[1])) for l in open(sys.argv[1]) if l.strip())
rules = [(l.split()[0], int(l.split()[1])) for l in open(sys.argv[2]) if l.strip()]
n = int(sys.argv[3])
for name, value in list(phases.items()) + rules:
    if value == 0:
        sys.exit(f"{name}: nothing was collected (did the run fail, or is the function no longer called?)")
per = lambda v: v / n
check = phases["check"]
inside = sum(phases[p] for p in ("parse", "validate", "facts", "definitions", "rules"))
print(f"{n} dossiers, instructions per dossier (callgrind, 1 job)")
print(f"  check, parse to located findings   {per(check):>10,.0f}")
for p in ("parse", "validate", "facts", "definitions", "rules"):
    print(f"    {p:<32} {per(phases[p]):>10,.0f}  {phases[p] / check:6.1%}")
print(f"    {'other (locating, sorting, …)':<32} {per(check - inside):>10,.0f}  {(check - inside) / check:6.1%}")
print(f"  report (build, waivers, baseline)  {per(phases['report']):>10,.0f}")
print(f"  write (JSON report)                {per(phases['write']):>10,.0f}")
if rules:
    print("each rule alone (with the conversions it is first to need), instructions per dossier:")
    for rule, value in sorted(rules, key=lambda r: -r[1]):
        print(f"  {rule:<8} {per(value):>10,.0f}")
    print(f"  sum      {per(sum(v for _, v in rules)):>10,.0f}")
EOF
