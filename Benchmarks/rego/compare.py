#!/usr/bin/env python3
"""Peer comparison of DossierKit with a Rego engine (regorus, through the opa-eval package).

Four rules of the default pack (PROC-07, PROC-12, REV-01, REC-06) are written by hand in Rego
(rules.rego). On one JSON Lines batch this script

  1. evaluates every dossier with the Rego policy and with `dossier check --rules ... --jobs 1
     --format json`, and compares the {rule, pointer} findings dossier by dossier: any
     difference is printed and the exit status is 1;
  2. times the Rego evaluation (one thread) and the empty policy (baseline.rego) on the same
     strings, so the cost of the four rules can be told from the cost of the call and the
     input parse;
  3. times DossierKit in-process on one core with `dossier-bench --check-only --rules ...`, and
     the same with no rule (`--rules ''`); with --dossiers N dossier-bench makes the very batch
     `--generate N` writes, which is checked byte for byte; and whole-process with /usr/bin/time;
  4. prints a side-by-side table, the median and range over --rounds rounds, each of which
     measures every engine (so all see the same load on a shared machine);
  5. with --instructions N, counts instructions per dossier with valgrind (callgrind) on the
     first N dossiers, for figures the machine's load does not move.

With --mutate N it also (or only, with --no-bench) checks equality on N dossiers made by
perturbing the samples in the fields these rules read (dates near the law changes and
holidays, amounts at the limits, blank citations, missing keys), which the benchmark batch,
copies of the 37 samples, does not vary.

Run it through run.sh, which makes the virtual environment. Needs `swift build -c release`.
"""

import argparse
import collections
import datetime
import gc
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RULES = ["PROC-07", "PROC-12", "REV-01", "REC-06"]
DEFAULT_PACK = os.path.join(ROOT, "Rules", "jining-archives")


def pack_data(pack):
    """data.params and data.calendar for rules.rego, read from the pack's own files.

    The calendar is given as its covered days and, for each day off, the next working day (null
    when that lies past the last covered year): what the pack loader's WorkingCalendar derives
    at load time, so both engines start each dossier with the calendar already indexed."""
    with open(os.path.join(pack, "parameters.json"), encoding="utf-8") as f:
        params = {k: v["value"] for k, v in json.load(f)["parameters"].items()}
    with open(os.path.join(pack, "calendar.json"), encoding="utf-8") as f:
        years = json.load(f)["years"]
    ordered = sorted(years, key=int)
    holidays, workdays = set(), set()
    for y in ordered:
        for h in years[y].get("holidays", []):
            holidays.add(h["date"] if isinstance(h, dict) else h)
        for w in years[y].get("workdays", []):
            workdays.add(w["date"] if isinstance(w, dict) else w)
    first = datetime.date(int(ordered[0]), 1, 1)
    last = datetime.date(int(ordered[-1]), 12, 31)
    days = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    working = [d.isoformat() in workdays or (d.weekday() < 5 and d.isoformat() not in holidays) for d in days]
    next_working, upcoming = {}, None
    for d, works in zip(reversed(days), reversed(working)):
        if works:
            upcoming = d.isoformat()
        else:
            next_working[d.isoformat()] = upcoming
    calendar = {"first": first.isoformat(), "last": last.isoformat(), "nextWorkingDay": next_working}
    return {"params": params, "calendar": calendar}


def read_lines(path):
    """(line number, text) of each non-empty line, as the CLI numbers them."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip():
                out.append((n, line))
    return out


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def spread(values, fmt="{:.1f}"):
    """'median [min–max]'."""
    return (fmt + " [" + fmt + "–" + fmt + "]").format(statistics.median(values), min(values), max(values))


# ------------------------------------------------------------------ Rego

def rego_engines(pack):
    import opa_eval
    data = json.dumps(pack_data(pack), ensure_ascii=False)
    rules = opa_eval.OpaEval(os.path.join(HERE, "rules.rego"), data_json=data, query="data.dossierkit.findings")
    empty = opa_eval.OpaEval(os.path.join(HERE, "baseline.rego"), data_json=data, query="data.baseline.findings")
    return rules, empty


def rego_findings(engine, lines):
    """{line: Counter of (rule, pointer)} and {line: error text}."""
    found, errors = {}, {}
    for n, text in lines:
        try:
            result = json.loads(engine.evaluate(text))
        except RuntimeError as e:
            errors[n] = str(e)
            continue
        found[n] = collections.Counter((f["rule"], f["pointer"]) for f in result)
    return found, errors


def time_rego(rules, empty, lines, reps, warm):
    """Per repetition, µs per dossier of the four rules and of the empty policy, as wall time and
    as this thread's CPU time (the evaluation runs in the calling thread; CPU time leaves out the
    time the thread waits for the core on a shared machine). The two policies alternate."""
    texts = [t for _, t in lines]

    def once(evaluate):
        gc.collect()
        gc.disable()
        try:
            wall, cpu = time.perf_counter_ns(), time.thread_time_ns()
            for t in texts:
                evaluate(t)
            cpu, wall = time.thread_time_ns() - cpu, time.perf_counter_ns() - wall
            return wall / len(texts) / 1000, cpu / len(texts) / 1000
        finally:
            gc.enable()

    if warm:
        once(rules.evaluate)  # warm-up, not counted
        once(empty.evaluate)
    full, base = [], []
    for _ in range(reps):
        full.append(once(rules.evaluate))
        base.append(once(empty.evaluate))
    return full, base


# ------------------------------------------------------------------ DossierKit

def dossierkit_findings(dossier, path, pack, officers, rules):
    """{line: Counter of (rule, pointer)} of the checked dossiers, the lines not checked (invalid)
    with their status, and the evaluation problems (rule could not be evaluated)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        report_path = out.name
    try:
        cmd = [dossier, "check", path, "--rules", ",".join(rules), "--format", "json",
               "--officers", officers, "--pack", pack, "--jobs", "1", "--no-config", "--output", report_path]
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if not os.path.exists(report_path) or os.path.getsize(report_path) == 0:
            sys.exit("dossier check wrote no report (exit %d): %s" % (run.returncode, run.stderr[-2000:]))
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    finally:
        if os.path.exists(report_path):
            os.unlink(report_path)
    found, unchecked = {}, {}
    for d in report["dossiers"]:
        if d.get("status") == "invalid":
            unchecked[d["line"]] = d.get("status")
            continue
        found[d["line"]] = collections.Counter(
            (f["rule"], f.get("pointer", "")) for f in d.get("findings", [])
            if f["rule"] in rules and f.get("origin", "automatic") == "automatic")
    problems = [e for e in report.get("errors", []) if "could not be evaluated" in e.get("message", "")]
    return found, unchecked, problems, cmd


def time_whole_process(dossier, path, pack, officers, rules, reps, tmp):
    """Wall seconds, CPU seconds and peak RSS (KiB) of `dossier check` on the file, per run.

    The report goes to a temporary file, not /dev/null: --output writes atomically (a temporary
    file renamed over the target)."""
    report = os.path.join(tmp, "timed-report.json")
    cmd = ["/usr/bin/time", "-f", "%e %U %S %M", dossier, "check", path, "--rules", ",".join(rules),
           "--format", "json", "--officers", officers, "--pack", pack, "--jobs", "1", "--no-config",
           "--output", report]
    walls, cpus, rss = [], [], []
    for _ in range(reps):
        run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        e, u, s, m = run.stderr.strip().splitlines()[-1].split()
        walls.append(float(e))
        cpus.append(float(u) + float(s))
        rss.append(int(m))
        os.unlink(report)
    return walls, cpus, rss, cmd


BENCH_FULL = re.compile(r"full check \(parse, validate, (\d+) rules\), 1 cor\w*\s+[\d.]+ MB/s\s+(\d+) dossiers/s")


def time_in_process(bench, count, reps, rules, pack, runs, batch_copy):
    """`dossier-bench --check-only`, `runs` pairs of runs: with the four rules, and with no rule
    (`--rules ''`, the pack emptied), alternating.

    Per pair: dossier-bench's own figure, the wall-clock median of `reps` one-core full checks
    (parse, validate, locate, rules), for each pack; and the rules' CPU time per dossier: the
    difference of the two processes' CPU time (user + sys, /usr/bin/time) over the dossier checks
    that differ between them. With --check-only a run checks the batch 2 × reps + 1 times (one
    count of the findings, reps on all cores, reps on one core: Benchmarks/dossier-bench/main.swift)
    and does everything else (generation, validation alone) alike in both."""
    full, base, rules_cpu = [], [], []
    commands = []
    for _ in range(runs):
        cpu = {}
        for ids in (",".join(rules), ""):
            cmd = [bench, "--dossiers", str(count), "--reps", str(reps), "--check-only", "--rules", ids,
                   "--pack", pack] + (["--write-jsonl", batch_copy] if ids else [])
            if len(commands) < 2:
                commands.append(cmd)
            run = subprocess.run(["/usr/bin/time", "-f", "%U %S"] + cmd, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if run.returncode != 0:
                sys.exit("dossier-bench failed (%d): %s" % (run.returncode, run.stderr[-2000:]))
            m = BENCH_FULL.search(run.stdout)
            if not m or int(m.group(1)) != (len(rules) if ids else 0):
                sys.exit("unexpected dossier-bench output:\n" + run.stdout)
            (full if ids else base).append(1e6 / int(m.group(2)))
            u, s_ = run.stderr.strip().splitlines()[-1].split()
            cpu[ids] = float(u) + float(s_)
        rules_cpu.append((cpu[",".join(rules)] - cpu[""]) / ((2 * reps + 1) * count) * 1e6)
    return full, base, rules_cpu, commands


# ------------------------------------------------------------------ perturbed dossiers

EDGE_DAYS = ["2017-10-31", "2017-11-01", "2017-12-31", "2018-01-01", "2021-07-14", "2021-07-15"]
EDGE_AMOUNTS = [0, 0.01, 49.99, 50, 50.01, 199.99, 200, 200.01, 999.99, 1000, 1000.01, 2999.99, 3000,
                3000.01, 4999.99, 5000, 5000.01, 10000, 20000.5, 29999.99, 49999.99, 50000, 50000.01, 120000]
BLANKS = ["", " ", "\u3000", "\t\n", "\u3000 \u3000"]


def day(d):
    return d.isoformat()


def parse_day(s):
    return datetime.date.fromisoformat(s)


def mutate(template, rng, holidays, i):
    d = json.loads(template)
    d["id"] = "%s-m%d" % (d.get("id", "x"), i)
    decided = isinstance(d.get("decision"), dict)

    def some_day():
        if rng.random() < 0.3:
            return rng.choice(EDGE_DAYS)
        return day(datetime.date(2015, 3, 1) + datetime.timedelta(days=rng.randrange(0, 4300)))

    def offset(s, lo, hi):
        return day(parse_day(s) + datetime.timedelta(days=rng.randint(lo, hi)))

    for _ in range(rng.randint(1, 5)):
        what = rng.randrange(12)
        if what == 0 and decided:
            d["decision"]["date"] = some_day()
        elif what == 1 and d.get("category") == "penalty":
            d["procedure"] = rng.choice(["simple", "general"])
        elif what == 2 and isinstance(d.get("party"), dict):
            d["party"]["kind"] = rng.choice(["individual", "organization"])
        elif what == 3 and decided:
            pens = []
            for _ in range(rng.randint(0, 3)):
                kind = rng.choice(["warning", "fine", "fine", "fine", "confiscation", "suspension",
                                   "license-revocation", "other"])
                p = {"kind": kind}
                if kind in ("fine", "confiscation") and rng.random() < 0.9:
                    p["amount"] = rng.choice(EDGE_AMOUNTS)
                pens.append(p)
            if rng.random() < 0.1:
                d["decision"].pop("penalties", None)
            else:
                d["decision"]["penalties"] = pens
        elif what == 4 and decided:
            choice = rng.randrange(5)
            if choice == 0:
                d["decision"]["basis"] = []
            elif choice == 1:
                d["decision"]["basis"] = [rng.choice(BLANKS) for _ in range(rng.randint(1, 3))]
            elif choice == 2:
                d["decision"]["basis"] = [rng.choice(BLANKS), "《中华人民共和国档案法》第四十八条"]
            elif choice == 3:
                d["decision"].pop("basis", None)
            else:
                d["decision"]["basis"] = ["\u3000《行政处罚法》第五十一条\u3000"]
        elif what == 5 and decided:
            date = d["decision"]["date"]
            review = d.get("legalReview")
            if rng.random() < 0.25:
                d.pop("legalReview", None)
            elif isinstance(review, dict):
                review["completedOn"] = offset(date, -5, 3)
                review["submittedOn"] = offset(review["completedOn"], -4, 0)
        elif what == 6 and decided:
            h = d.get("hearing")
            if rng.random() < 0.3:
                d.pop("hearing", None)
            elif isinstance(h, dict):
                if rng.random() < 0.5:
                    h.pop("heldOn", None)
                else:
                    h["requested"] = True
                    h["heldOn"] = offset(d["decision"]["date"], -10, -1)
        elif what == 7 and decided:
            v = rng.random()
            if v < 0.3:
                d["decision"].pop("major", None)
            else:
                d["decision"]["major"] = v < 0.65
        elif what in (8, 9):
            # Closing dates whose 30th day falls on or near a day off, or near the calendar's ends.
            r = rng.random()
            if r < 0.5 and holidays:
                closed = parse_day(rng.choice(holidays)) - datetime.timedelta(days=30 + rng.randint(-2, 1))
            elif r < 0.6:
                closed = rng.choice([datetime.date(2014, 11, 20), datetime.date(2014, 12, 10),
                                     datetime.date(2026, 11, 25), datetime.date(2026, 12, 5)])
            else:
                closed = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(0, 4350))
            d["closedOn"] = day(closed)
            a = rng.random()
            if a < 0.15:
                d.pop("archivedOn", None)
            else:
                d["archivedOn"] = day(closed + datetime.timedelta(days=rng.randint(20, 45)))
        elif what == 10:
            if rng.random() < 0.5:
                d.pop("closedOn", None)
            else:
                d.pop("archivedOn", None)
        elif what == 11 and d.get("category") == "penalty" and rng.random() < 0.2:
            d["category"] = rng.choice(["licensing", "inspection"])
            d.pop("procedure", None)
            if d["category"] == "licensing":
                d.setdefault("acceptedOn", d.get("filedOn", "2020-01-02"))
            else:
                d.setdefault("source", {"kind": "routine"})
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def write_mutations(count, path, pack, seed):
    rng = random.Random(seed)
    folder = os.path.join(ROOT, "Samples", "dossiers")
    templates = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                templates.append(f.read())
    holidays = sorted(d for d, n in pack_data(pack)["calendar"]["nextWorkingDay"].items() if n)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            out.write(mutate(templates[i % len(templates)], rng, holidays, i) + "\n")


# ------------------------------------------------------------------ instructions (valgrind)

def rego_worker(policy, path, count, pack):
    """Child mode for counting instructions: load both engines, evaluate each once on `{}` (so the
    engines are built in every mode), then evaluate `policy` ('rules' or 'empty') on the first
    `count` dossiers of `path`."""
    rules, empty = rego_engines(pack)
    rules.evaluate("{}")
    empty.evaluate("{}")
    engine = rules if policy == "rules" else empty
    for _, text in read_lines(path)[:count]:
        engine.evaluate(text)


def callgrind(cmd, tmp):
    """Instructions executed by `cmd` and its threads (callgrind's total Ir)."""
    out = os.path.join(tmp, "callgrind.out")
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd, cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         env=dict(os.environ, PYTHONHASHSEED="0"))
    m = re.search(r"Collected : (\d+)", run.stderr)
    if not m:
        sys.exit("callgrind failed: " + run.stderr[-2000:])
    os.unlink(out)
    return int(m.group(1))


def count_instructions(args, count, tmp):
    """Instructions per dossier, which repeat exactly where the shared machine's time does not."""
    lines = read_lines(args.input)[:count]
    head = os.path.join(tmp, "head.jsonl")
    with open(head, "w", encoding="utf-8") as f:
        for _, t in lines:
            f.write(t + "\n")
    one = os.path.join(tmp, "one.jsonl")
    with open(one, "w", encoding="utf-8") as f:
        f.write(lines[0][1] + "\n")
    me = [sys.executable, os.path.abspath(__file__), "--rego-worker"]
    rego_none = callgrind(me + ["empty", head, "0", args.pack], tmp)
    rego_empty = (callgrind(me + ["empty", head, str(count), args.pack], tmp) - rego_none) / count
    rego_rules = (callgrind(me + ["rules", head, str(count), args.pack], tmp) - rego_none) / count
    bench = [args.bench, "--dossiers", str(count), "--reps", "1", "--check-only", "--pack", args.pack, "--rules"]
    # --reps 1 --check-only checks the batch 3 times (count, all cores, one core); all else alike.
    # Its two-thread phases make the count vary a little from run to run: two pairs.
    dk_pairs = [(callgrind(bench + [",".join(RULES)], tmp) - callgrind(bench + [""], tmp)) / (3 * count) for _ in range(2)]
    dk_rules = statistics.mean(dk_pairs)
    check = [args.dossier, "check", "--rules", ",".join(RULES), "--format", "json", "--officers", args.officers,
             "--pack", args.pack, "--jobs", "1", "--no-config", "--output", os.path.join(tmp, "r.json")]
    dk_process = (callgrind(check[:2] + [head] + check[2:], tmp) - callgrind(check[:2] + [one] + check[2:], tmp)) / (count - 1)
    print("\n== instructions per dossier (callgrind, first %d dossiers of the batch; they do not move with the load)" % count)
    print("| engine | what | instructions per dossier | Rego ÷ DossierKit |")
    print("| --- | --- | ---: | ---: |")
    print("| Rego | evaluate(): call, input JSON parse, 4 rules, result JSON | %.0f | %.1f× (vs whole process) |"
          % (rego_rules, rego_rules / dk_process))
    print("| Rego | evaluate() of the empty policy | %.0f | |" % rego_empty)
    print("| Rego | 4 rules only (the difference) | %.0f | %.1f× |" % (rego_rules - rego_empty, (rego_rules - rego_empty) / dk_rules))
    print("| DossierKit | 4 rules only (dossier-bench: 4 rules − no rule, per check; mean of %.0f and %.0f) | %.0f | 1 |"
          % (dk_pairs[0], dk_pairs[1], dk_rules))
    print("| DossierKit | `dossier check` whole process, per dossier (%d dossiers − 1) | %.0f | 1 |" % (count, dk_process))


# ------------------------------------------------------------------ comparison

def compare(label, args, path, rules_engine):
    lines = read_lines(path)
    rego, rego_errors = rego_findings(rules_engine, lines)
    dk, unchecked, problems, cmd = dossierkit_findings(args.dossier, path, args.pack, args.officers, RULES)
    print("== findings, %s: %s" % (label, path))
    print("   " + " ".join(cmd[:1] + [os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd[1:]]))
    differences = 0
    compared = 0
    total = collections.Counter()
    by_rule = collections.Counter()
    for n, _ in lines:
        if n in unchecked:
            continue
        if n not in dk:
            print("   line %d: missing from the DossierKit report" % n)
            differences += 1
            continue
        if n in rego_errors:
            print("   line %d: Rego error: %s" % (n, rego_errors[n]))
            differences += 1
            continue
        compared += 1
        a, b = rego[n], dk[n]
        if a != b:
            differences += 1
            if differences <= 20:
                print("   line %d: Rego only %s, DossierKit only %s" % (
                    n, sorted((a - b).elements()), sorted((b - a).elements())))
        total["rego"] += sum(a.values())
        total["dossierkit"] += sum(b.values())
        for (rule, _), c in b.items():
            by_rule[rule] += c
    print("   dossiers: %d in the file, %d compared, %d not checked by DossierKit (invalid: no rule runs)"
          % (len(lines), compared, len(unchecked)))
    print("   findings: Rego %d, DossierKit %d; by rule (DossierKit): %s" % (
        total["rego"], total["dossierkit"], ", ".join("%s %d" % (r, by_rule[r]) for r in RULES)))
    if problems:
        print("   DossierKit evaluation problems (no finding from that rule; Rego leaves it undefined): %d, e.g. %s"
              % (len(problems), problems[0].get("message", "")[:160]))
    print("   " + ("EQUAL" if differences == 0 else "DIFFERENT on %d dossiers" % differences))
    return differences == 0, compared, total["dossierkit"]


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--rego-worker":
        rego_worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?", help="JSON Lines batch (dossier-bench --generate N --write-jsonl FILE)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of measurement, every engine in each (spread over rounds)")
    ap.add_argument("--rego-reps", type=int, default=2, help="Rego repetitions of each policy per round")
    ap.add_argument("--reps", type=int, default=5, help="dossier-bench repetitions per run (it prints their median)")
    ap.add_argument("--mutate", type=int, default=0, help="also compare findings on N perturbed dossiers")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--no-bench", action="store_true", help="compare findings only")
    ap.add_argument("--instructions", type=int, default=0, metavar="N",
                    help="also count instructions per dossier with valgrind on the first N dossiers")
    ap.add_argument("--pack", default=DEFAULT_PACK)
    ap.add_argument("--officers", default=os.path.join(ROOT, "Samples", "officers.json"))
    ap.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    ap.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "dossier-bench"))
    args = ap.parse_args()
    for tool in (args.dossier, args.bench):
        if not os.access(tool, os.X_OK):
            sys.exit("%s not found: run `swift build -c release` first" % tool)
    if not args.input and not args.mutate:
        ap.error("give a JSON Lines file, --mutate N, or both")

    import opa_eval  # noqa: F401 (fail early, outside any timing)
    rules_engine, empty_engine = rego_engines(args.pack)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if args.mutate:
            mutated = os.path.join(tmp, "mutated.jsonl")
            write_mutations(args.mutate, mutated, args.pack, args.seed)
            same, _, _ = compare("%d perturbed dossiers (seed %d)" % (args.mutate, args.seed), args, mutated, rules_engine)
            ok = ok and same
        if not args.input:
            return 0 if ok else 1
        same, compared, findings = compare("benchmark batch", args, args.input, rules_engine)
        ok = ok and same
        if args.no_bench:
            if args.instructions:
                count_instructions(args, min(args.instructions, len(read_lines(args.input))), tmp)
            return 0 if ok else 1

        lines = read_lines(args.input)
        count = len(lines)
        size = sum(len(t.encode("utf-8")) for _, t in lines)
        print("\n== timing: %d dossiers, %d bytes (%d per dossier), %d cores on the machine, load %s"
              % (count, size, size // count, os.cpu_count(), " ".join("%.1f" % x for x in os.getloadavg())))

        # Rounds: each engine measured in every round, so both see the same load on a shared machine.
        rego_full, rego_base, dk_full, dk_base, dk_rules_cpu, walls, cpus, rss = [], [], [], [], [], [], [], []
        batch_copy = os.path.join(tmp, "bench-batch.jsonl")
        same_batch = None
        for r in range(args.rounds):
            f, b = time_rego(rules_engine, empty_engine, lines, args.rego_reps, warm=(r == 0))
            rego_full += f
            rego_base += b
            fu, ba, rc, bench_cmds = time_in_process(args.bench, count, args.reps, RULES, args.pack, 1, batch_copy)
            dk_full += fu
            dk_base += ba
            dk_rules_cpu += rc
            if same_batch is None:
                same_batch = sha256(batch_copy) == sha256(args.input)
            w, c, m, time_cmd = time_whole_process(args.dossier, args.input, args.pack, args.officers, RULES, 1, tmp)
            walls += w
            cpus += c
            rss += m
            print("   round %d/%d (load %.1f): Rego %.0f µs CPU, empty policy %.0f; DossierKit %.1f µs wall, no rule %.1f, "
                  "rules %.1f µs CPU; dossier check %.2f s" % (r + 1, args.rounds, os.getloadavg()[0], f[-1][1], b[-1][1],
                                                              fu[-1], ba[-1], rc[-1], w[-1]), flush=True)

    def short(cmd):
        return " ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else (c or "''") for c in cmd)

    for c in bench_cmds:
        print("   in-process: /usr/bin/time -f '%U %S' " + short(c))
    print("   the dossier-bench batch %s the input file (sha256)" % ("IS byte for byte" if same_batch else "is NOT"))
    if not same_batch:
        print("   (so the in-process figures are for the same generator's batch of the same size, not this file)")
    print("   whole process: " + short(time_cmd))

    rego_wall = [w for w, _ in rego_full]
    rego_cpu = [c for _, c in rego_full]
    empty_wall = [w for w, _ in rego_base]
    empty_cpu = [c for _, c in rego_base]
    rules_wall = [a - b for a, b in zip(rego_wall, empty_wall)]
    rules_cpu = [a - b for a, b in zip(rego_cpu, empty_cpu)]
    dk_rules_wall = [a - b for a, b in zip(dk_full, dk_base)]
    process_wall = [w / count * 1e6 for w in walls]
    process_cpu = [c / count * 1e6 for c in cpus]
    med = statistics.median

    def ratio(a, b):
        return "%.1f×" % (med(a) / med(b)) if med(b) > 0 else "n/a"

    rows = [
        ("Rego: regorus 0.2.8 via opa-eval", "evaluate(): call, input JSON parse, 4 rules, result JSON",
         rego_wall, rego_cpu, ratio(rego_wall, dk_full) + " (wall, vs in-process); "
         + ratio(rego_cpu, process_cpu) + " (CPU, vs whole process)"),
        ("Rego: regorus 0.2.8 via opa-eval", "evaluate() of the empty policy: call, input JSON parse",
         empty_wall, empty_cpu, ratio(empty_wall, dk_base) + " (wall)"),
        ("Rego: regorus 0.2.8 via opa-eval", "4 rules only (the difference)", rules_wall, rules_cpu,
         ratio(rules_cpu, dk_rules_cpu) + " (CPU)"),
        ("DossierKit in-process (dossier-bench)", "parse, validate, locate, 4 rules", dk_full, None, "1"),
        ("DossierKit in-process (dossier-bench)", "parse, validate, locate, no rule", dk_base, None, "1"),
        ("DossierKit in-process (dossier-bench)", "4 rules only (the difference)", dk_rules_wall, dk_rules_cpu, "1"),
        ("DossierKit `dossier check`", "whole process: start, pack, read, check, score, JSON report", process_wall,
         process_cpu, "1"),
    ]
    print("\n| engine | what is timed, one thread | wall µs/dossier, median [min–max] | CPU µs/dossier, median [min–max] "
          "| dossiers/s (wall median) | Rego ÷ DossierKit, same scope |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for engine, what, wall, cpu, r in rows:
        print("| %s | %s | %s | %s | %s | %s |" % (
            engine, what, spread(wall), spread(cpu) if cpu else "–", "%.0f" % (1e6 / med(wall)) if med(wall) > 0 else "–", r))
    print("\n%d rounds, each: Rego %d repetitions of each policy over the %d dossiers, alternating; one pair of "
          "dossier-bench runs (4 rules, no rule), each figure the median of its %d one-core repetitions, the CPU of "
          "the 4 rules the difference of the pair's process CPU over its %d batch checks; one `dossier check` run."
          % (args.rounds, args.rego_reps, count, args.reps, 2 * args.reps + 1))
    print("`dossier check` whole process: wall %s s, CPU %s s, peak RSS %s MiB"
          % (spread(walls, "{:.2f}"), spread(cpus, "{:.2f}"), "%.0f" % (med(rss) / 1024)))
    print("findings compared: %d dossiers, %d findings, %s" % (compared, findings, "equal" if ok else "NOT equal"))
    if args.instructions:
        with tempfile.TemporaryDirectory() as tmp:
            count_instructions(args, min(args.instructions, count), tmp)
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
