/// A one-line progress bar on a terminal's standard error, redrawn in place:
/// `[#####-----] 4,210/10,000 files  1,932 docs/s  ETA 3s`.
///
/// Redraws at most ten times a second, since each costs a write and the eye cannot follow more.
/// Lines printed meanwhile go above it: ``erase()`` first, then ``redraw()``.
struct ProgressBar {
    /// Files to process in all.
    let total: Int
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private var files = 0
    private var documents = 0
    private var isShown = false

    static let redrawInterval = Duration.milliseconds(100)
    /// Cells between the brackets when the terminal is wide enough.
    static let preferredWidth = 30

    init(total: Int, started: ContinuousClock.Instant) {
        self.total = total
        self.started = started
    }

    /// Records progress and redraws if the last drawing is old enough.
    ///
    /// - Parameters:
    ///   - files: Files done, whatever their outcome; drives the bar and the estimate.
    ///   - documents: Files that were news documents, for the rate.
    mutating func update(files: Int, documents: Int) {
        self.files = files
        self.documents = documents
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < Self.redrawInterval { return }
        draw(at: now)
    }

    /// Draws the bar again with what is known, if it was shown before ``erase()``.
    mutating func redraw() {
        if lastDrawn != nil { draw(at: ContinuousClock.now) }
    }

    /// Removes the bar from the screen, leaving the cursor at the start of its line.
    mutating func erase() {
        guard isShown else { return }
        Terminal.writeError("\r\u{1B}[K")
        isShown = false
    }

    private mutating func draw(at now: ContinuousClock.Instant) {
        lastDrawn = now
        let line = Self.render(files: files, total: total, documents: documents, elapsed: now - started,
                               columns: Terminal.errorColumns ?? 80)
        Terminal.writeError("\r" + line + "\u{1B}[K")
        isShown = true
    }

    /// The bar's text, fitted into `columns - 1` characters so the terminal never wraps it (a wrapped
    /// line could not be redrawn in place).
    static func render(files: Int, total: Int, documents: Int, elapsed: Duration, columns: Int) -> String {
        var figures = " \(Figures.count(files))/\(Figures.count(total)) files"
        let seconds = Figures.seconds(of: elapsed)
        // The first fraction of a second gives a rate too noisy to show.
        if seconds >= 0.2 && files > 0 {
            figures += "  \(Figures.count(Figures.rate(documents, per: elapsed))) docs/s"
            if files < total {
                figures += "  ETA " + Figures.eta(seconds: Double(total - files) * seconds / Double(files))
            }
        }
        let width = min(preferredWidth, max(0, columns - 1 - figures.count - 2))
        guard width >= 5 else { return String(figures.dropFirst().prefix(max(0, columns - 1))) }
        let filled = total > 0 ? min(width, width * files / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]" + figures
    }
}
