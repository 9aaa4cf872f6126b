extension Messages {
    /// The catalogue's part for report formats: headings, labels and columns of the Markdown, CSV, SARIF, JUnit, GitHub, HTML and text reports; the evaluation sheet; rule docs.
    static let reports: [MessageID: LocalizedText] = [:]
}
