import DossierKit

/// `dossier calendar`: working-day arithmetic with the pack's holiday calendar.
enum CalendarCommand: Command {
    static let spec = CommandSpec(
        name: "calendar", summary: .commandCalendarSummary,
        options: [.pack],
        subcommands: [
            CommandSpec(name: "calendar add", summary: .commandCalendarAddSummary,
                        arguments: [ArgumentSpec(name: "<date>"), ArgumentSpec(name: "<n>"), ArgumentSpec(name: "workdays|days")]),
            CommandSpec(name: "calendar count", summary: .commandCalendarCountSummary,
                        arguments: [ArgumentSpec(name: "<from>"), ArgumentSpec(name: "<to>")]),
        ],
        discussion: .commandCalendarDiscussion)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        let p = arguments.operands
        let command = "calendar " + (arguments.subcommand ?? "")
        func day(_ text: String) throws(UsageError) -> Day {
            guard let d = Day(text) else { throw UsageError(Message(.expectedDateArgument, text), command: command) }
            return d
        }
        let result: Result<String, CalendarError>
        if arguments.subcommand == "add" {
            let start = try day(p[0])
            guard let n = Int(p[1]), n >= 0, n <= 100_000 else { throw UsageError(Message(.expectedDayCount, p[1]), command: command) }
            guard p[2] == "workdays" || p[2] == "days" else {
                throw UsageError(Message(.dayUnit, arguments: [.text(p[2]), Messages.hint(for: p[2], among: ["workdays", "days"])]), command: command)
            }
            guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
            do {
                result = .success("\(p[2] == "workdays" ? try pack.calendar.addingWorkingDays(n, to: start) : try pack.calendar.addingCalendarDays(n, to: start))")
            } catch {
                result = .failure(error)
            }
        } else {
            let from = try day(p[0]), to = try day(p[1])
            guard let pack = Dispatcher.loadPack(arguments, console: console) else { return 2 }
            do {
                result = .success("\(try pack.calendar.workingDays(after: from, through: to))")
            } catch {
                result = .failure(error)
            }
        }
        switch result {
        case .success(let text):
            console.print(text + "\n")
            return 0
        case .failure(let error):
            console.fail(error.text)
            return 2
        }
    }
}
