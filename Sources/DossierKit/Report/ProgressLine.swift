/// The one-line progress display of a long run, as a pure function of how far the run has got,
/// the time it has taken and the language; the CLI decides where and how often it is drawn.
///
/// Worked example: 4,096 of 20,000 dossiers after 2 s → `checked 4096 of 20000 dossiers (20%) ·
/// 2048/s · elapsed 0:02 · about 0:08 left` (zh: `已检查 4096/20000 份案卷（20%） · 每秒 2048 份 ·
/// 已用 0:02 · 约剩 0:08`). While a JSON Lines file is being read the total is not known yet: it is
/// estimated from the share of its bytes read and marked with `~`.
public enum ProgressLine {
    /// The line for `progress` after `elapsed` seconds, at most `width` terminal columns.
    public static func render(_ progress: PipelineProgress, elapsed: Double, language: Language, width: Int = 80) -> String {
        let done = max(0, progress.done)
        // The total: exact when only files were listed, estimated from bytes while reading JSON Lines.
        var total = max(progress.known, done)
        var estimated = false
        if progress.bytesTotal > 0 && progress.bytesRead < progress.bytesTotal {
            estimated = true
            if progress.bytesRead > 0 {
                let share = Double(progress.bytesRead) / Double(progress.bytesTotal)
                total = max(total, Int((Double(progress.known) / share).rounded()))
            }
        }
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let rate = elapsed > 0.05 ? Double(done) / elapsed : 0
        let remaining: Double? = rate > 0 && done > 0 && total >= done ? Double(total - done) / rate : nil
        let totalText = (estimated ? "~" : "") + "\(total)"
        let percent = "\(Int(fraction * 100))%"
        var parts: [String]
        switch language {
        case .zh:
            parts = ["已检查 \(done)/\(totalText) 份案卷（\(percent)）"]
            if rate > 0 { parts.append("每秒 \(Int(rate.rounded())) 份") }
            parts.append("已用 \(clock(elapsed))")
            if let remaining { parts.append("约剩 \(clock(remaining))") }
        case .en:
            parts = ["checked \(done) of \(totalText) dossiers (\(percent))"]
            if rate > 0 { parts.append("\(Int(rate.rounded()))/s") }
            parts.append("elapsed \(clock(elapsed))")
            if let remaining { parts.append("about \(clock(remaining)) left") }
        }
        // Drop the least important parts until the line fits the terminal (a wrapped line could
        // not be cleared with one carriage return).
        while parts.count > 1 && columns(parts.joined(separator: " · ")) > width { parts.removeLast() }
        var line = parts.joined(separator: " · ")
        while columns(line) > width, !line.isEmpty { line.removeLast() }
        return line
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    public static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }

    /// Terminal columns: CJK and full-width characters take two.
    public static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + SourceSnippet.displayWidth(of: $1) }
    }
}
