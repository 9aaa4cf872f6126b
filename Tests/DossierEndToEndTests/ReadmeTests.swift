import Foundation
import Testing

/// The README shows the tool as it is: its session is re-run, its option tables match `--help`.
@Suite struct ReadmeTests {
    static func readme() throws -> String {
        try String(contentsOf: Binary.root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// Every `$ command` of the session block, with the standard output shown under it.
    static func session(_ readme: String) throws -> [(command: String, output: String)] {
        let begin = try #require(readme.range(of: "<!-- session:begin -->"))
        let end = try #require(readme.range(of: "<!-- session:end -->"))
        let block = readme[begin.upperBound..<end.lowerBound]
        let fence = try #require(block.range(of: "```text\n"))
        let body = block[fence.upperBound...].components(separatedBy: "```")[0]
        var steps: [(String, String)] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("$ ") {
                steps.append((String(line.dropFirst(2)), ""))
            } else if !steps.isEmpty {
                steps[steps.count - 1].1 += line + "\n"
            }
        }
        return steps
    }

    @Test func theSessionIsWhatTheToolPrints() throws {
        let steps = try Self.session(Self.readme())
        #expect(steps.count >= 8)
        #expect(steps.contains { $0.command.contains("dossier score") })
        // One shell, so `echo $?` sees the command before it; `swift run dossier` is the built binary.
        var script = "s=0\n"
        for step in steps {
            let command = step.command.replacingOccurrences(of: "swift run dossier", with: "'\(Binary.path)'")
            script += "(exit $s); \(command)\ns=$?\nprintf '\\n@@step@@\\n'\n"
        }
        let run = try Binary.runShell(script)
        let outputs = run.stdout.components(separatedBy: "\n@@step@@\n")
        try #require(outputs.count == steps.count + 1, "\(run.stderr)")
        for (step, output) in zip(steps, outputs) {
            #expect(output == step.output, "README session: '$ \(step.command)' prints\n\(output)")
        }
    }

    /// The rows of the README table after `heading`: the options each row names.
    static func tableOptions(_ readme: String, after heading: String) throws -> Set<String> {
        let start = try #require(readme.range(of: heading))
        var options = Set<String>()
        var inTable = false
        for line in readme[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                inTable = true
                let first = line.split(separator: "|").first ?? ""
                for part in first.split(separator: "`") where part.hasPrefix("--") {
                    options.insert(String(part.split(separator: " ")[0]))
                }
            } else if inTable {
                break
            }
        }
        return options
    }

    @Test func theOptionTableMatchesTheHelp() throws {
        let table = try Self.tableOptions(Self.readme(), after: "`dossier check` and `dossier score` options:")
        let help = try Binary.run(["check", "--help"]).stdout
        let options = Set(CommandLineTests.helpOptions(help)).subtracting(["--help"])
        #expect(table.subtracting(options).isEmpty, "README names options check lacks: \(table.subtracting(options).sorted())")
        #expect(options.subtracting(table).isEmpty, "README lacks options of check: \(options.subtracting(table).sorted())")
    }

    @Test func theCommandTableNamesEveryCommand() throws {
        let readme = try Self.readme()
        let overview = try Binary.run(["--help"]).stdout
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2).split(separator: " ")[0]) }
        for c in commands { #expect(readme.contains("| `dossier \(c)"), "README's command table lacks \(c)") }
    }
}
