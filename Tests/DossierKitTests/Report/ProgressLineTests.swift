import Testing
@testable import DossierKit

/// The progress line: counts, rate, elapsed and remaining time, in both languages, within the width.
@Suite struct ProgressLineTests {
    @Test func listedFilesGiveAnExactTotal() {
        let p = PipelineProgress(done: 4096, known: 20000)
        #expect(ProgressLine.render(p, elapsed: 2, language: .en)
            == "checked 4096 of 20000 dossiers (20%) · 2048/s · elapsed 0:02 · about 0:08 left")
        #expect(ProgressLine.render(p, elapsed: 2, language: .zh)
            == "已检查 4096/20000 份案卷（20%） · 每秒 2048 份 · 已用 0:02 · 约剩 0:08")
    }

    @Test func jsonLinesTotalsAreEstimatedFromBytes() {
        // 1,000 records known after a quarter of the bytes: about 4,000 in all.
        let p = PipelineProgress(done: 500, known: 1000, bytesRead: 250, bytesTotal: 1000)
        let line = ProgressLine.render(p, elapsed: 10, language: .en)
        #expect(line.hasPrefix("checked 500 of ~4000 dossiers (12%) · 50/s · elapsed 0:10 · about 1:10 left"))
        // Read to the end: the total is exact again.
        let end = PipelineProgress(done: 4000, known: 4000, bytesRead: 1000, bytesTotal: 1000)
        #expect(ProgressLine.render(end, elapsed: 80, language: .en) == "checked 4000 of 4000 dossiers (100%) · 50/s · elapsed 1:20 · about 0:00 left")
    }

    @Test func theStartHasNoRateAndLongRunsShowHours() {
        let p = PipelineProgress(done: 0, known: 0)
        #expect(ProgressLine.render(p, elapsed: 0, language: .en) == "checked 0 of 0 dossiers (0%) · elapsed 0:00")
        #expect(ProgressLine.clock(3725) == "1:02:05")
        #expect(ProgressLine.clock(59.6) == "1:00")
    }

    @Test func aNarrowTerminalDropsTheLeastImportantParts() {
        let p = PipelineProgress(done: 4096, known: 20000)
        let line = ProgressLine.render(p, elapsed: 2, language: .zh, width: 40)
        #expect(ProgressLine.columns(line) <= 40)
        #expect(line.hasPrefix("已检查 4096/20000 份案卷（20%）"))
        #expect(!line.contains("约剩"))
        #expect(ProgressLine.columns(ProgressLine.render(p, elapsed: 2, language: .en, width: 10)) <= 10)
    }
}
