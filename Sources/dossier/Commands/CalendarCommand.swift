import DossierKit

/// `dossier calendar`: working-day arithmetic with the pack's holiday calendar.
enum CalendarCommand: Command {
    static let spec = CommandSpec(
        name: "calendar",
        summary: "add working or calendar days to a date, or count working days",
        usage: "calendar add <date> <n> workdays|days | calendar count <from> <to> [--pack DIR]",
        options: [OptionSpec(name: "pack", value: "DIR", help: "rule pack whose calendar to use")],
        discussion: """
            add: the n-th working day after <date> (the period starts the day after), or <date> + n calendar days,
            moved to the next working day when that day is not one. count: the working days after <from> up to and
            including <to>. Dates are YYYY-MM-DD; the answer is printed alone on standard output.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        let p = arguments.positionals
        guard let verb = p.first else {
            throw UsageError(message: "name an action: add or count", command: "calendar")
        }
        func day(_ text: String) throws(UsageError) -> Day {
            guard let d = Day(text) else {
                throw UsageError(message: "expected a date (YYYY-MM-DD), not '\(text)'", command: "calendar")
            }
            return d
        }
        switch verb {
        case "add":
            guard p.count == 4 else {
                throw UsageError(message: "add takes <date> <n> workdays|days", command: "calendar")
            }
            let start = try day(p[1])
            guard let n = Int(p[2]), n >= 0, n <= 100_000 else {
                throw UsageError(message: "expected a whole number of days from 0 to 100000, not '\(p[2])'", command: "calendar")
            }
            guard p[3] == "workdays" || p[3] == "days" else {
                throw UsageError(message: "the unit is workdays or days, not '\(p[3])'\(NearMiss.hint(for: p[3], among: ["workdays", "days"]))", command: "calendar")
            }
            guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
            do {
                let result = p[3] == "workdays"
                    ? try pack.calendar.addingWorkingDays(n, to: start)
                    : try pack.calendar.addingCalendarDays(n, to: start)
                console.print("\(result)\n")
                return 0
            } catch {
                console.error("error: \(error.message)\n")
                return 2
            }
        case "count":
            guard p.count == 3 else {
                throw UsageError(message: "count takes <from> <to>", command: "calendar")
            }
            let from = try day(p[1]), to = try day(p[2])
            guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
            do {
                console.print("\(try pack.calendar.workingDays(after: from, through: to))\n")
                return 0
            } catch {
                console.error("error: \(error.message)\n")
                return 2
            }
        default:
            throw UsageError(message: "unknown action '\(verb)'\(NearMiss.hint(for: verb, among: ["add", "count"]))", command: "calendar")
        }
    }
}
