#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard error as a place to draw on: whether it is a terminal, and how wide.
enum Terminal {
    /// Whether standard output goes to a terminal rather than a file or a pipe.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error goes to a terminal, where a progress bar can be redrawn in place.
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on standard error, or nil when unknown (not a terminal, or no size set).
    static var errorColumns: Int? {
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), $0) }
        return result == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    /// Writes `text` to standard error at once, without a newline.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
