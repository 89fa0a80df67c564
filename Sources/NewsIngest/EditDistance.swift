/// Levenshtein distance between two short words, giving up once it exceeds `limit`.
///
/// Used only to gate transliteration variants of surnames ("Hiftar"/"Hifter"), so the inputs are a few letters long.
func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
    let a = Array(lhs.lowercased())
    let b = Array(rhs.lowercased())
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        current[0] = i
        var rowMinimum = current[0]
        for j in 1...max(b.count, 1) where !b.isEmpty {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
}
