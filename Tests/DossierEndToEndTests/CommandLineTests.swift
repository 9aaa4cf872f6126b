import Foundation
import Testing

/// The command line as a structure: each command and action validates its own options and
/// arguments before running; usage, help and completion come from the same definitions.
@Suite struct CommandLineTests {
    /// Options named in `dossier <command> --help`'s option list.
    static func helpOptions(_ help: String) -> [String] {
        help.split(separator: "\n").filter { $0.hasPrefix("  --") }.map { String($0.dropFirst(2).split(separator: " ")[0]) }
    }

    @Test func sameKindOfErrorSameExitCode() throws {
        let show = try Binary.run(["rules", "show", "PUB-99"])
        #expect(show.status == 64)
        #expect(show.stderr.hasPrefix("Error: the pack has no rule PUB-99"))
        #expect(show.stderr.contains("Usage: dossier rules show <ID>"))
        let check = try Binary.run(["check", "Samples/", "--rules", "PUB-99"])
        #expect(check.status == 64)
        let mixed = try Binary.run(["rules", "show", "PUB-01", "--verbose", "--format", "ids"])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("--verbose does not apply to 'dossier rules show'"))
        let extra = try Binary.run(["rules", "list", "PUB-01"])
        #expect(extra.status == 64)
        let missing = try Binary.run(["calendar", "add", "2023-09-27", "7"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("'dossier calendar add' needs workdays|days"))
        let schema = try Binary.run(["schema", "dosier"])
        #expect(schema.status == 64)
        #expect(schema.stderr.contains("did you mean 'dossier'?"))
    }

    @Test func aValueNeverSwallowsAnOption() throws {
        let run = try Binary.run(["check", "Samples/", "--output", "--help"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --output needs a value (FILE)"))
        #expect(run.stdout.isEmpty)
        // A value that really starts with a dash is given with '='.
        let dash = try Binary.run(["calendar", "count", "2023-09-27", "2023-10-13", "--pack=Rules/jining-archives"])
        #expect(dash.stdout == "8\n")
        // A negative number is a value, which the option's own check refuses with its range.
        let negative = try Binary.run(["check", "Samples/", "--jobs", "-3"])
        #expect(negative.status == 64)
        #expect(negative.stderr.hasPrefix("Error: --jobs takes a whole number from 1 to 256, not '-3'"))
    }

    @Test func everyValueIsCheckedBeforeTheRunWhateverTheFormat() throws {
        // `--now` only reaches json, sarif and html reports, but a bad one is a usage error with text too.
        let run = try Binary.run(["check", "Samples/dossiers", "--now", "yesterday", "--lang", "zh"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("错误：--now 的值应为 UTC 时间 YYYY-MM-DDTHH:MM:SSZ，而不是“yesterday”"))
        #expect(run.stdout.isEmpty)
    }

    @Test func theUsageLineListsEveryOptionOfTheHelp() throws {
        for command in ["check", "score", "schema", "calendar", "rules", "completion"] {
            let help = try Binary.run([command, "--help"])
            #expect(help.status == 0)
            let usage = help.stdout.split(separator: "\n").filter { $0.contains("dossier \(command)") }.joined(separator: "\n")
            let options = Self.helpOptions(help.stdout).filter { $0 != "--help" }
            for o in options {
                #expect(usage.contains("[\(o)"), "\(command): usage lacks \(o)")
            }
        }
        let sub = try Binary.run(["rules", "test", "--help"])
        #expect(sub.stdout.contains("Usage: dossier rules test [--verbose] [--pack DIR]"))
        #expect(!sub.stdout.contains("--format"))
    }

    @Test func helpAndUsageErrorsInChinese() throws {
        let help = try Binary.run(["check", "--help"], lang: "zh_CN.UTF-8")
        #expect(help.stdout.hasPrefix("按规则包检查案卷并报告问题"))
        #expect(help.stdout.contains("用法：dossier check"))
        #expect(help.stdout.contains("  --officers FILE"))
        #expect(help.stdout.contains("执法人员资格清单"))
        let typo = try Binary.run(["check", "Samples/", "--fail-on", "erorr"], lang: "zh_CN.UTF-8")
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("错误：--fail-on 的值应为 error|warning|never，而不是“erorr”；是不是“error”？"))
        #expect(typo.stderr.contains("参见 'dossier check --help'。"))
        let english = try Binary.run(["check", "--help", "--lang", "en"], lang: "zh_CN.UTF-8")
        #expect(english.stdout.hasPrefix("check dossiers"))
    }

    @Test func completionScriptsNameEveryCommandAndOption() throws {
        let overview = try Binary.run(["--help"]).stdout
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2).split(separator: " ")[0]) }
        #expect(commands.contains("check") && commands.contains("completion"))
        var options: [String: [String]] = [:]
        for c in commands {
            let help = try Binary.run([c, "--help"]).stdout
            var all = Self.helpOptions(help)
            let actions = help.split(separator: "\n").drop { !$0.hasPrefix("Actions:") }.dropFirst()
                .prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2).split(separator: " ")[0]) }
            for a in actions { all += Self.helpOptions(try Binary.run([c, a, "--help"]).stdout) }
            options[c] = all + actions
        }
        for shell in ["bash", "zsh", "fish"] {
            let run = try Binary.run(["completion", shell])
            #expect(run.status == 0)
            for c in commands { #expect(run.stdout.contains(c), "\(shell) lacks \(c)") }
            for (c, names) in options {
                for n in Set(names) {
                    let word = shell == "fish" && n.hasPrefix("--") ? "-l \(n.dropFirst(2))" : n
                    #expect(run.stdout.contains(word), "\(shell) lacks \(c) \(n)")
                }
            }
        }
        // bash accepts its script.
        let bash = try Binary.runShell("\(Binary.path) completion bash | bash -n && echo ok")
        #expect(bash.stdout == "ok\n", "\(bash.stderr)")
    }
}

/// The zsh and fish scripts, read by the shells themselves. A shell that is not installed is said
/// so in the skip reason (`apt-get install zsh fish` enables them); bash is always there.
@Suite struct CompletionShellTests {
    /// The shell's executable on `PATH` (or in /bin, /usr/bin), `nil` when not installed.
    static func shell(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/bin", "/usr/bin", "/usr/local/bin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let scratch: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-completion-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir + "/functions", withIntermediateDirectories: true)
        return dir
    }()

    @Test(.enabled(if: shell("zsh") != nil, "zsh is not installed: the zsh completion script was not checked"))
    func zshReadsItsScriptSourcedOrAutoloaded() throws {
        let zsh = try #require(Self.shell("zsh"))
        let dir = Self.scratch
        for lang in ["C", "zh_CN.UTF-8"] {
            let script = try Binary.run(["completion", "zsh"], lang: lang).stdout
            try script.write(toFile: dir + "/functions/_dossier", atomically: true, encoding: .utf8)
            let syntax = try Binary.runShell("\(zsh) -n \(dir)/functions/_dossier && echo ok")
            #expect(syntax.stdout == "ok\n", "zsh -n (\(lang)): \(syntax.stderr)")
        }
        // `source <(dossier completion zsh)` after compinit registers the function, silently.
        let sourced = try Binary.runShell(
            "\(zsh) -f -c 'autoload -Uz compinit && compinit -u -d \(dir)/zcompdump1 && source \(dir)/functions/_dossier && print -r -- $_comps[dossier]'")
        #expect(sourced.stdout == "_dossier\n" && sourced.stderr.isEmpty, "\(sourced.stderr)")
        // Saved in a folder of $fpath, compinit finds it by its #compdef line.
        let autoloaded = try Binary.runShell(
            "\(zsh) -f -c 'fpath=(\(dir)/functions $fpath); autoload -Uz compinit && compinit -u -d \(dir)/zcompdump2 && print -r -- $_comps[dossier]'")
        #expect(autoloaded.stdout == "_dossier\n", "\(autoloaded.stderr)")
    }

    @Test(.enabled(if: shell("fish") != nil, "fish is not installed: the fish completion script was not checked"))
    func fishReadsItsScriptAndCompletes() throws {
        let fish = try #require(Self.shell("fish"))
        let dir = Self.scratch
        for lang in ["C", "zh_CN.UTF-8"] {
            let script = try Binary.run(["completion", "fish"], lang: lang).stdout
            try script.write(toFile: dir + "/dossier.\(lang).fish", atomically: true, encoding: .utf8)
            let syntax = try Binary.runShell("\(fish) -n \(dir)/dossier.\(lang).fish && echo ok")
            #expect(syntax.stdout == "ok\n", "fish -n (\(lang)): \(syntax.stderr)")
        }
        // fish answers completions without a terminal: commands, actions, options and their values.
        func complete(_ line: String, _ lang: String = "C") throws -> [String] {
            let run = try Binary.runShell("\(fish) --no-config -c 'source \(dir)/dossier.\(lang).fish; complete -C \"\(line)\"'")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            return run.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        }
        #expect(try complete("dossier ch") == ["check"])
        #expect(try complete("dossier rules ").contains("show"))
        #expect(try complete("dossier check --fail-on ") == ["error", "never", "warning"])
        #expect(try complete("dossier check --offi") == ["--officers"])
        let zh = try Binary.runShell("\(fish) --no-config -c 'source \(dir)/dossier.zh_CN.UTF-8.fish; complete -C \"dossier ch\"'")
        #expect(zh.stdout.hasPrefix("check\t按规则包检查"), "descriptions follow LANG: \(zh.stdout)")
    }
}

/// With `LANG=zh_CN.UTF-8` the errors the tool reports itself are Chinese too: JSON syntax,
/// files, the pack, the calendar, the configuration, the self-tests.
@Suite struct ChineseErrorTests {
    static let zh = "zh_CN.UTF-8"

    /// A scratch file holding `text`.
    static func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-zh-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonSyntaxErrors() throws {
        let run = try Binary.run(["check", "-", "--officers", "Samples/officers.json"], stdin: Data("{\"a\": 1,\n \"b\": }\n".utf8), lang: Self.zh)
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("-:2:7: 错误：意外的字符 '}'，应为一个 JSON 值\n"), "\(run.stdout)")
        let english = try Binary.run(["check", "-", "--officers", "Samples/officers.json"], stdin: Data("{\"a\": 1,\n \"b\": }\n".utf8))
        #expect(english.stdout.hasPrefix("-:2:7: error: unexpected character '}', expected a JSON value\n"))
        let duplicate = try Binary.run(["check", "-", "--officers", "Samples/officers.json"],
                                       stdin: Data("{\"format\": \"dossier/1\", \"format\": 1}".utf8), lang: Self.zh)
        #expect(duplicate.stdout.contains("错误：重复的键 \"format\"（第一次出现在第 1 行第 2 列）"), "\(duplicate.stdout)")
    }

    @Test func fileRegistryAndPackErrors() throws {
        let registry = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--officers", "nosuch.json"], lang: Self.zh)
        #expect(registry.stdout.contains("nosuch.json: 错误：执法人员资格清单：无法打开：没有这个文件或文件夹"), "\(registry.stdout)")
        let pack = try Binary.run(["check", "Samples/", "--pack", "/nonexistent-pack"], lang: Self.zh)
        #expect(pack.status == 2)
        #expect(pack.stderr == "/nonexistent-pack/pack.json: 错误：无法打开：没有这个文件或文件夹\n错误：规则包 /nonexistent-pack 有 1 个错误\n")
    }

    @Test func calendarConfigurationAndSelfTests() throws {
        let calendar = try Binary.run(["calendar", "add", "2040-01-01", "3", "workdays"], lang: Self.zh)
        #expect(calendar.status == 2)
        #expect(calendar.stderr.hasPrefix("错误：工作日历没有 2040 年的数据"), "\(calendar.stderr)")
        let config = try Self.file("config.json", "{\"format\": \"dossier-config/1\", \"maxWarnings\": -1, \"lang\": \"zh\"}")
        let bad = try Binary.run(["check", "Samples/", "--config", config], lang: Self.zh)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(":1:47: 错误：maxWarnings 应为 0 或更大的整数"), "\(bad.stderr)")
        #expect(bad.stderr.hasSuffix("错误：配置文件 \(config) 无效\n"))
        let printed = try Binary.run(["check", "Samples/", "--print-config", "--no-config"], lang: Self.zh)
        #expect(printed.stdout.contains("officers = 输入文件夹根目录下的 officers.json（默认）\n"), "\(printed.stdout)")
        #expect(printed.stdout.contains("rules = 全部（默认）\n"))
        let tests = try Binary.run(["rules", "test"], lang: Self.zh)
        #expect(tests.stdout.hasSuffix(" 个通过，0 个失败\n"), "\(tests.stdout)")
    }

    @Test func scoreSheetWords() throws {
        let run = try Binary.run(["score", "Samples/dossiers/05-no-legal-review-2019.json", "--officers", "Samples/officers.json"], lang: Self.zh)
        #expect(run.stdout.contains("  得分 0 · 不合格 · 否决项：REV-01（否决前 88 分）"), "\(run.stdout)")
        #expect(run.stdout.contains("  扣分项：\n"))
        #expect(run.stdout.contains("平均分 0，中位数 0；"))
        #expect(!run.stdout.contains("deductions") && !run.stdout.contains("score "))
    }
}

/// Summaries that say what was and was not checked; one error for one problem.
@Suite struct HonestSummaryTests {
    @Test func withoutARegistryNoDossierIsCalledClean() throws {
        let run = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("1 dossier: 0 clean, 0 with findings, 1 without findings but not fully checked"))
        #expect(run.stdout.contains("rules CERT-02, CERT-03, CERT-04, CERT-05 not checked (no officer registry)"))
        let zh = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json"], lang: "zh_CN.UTF-8")
        #expect(zh.stdout.contains("错误：没有执法人员资格清单"))
        #expect(zh.stdout.contains("共 1 份案卷：0 份未发现问题，0 份有问题，1 份未发现问题但未全部检查"))
        let json = try Binary.json(try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--format", "json"]).stdout)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["clean"] as? Int == 0)
        #expect(summary["unverified"] as? Int == 1)
        let notChecked = try #require(summary["rulesNotChecked"] as? [[String: Any]])
        #expect(notChecked.map { $0["rule"] as? String } == ["CERT-02", "CERT-03", "CERT-04", "CERT-05"])
        #expect(notChecked.allSatisfy { $0["reason"] as? String == "no-officer-registry" })
        #expect(notChecked.first?["message"] as? String == "not checked: no officer registry")
    }

    @Test func theJSONSummaryListsTheRulesLeftOutAndWhy() throws {
        // --rules leaves the other rules out; without a registry the certificate rule it kept
        // cannot run either. Both are listed, in pack order, in the report's language.
        let run = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--rules", "PUB-01,CERT-02",
                                  "--format", "json", "--lang", "zh"])
        let summary = try #require(try Binary.json(run.stdout)["summary"] as? [String: Any])
        let notChecked = try #require(summary["rulesNotChecked"] as? [[String: Any]])
        let reasons = Dictionary(uniqueKeysWithValues: notChecked.map { ($0["rule"] as! String, $0["reason"] as! String) })
        #expect(reasons["CERT-02"] == "no-officer-registry")
        #expect(reasons["PUB-01"] == nil)
        #expect(reasons["PUB-02"] == "not-selected" && reasons["REV-05"] == "not-selected")
        #expect(notChecked.count == 38, "every rule of the pack but PUB-01")
        #expect(notChecked.first?["rule"] as? String == "PUB-02", "pack order")
        #expect(notChecked.first?["message"] as? String == "本次未选用（--rules 或配置文件的 skip），未检查")
        // The text summary counts the rules left out by choice too, in either language.
        let args = ["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--rules", "PUB-01,CERT-02"]
        let zhText = try Binary.run(args + ["--lang", "zh"]).stdout
        #expect(zhText.contains("；规则 CERT-02 未检查（没有执法人员资格清单）；37 条规则未选用（--rules 或 skip）\n"), "\(zhText)")
        let enText = try Binary.run(args + ["--lang", "en"]).stdout
        #expect(enText.contains("; rules CERT-02 not checked (no officer registry); 37 rules not selected (--rules or skip)\n"), "\(enText)")
        // With a registry and every rule, nothing is left out.
        let full = try Binary.run(["check", "Samples/dossiers/01-torn-planning-pages-2017.json", "--officers", "Samples/officers.json",
                                   "--format", "json"])
        let fullSummary = try #require(try Binary.json(full.stdout)["summary"] as? [String: Any])
        #expect((fullSummary["rulesNotChecked"] as? [Any])?.isEmpty == true)
        #expect(fullSummary["unverified"] as? Int == 0)
    }

    @Test func aMissingInputIsOneError() throws {
        let run = try Binary.run(["check", "nosuch.json"])
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("nosuch.json: error: no such file or folder\n"))
        #expect(!run.stdout.contains("registry"))
        #expect(!run.stderr.contains("no dossier found"))
        let zh = try Binary.run(["check", "nosuch.json", "--format", "json"], lang: "zh_CN.UTF-8")
        #expect(zh.stderr == "nosuch.json: 错误：没有这个文件或文件夹\n")
    }
}
