extension CaseFacts {
    /// The facts of a validated dossier. Validation has run, so present values are well-formed;
    /// absent ones stay `nil`.
    ///
    /// With `timeline`, the case's events are collected too (filing, each step with its recording
    /// coverage, notice, hearing, review, discussion, decision, service, disclosure, withdrawal,
    /// closing, archiving), labelled in `language`.
    static func read(_ root: JSONValue, format: DossierFormat, timeline: Bool, language: Language) -> CaseFacts {
        func day(_ v: JSONValue?) -> Day? { CaseFacts.day(v) }
        let agency = root["agency"], matter = root["matter"], decision = root["decision"]
        var officers: [String] = []
        var stepOfficers: [[String]] = []
        // A case names a handful of officers: a linear search finds repeats for less than hashing
        // each number; past `linearLimit` distinct ones a set takes over, so a hostile dossier
        // with thousands stays linear.
        let linearLimit = 16
        var seen = Set<String>()
        func addOfficer(_ c: String) {
            if officers.count < linearLimit {
                guard !officers.contains(c) else { return }
                officers.append(c)
                if officers.count == linearLimit { seen = Set(officers) }
            } else if seen.insert(c).inserted {
                officers.append(c)
            }
        }
        // Arrays are walked in place and sized ahead (`elements.map { $0 }` built a copy first).
        if let steps = root["steps"], steps.kind == .array {
            stepOfficers.reserveCapacity(steps.count)
            for step in steps.elements {
                var these: [String] = []
                if let list = step["officers"], list.kind == .array {
                    these.reserveCapacity(list.count)
                    for o in list.elements {
                        guard let c = o.string else { continue }
                        these.append(c)
                        addOfficer(c)
                    }
                }
                stepOfficers.append(these)
            }
        }
        let review = root["legalReview"]
        var penalties: [String] = []
        var fines: ExactDecimal?
        if let list = decision?["penalties"], list.kind == .array {
            penalties.reserveCapacity(list.count)
            for p in list.elements {
                guard let kind = p["kind"]?.string else { continue }
                penalties.append(kind)
                if kind == "fine", let amount = p["amount"]?.numberText.flatMap(ExactDecimal.init) {
                    fines = (fines ?? ExactDecimal(0)).adding(amount) ?? fines
                }
            }
        }
        var facts = CaseFacts(
            agencyCode: agency?["code"]?.string, agencyName: agency?["name"]?.string, agencyRegion: agency?["region"]?.string,
            category: root["category"]?.string, procedure: root["procedure"]?.string,
            matterCode: matter?["code"]?.string, matterName: matter?["name"]?.string,
            partyKind: root["party"]?["kind"]?.string, officers: officers,
            reviewers: review?["reviewers"]?.elements.compactMap { $0.string } ?? [],
            filedOn: day(root["filedOn"]), acceptedOn: day(root["acceptedOn"]), decidedOn: day(decision?["date"]),
            decisionKind: decision?["kind"]?.string, penalties: penalties, fines: fines,
            hearingHeld: root["hearing"]?["heldOn"]?.kind == .string, reviewed: day(review?["completedOn"]) != nil,
            disclosedOn: day(root["disclosure"]?["publishedOn"]), revokedOn: day(decision?["revokedOn"]),
            closedOn: day(root["closedOn"]), archivedOn: day(root["archivedOn"]), timeline: nil)
        facts.stepOfficers = stepOfficers
        facts.amountPaid = root["execution"]?["amountPaid"]?.numberText.flatMap(ExactDecimal.init)
        if timeline { facts.timeline = events(root, format: format, language: language) }
        return facts
    }

    /// The day a string value holds, parsed from its (decoded) bytes: the same answer as
    /// `Day(value.string)` without building the `String`.
    static func day(_ value: JSONValue?) -> Day? {
        value?.withStringBytes { Day.parse($0) } ?? nil
    }

    /// The instant a string value holds, parsed from its (decoded) bytes, as `day(_:)`.
    static func instant(_ value: JSONValue?) -> Instant? {
        value?.withStringBytes { Instant.parse($0) } ?? nil
    }

    /// The dated events of a dossier, in date order (stable for equal dates: document order).
    static func events(_ root: JSONValue, format: DossierFormat, language: Language) -> [TimelineEvent] {
        var out: [TimelineEvent] = []
        func add(_ kind: String, _ label: MessageID, _ value: JSONValue?) {
            guard let value, let d = day(value) else { return }
            out.append(TimelineEvent(kind: kind, label: Message(label).text(language), day: d, pointer: value.pointer))
        }
        add("filing", .timelineFiling, root["filedOn"])
        add("acceptance", .timelineAcceptance, root["acceptedOn"])
        // Recordings by id, for each step's coverage.
        var spans: [String: (Instant, Instant)] = [:]
        for r in root["recordings"]?.elements.map({ $0 }) ?? [] {
            if let id = r["id"]?.string, let s = instant(r["start"]), let e = instant(r["end"]) {
                spans[id] = (s, e)
            }
        }
        for step in root["steps"]?.elements.map({ $0 }) ?? [] {
            guard let start = instant(step["start"]) else { continue }
            let end = instant(step["end"]) ?? start
            let type = step["type"]?.string ?? "other"
            let name = DossierFormat.stepTypes.label(type, language)
            var covered: Int?
            let duration = Int(max(0, start.seconds(to: end)))
            let ids = step["recordings"]?.elements.compactMap { $0.string } ?? []
            if duration > 0 {
                covered = coverage(ids.compactMap { spans[$0] }, from: start, to: end)
            }
            out.append(TimelineEvent(kind: "step", label: name, day: start.chinaDay, pointer: step.pointer,
                                     coveredSeconds: covered, durationSeconds: duration > 0 ? duration : nil))
        }
        add("notice", .timelineNotice, root["notice"]?["servedOn"] ?? root["notice"]?["date"])
        add("hearing", .timelineHearing, root["hearing"]?["heldOn"])
        add("review", .timelineReviewSubmitted, root["legalReview"]?["submittedOn"])
        add("review", .timelineReviewCompleted, root["legalReview"]?["completedOn"])
        add("discussion", .timelineDiscussion, root["discussion"]?["date"])
        add("decision", .timelineDecision, root["decision"]?["date"])
        add("service", .timelineService, root["service"]?["date"])
        add("disclosure", .timelineDisclosure, root["disclosure"]?["publishedOn"])
        add("withdrawal", .timelineWithdrawal, root["disclosure"]?["withdrawnOn"])
        add("closing", .timelineClosing, root["closedOn"])
        add("archiving", .timelineArchiving, root["archivedOn"])
        return sortedByDay(out)
    }

    /// Events sorted by day, keeping document order for equal days.
    static func sortedByDay(_ events: [TimelineEvent]) -> [TimelineEvent] {
        events.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }

    /// Seconds of `[from, to]` that the union of `spans` covers.
    static func coverage(_ spans: [(Instant, Instant)], from: Instant, to: Instant) -> Int {
        let clipped = spans.compactMap { s -> (Int64, Int64)? in
            let a = max(s.0.epochSeconds, from.epochSeconds), b = min(s.1.epochSeconds, to.epochSeconds)
            return a < b ? (a, b) : nil
        }.sorted { $0.0 < $1.0 }
        var total: Int64 = 0
        var current: (Int64, Int64)?
        for s in clipped {
            if let c = current, s.0 <= c.1 {
                current = (c.0, max(c.1, s.1))
            } else {
                if let c = current { total += c.1 - c.0 }
                current = s
            }
        }
        if let c = current { total += c.1 - c.0 }
        return Int(total)
    }
}
