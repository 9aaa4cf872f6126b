extension Messages {
    /// The catalogue's part for the command line: commands' summaries and discussions, options' help, the terminal's words.
    static let commandLine: [MessageID: LocalizedText] = [:]
}
