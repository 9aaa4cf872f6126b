import Foundation
import Testing

/// The HTML report of `Samples/` as a real browser renders it: headless Chromium parses
/// `Reports/score.html` and dumps the DOM, which must hold the score table, the charts and a
/// timeline per dossier section. Without a browser on `PATH` the test is skipped and says so
/// (`.ci/run` installs Debian's `chromium`).
@Suite struct HTMLBrowserTests {
    /// `chromium` or `chromium-browser` on `PATH`, or `nil`.
    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Runs the browser on `file` and returns the rendered DOM.
    static func dumpDOM(_ browser: String, _ file: URL) throws -> (status: Int32, dom: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        // A private profile folder, so the test neither reads nor writes the user's.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--dump-dom", file.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A browser that hangs is stopped after two minutes; the test then fails on its status.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }
        // Read both pipes while the browser runs, so a full pipe cannot stall it.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { Thread.sleep(forTimeInterval: 0.01) }
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.value, as: UTF8.self))
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test(.enabled(if: browser != nil, "no chromium or chromium-browser on PATH: the HTML report was not checked in a browser (.ci/run installs Debian's chromium)"),
          arguments: ["Reports/score.html", "Reports/score.zh.html"])
    func reportRendersInHeadlessChromium(_ report: String) throws {
        let browser = try #require(Self.browser)
        let file = Binary.root.appendingPathComponent(report)
        let source = try String(contentsOf: file, encoding: .utf8)
        let run = try Self.dumpDOM(browser, file)
        #expect(run.status == 0, "chromium exited \(run.status): \(run.stderr.suffix(2000))")
        let dom = run.dom
        // The browser parsed the whole page: the closing footer is there, and nothing was added or lost.
        #expect(dom.contains("<footer class=\"colophon\">"), "no footer in the rendered DOM; stderr: \(run.stderr.suffix(2000))")
        #expect(!dom.contains("<parsererror"))
        // The overview: counts, both charts with their bars, the most frequent deductions.
        #expect(dom.contains("<table class=\"counts\">"))
        #expect(Self.count("<svg class=\"grade-chart\"", in: dom) == 1)
        #expect(Self.count("<g class=\"bar\">", in: dom) == 4)
        #expect(Self.count("<svg class=\"histogram\"", in: dom) == 1)
        #expect(Self.count("<g class=\"bucket\">", in: dom) == 10)
        #expect(dom.contains("<table class=\"top-deductions\">"))
        // The dossier table: a row per dossier of the samples.
        let sections = Self.count("<section class=\"dossier\"", in: dom)
        #expect(sections > 30)
        #expect(sections == Self.count("<section class=\"dossier\"", in: source))
        #expect(Self.count("<tr><td class=\"num\">", in: dom) == sections)
        // Each section: a score sheet and a timeline, every event of the source drawn.
        #expect(Self.count("<table class=\"score-sheet\">", in: dom) == sections)
        #expect(Self.count("<svg class=\"timeline\"", in: dom) == sections)
        #expect(Self.count("<g class=\"event ", in: dom) == Self.count("<g class=\"event ", in: source))
        #expect(Self.count("<g class=\"event ", in: dom) > sections * 5)
        #expect(dom.contains("deadline missed"))
        // No script ran and none was there to run.
        #expect(!dom.contains("<script"))
    }
}

/// Bytes handed from a reader thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false

    func set(_ d: Data) {
        lock.lock()
        data = d
        finished = true
        lock.unlock()
    }

    var done: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }

}

extension HTMLBrowserTests {
    /// The assessment page (`dossier assess … --format html`) renders too: every chart and table
    /// row of the source is in the browser's DOM, with the ranking, the grade distribution, the
    /// trend and the indicator bars.
    @Test(.enabled(if: HTMLBrowserTests.browser != nil, "no chromium or chromium-browser on PATH: the assessment page was not checked in a browser (.ci/run installs Debian's chromium)"),
          arguments: ["Reports/assess.html"])
    func assessmentRendersInHeadlessChromium(_ report: String) throws {
        let browser = try #require(HTMLBrowserTests.browser)
        let file = Binary.root.appendingPathComponent(report)
        let source = try String(contentsOf: file, encoding: .utf8)
        let run = try HTMLBrowserTests.dumpDOM(browser, file)
        #expect(run.status == 0, "chromium exited \(run.status): \(run.stderr.suffix(2000))")
        let dom = run.dom
        #expect(HTMLBrowserTests.count("<svg", in: source) >= 3)
        #expect(HTMLBrowserTests.count("<svg", in: dom) == HTMLBrowserTests.count("<svg", in: source))
        #expect(HTMLBrowserTests.count("<tr", in: dom) == HTMLBrowserTests.count("<tr", in: source))
        for heading in ["Ranking", "Grade distribution", "Scores by period", "Indicators by group"] {
            #expect(dom.contains("<h2>\(heading)"), "the page lacks \(heading)")
        }
        #expect(dom.contains("aria-label=\"grade distribution\""))
        #expect(dom.contains("aria-label=\"trend\""))
    }
}
