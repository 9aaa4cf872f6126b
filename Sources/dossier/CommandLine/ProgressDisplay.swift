#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierKit
import Foundation

/// Draws `ProgressLine` on standard error, in place, at most four times a second, and clears it
/// at the end. Writes to standard output that go to the same terminal first clear the line
/// (`beforeOutput`), so findings never land in the middle of it; it is drawn again on the next tick.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let language: Language
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private var latest = PipelineProgress(done: 0, known: 0)
    private var finished = false
    static let interval: UInt64 = 250_000_000

    init(language: Language) { self.language = language }

    /// Whether progress is shown: `--progress` forces it, `--quiet` turns it off, otherwise only
    /// when standard error is a terminal (never a pipe, a file or a CI log).
    static func wanted(forced: Bool, quiet: Bool, stderrIsTerminal: Bool = isatty(2) == 1) -> Bool {
        if forced { return true }
        return !quiet && stderrIsTerminal
    }

    /// Records `progress` (from any thread) and redraws when the last drawing is old enough.
    func update(_ progress: PipelineProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        if progress.done >= latest.done { latest = progress }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= ProgressDisplay.interval else { return }
        lastDraw = now
        let elapsed = Double(now - start) / 1e9
        let line = ProgressLine.render(latest, elapsed: elapsed, language: language, width: ProgressDisplay.columns() - 1)
        write("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line before something else is written to the terminal.
    func beforeOutput() {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
    }

    /// Clears the line for good.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
        finished = true
    }

    private func clearLocked() {
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    private func write(_ s: String) {
        let bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(2, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// The terminal's width on standard error (80 when unknown).
    static func columns() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 { return Int(size.ws_col) }
        return 80
    }
}
