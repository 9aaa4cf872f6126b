#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the tool knows about the terminal it talks to.
enum Terminal {
    /// Whether to colour text written to `fd`: `always` and `never` decide; `auto` (the default)
    /// colours only a terminal, and not when `NO_COLOR` is set (https://no-color.org) or `TERM` is `dumb`.
    static func color(_ when: String?, fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch when ?? "auto" {
        case "always": return true
        case "never": return false
        default:
            if !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb" { return false }
            return isatty(fd) == 1
        }
    }
}
