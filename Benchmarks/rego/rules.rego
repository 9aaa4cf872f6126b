# Four rules of the default pack (Rules/jining-archives) written by hand in Rego, for the peer
# comparison of Benchmarks/rego/compare.py: PROC-07, PROC-12, REV-01 and REC-06.
#
# Input: one dossier (format dossier/1). Data (compare.py builds it from the pack's own files, so
# no figure is copied here):
#   data.params    every parameter of parameters.json, by name, its "value"
#   data.calendar  {"first": "YYYY-01-01", "last": "YYYY-12-31", "nextWorkingDay": {day off:
#                   next working day or null}} from calendar.json (see REC-06)
# Output: data.dossierkit.findings, the set of {"rule", "pointer"} the pack's engine reports for
# these four rules on the dossier; "pointer" is the JSON pointer of the rule's `at` path, cut at
# the nearest present ancestor like AtPath.resolve (a missing `archivedOn` points at the dossier,
# pointer "").
#
# The pack's semantics kept here:
#   has(x.f)    f is present and not null (JSONRecord.hasField): `x.f != null`, undefined (false)
#               when f or x is absent
#   money       exact: compared in whole fen (amounts have at most 2 decimals, the format says)
#   date        a rule with versions takes the version whose period holds its date
#               (decisionDate = the decision date for the decided dossiers these rules judge);
#               no version for the date: the rule does not apply
#   dates       YYYY-MM-DD strings compare like days
package dossierkit

import rego.v1

params := data.params

# ---------------------------------------------------------------- helpers

# Money in fen (1/100 yuan): exact for the format's at-most-2-decimal amounts.
fen(x) := round(x * 100)

# AtPath.resolve: the JSON pointer of the longest present prefix of `path` (a present key whose
# value is null still counts: the engine points at the null).
absent := {"absent": "AtPath"}

present_prefix(path) := max({0} | {n |
	some i in numbers.range(0, count(path) - 1)
	object.get(input, array.slice(path, 0, i + 1), absent) != absent
	n := i + 1
})

at_pointer(path) := concat("", [p |
	some k in array.slice(path, 0, present_prefix(path))
	p := concat("", ["/", replace(replace(k, "~", "~0"), "/", "~1")])
])

# ---------------------------------------------------------------- definitions.json

decided if input.decision != null

individual if input.party.kind == "individual"

penalties := input.decision.penalties if {
	input.decision.penalties != null
} else := []

# amountAtStake, in fen: fines and confiscations with an amount.
amount_at_stake := sum([fen(p.amount) |
	some p in penalties
	p.kind in {"fine", "confiscation"}
	p.amount != null
])

hearing_held if input.hearing.heldOn != null

general_penalty if {
	input.category == "penalty"
	input.procedure == "general"
}

review_threshold := params.reviewThresholdIndividual if individual else := params.reviewThresholdOrganization

major if {
	decided
	amount_at_stake >= fen(review_threshold)
}

major if {
	decided
	some p in penalties
	p.kind in {"suspension", "license-revocation"}
}

major if {
	decided
	hearing_held
}

major if {
	decided
	input.decision.major == true
}

review_needed if {
	decided
	major
}

review_needed if {
	decided
	general_penalty
	input.decision.date >= "2018-01-01"
	input.decision.date <= "2021-07-14"
}

# ---------------------------------------------------------------- PROC-07
# Simple procedure: only a warning or a fine up to the limit of the law of the decision date
# (1996 Art. 33 to 2021-07-14: 50 / 1,000 yuan; 2021 Art. 51: 200 / 3,000 yuan).

simple_limit := params.simpleFineLimitIndividual1996 if {
	input.decision.date <= "2021-07-14"
	individual
}

simple_limit := params.simpleFineLimitOrganization1996 if {
	input.decision.date <= "2021-07-14"
	not individual
}

simple_limit := params.simpleFineLimitIndividual2021 if {
	input.decision.date >= "2021-07-15"
	individual
}

simple_limit := params.simpleFineLimitOrganization2021 if {
	input.decision.date >= "2021-07-15"
	not individual
}

simple_allowed(p) if p.kind == "warning"

simple_allowed(p) if {
	p.kind == "fine"
	p.amount != null
	fen(p.amount) <= fen(simple_limit)
}

findings contains {"rule": "PROC-07", "pointer": at_pointer(["decision", "penalties"])} if {
	input.category == "penalty"
	input.procedure == "simple"
	decided
	simple_limit # the version of the decision date
	some p in penalties
	not simple_allowed(p)
}

# ---------------------------------------------------------------- PROC-12
# A decision cites a legal basis; citations of blanks only do not count (trim: Unicode White_Space,
# the ideographic space U+3000 included, in both engines).

cites_basis if {
	some b in input.decision.basis
	trim_space(b) != ""
}

findings contains {"rule": "PROC-12", "pointer": at_pointer(["decision"])} if {
	decided
	input.decision.date # versions cpl-1996 (to 2021-07-14) and cpl-2021 cover every day
	not cites_basis
}

# ---------------------------------------------------------------- REV-01
# Legal review before a decision that needs one; versions from 2017-11-01 only.

reviewed_in_time if {
	c := input.legalReview.completedOn
	c != null
	c <= input.decision.date
}

findings contains {"rule": "REV-01", "pointer": at_pointer(["decision", "date"])} if {
	decided
	input.decision.date >= "2017-11-01"
	not reviewed_in_time # the cheap test first: review_needed evaluates every body of major
	review_needed
}

# ---------------------------------------------------------------- REC-06
# Archived within params.archivingDays calendar days of closing. addCalendarDays moves a last day
# that is not a working day to the next working day, and fails (a problem, no finding) when the
# last day or that next working day lies outside the calendar's years. data.calendar.nextWorkingDay
# maps every day off of the covered years to the next working day (null past the last year):
# compare.py derives it from calendar.json at load, as the pack loader derives its working-day
# index (a make-up working day works; Monday to Friday works unless a holiday).

day_ns(d) := time.parse_ns("2006-01-02", d)

ns_day(ns) := sprintf("%04d-%02d-%02d", time.date(ns))

day_length := 86400000000000 # ns: days are UTC midnights

archiving_target := ns_day(day_ns(input.closedOn) + params.archivingDays * day_length)

archiving_deadline := d if {
	archiving_target >= data.calendar.first
	archiving_target <= data.calendar.last
	d := object.get(data.calendar.nextWorkingDay, archiving_target, archiving_target)
	d != null
}

archived_by(deadline) if {
	a := input.archivedOn
	a != null
	a <= deadline
}

findings contains {"rule": "REC-06", "pointer": at_pointer(["archivedOn"])} if {
	input.closedOn != null
	deadline := archiving_deadline
	not archived_by(deadline)
}
