#!/usr/bin/env bash
# Builds one libFuzzer target (Fuzz/Targets/TARGET.swift against the library, with AddressSanitizer)
# and runs it for SECONDS on its seed corpus. See Docs/Fuzzing.md.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]
#   scripts/fuzz.sh all SECONDS          # every target in turn, SECONDS each
#   scripts/fuzz.sh build TARGET         # build only
#
# Targets: json check expr template pack. Exit status: 0 when the run found nothing, non-zero
# (libFuzzer's) when it found a crash, a leak, a timeout or an out-of-memory input; the input is
# saved as .build/fuzz/artifacts/TARGET-crash-… (or -timeout-, -oom-, -leak-).
set -euo pipefail
cd "$(dirname "$0")/.."
# Swift's own crash backtracer and AddressSanitizer both handle the crash; keep ASan's report.
export SWIFT_BACKTRACE=enable=no
# Swift globals hold references in packed enum payloads that LeakSanitizer cannot see: its reports
# are false positives (the per-input check is off too, with -detect_leaks=0).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

targets=(json check expr template pack)
usage() { echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer flags…] | scripts/fuzz.sh build TARGET  (targets: ${targets[*]})" >&2; exit 64; }

out=.build/fuzz
flags=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g)
c_module=(-I Sources/CDossierSHA/include)

# The library is built once, instrumented, as a static library with internal API visible
# (-enable-testing); each target is one file linked against it (a few seconds).
build_library() {
    mkdir -p "$out/lib"
    # FUZZ_NO_BUILD=1: run the binaries as they are (a long campaign while the sources change).
    [[ -n ${FUZZ_NO_BUILD:-} && -f $out/lib/libDossierKit.a ]] && return
    if [[ -f $out/lib/libDossierKit.a ]] && [[ -z $(find Sources/DossierKit Sources/CDossierSHA -type f -newer "$out/lib/libDossierKit.a" -print -quit) ]]; then
        return
    fi
    echo "fuzz.sh: building the instrumented library (about two minutes)" >&2
    # The library's one C file (SHA-256 with the processor's SHA instructions) goes into the same archive.
    clang -O2 -g -fsanitize=address -I Sources/CDossierSHA/include -c Sources/CDossierSHA/sha256_hardware.c \
        -o "$out/lib/sha256_hardware.o"
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" "${c_module[@]}" -enable-testing -wmo -num-threads 2 -module-name DossierKit \
        -emit-module -emit-module-path "$out/lib/DossierKit.swiftmodule" -emit-library -static \
        -o "$out/lib/libDossierKit.a" $(find Sources/DossierKit -name '*.swift' | LC_ALL=C sort) \
        2> >(grep -v "Cannot export local symbol" >&2)
    ar rs "$out/lib/libDossierKit.a" "$out/lib/sha256_hardware.o" 2>/dev/null
}

build() {
    local target=$1
    [[ -f Fuzz/Targets/$target.swift ]] || { echo "fuzz.sh: no target '$target' (targets: ${targets[*]})" >&2; exit 64; }
    build_library
    local binary=$out/$target
    [[ -n ${FUZZ_NO_BUILD:-} && -x $binary ]] && return
    if [[ -x $binary ]] && [[ $binary -nt $out/lib/libDossierKit.a ]] && [[ $binary -nt Fuzz/Targets/$target.swift ]]; then
        return
    fi
    echo "fuzz.sh: building $target" >&2
    swiftc "${flags[@]}" "${c_module[@]}" -I "$out/lib" -L "$out/lib" -lDossierKit -module-name "Fuzz_$target" \
        -o "$binary" "Fuzz/Targets/$target.swift" 2> >(grep -v "Cannot export local symbol" >&2)
}

max_len() {
    case $1 in
        pack) echo 65536 ;;
        check) echo 32768 ;;
        json) echo 8192 ;;
        *) echo 1024 ;;
    esac
}

run() {
    local target=$1 seconds=$2
    shift 2
    build "$target"
    local work=$out/corpus/$target
    mkdir -p "$work" "$out/artifacts"
    echo "fuzz.sh: running $target for ${seconds}s" >&2
    "$out/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len="$(max_len "$target")" \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" "$@" "$work" "Fuzz/Corpus/$target"
}

[[ $# -ge 2 ]] || usage
case $1 in
    build) build "$2" ;;
    all)
        seconds=$2
        shift 2
        for t in "${targets[@]}"; do run "$t" "$seconds" "$@"; done
        ;;
    *)
        [[ $2 =~ ^[0-9]+$ ]] || usage
        run "$@"
        ;;
esac
