/// Numbers and durations as `ingest` prints them: for people, independent of the locale, so that
/// output is the same on every machine and easy to grep.
enum Figures {
    /// `10000` → `"10,000"`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// Seconds with one decimal: `4.2 s`.
    static func seconds(_ duration: Duration) -> String {
        let tenths = Int((seconds(of: duration) * 10).rounded())
        return "\(count(tenths / 10)).\(tenths % 10) s"
    }

    /// An estimate of time left, to the second: `3s`, `2m05s`, `1h02m`.
    static func eta(seconds value: Double) -> String {
        let total = Int(value.rounded(.up))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
        return "\(total / 3600)h" + twoDigits(total / 60 % 60) + "m"
    }

    /// Items per second over `duration`, rounded; 0 for a duration of zero.
    static func rate(_ items: Int, per duration: Duration) -> Int {
        let elapsed = seconds(of: duration)
        return elapsed > 0 ? Int((Double(items) / elapsed).rounded()) : 0
    }

    static func seconds(of duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
