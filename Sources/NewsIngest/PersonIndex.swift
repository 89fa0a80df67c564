/// The people of one document, indexed so that each short form or spelling variant finds its person
/// in time independent of how many people the document names.
///
/// A linear scan over all people per mention made parsing quadratic in the number of names, which a
/// large name-heavy upload turns into a denial of service. Every lookup here is a dictionary probe
/// plus at most ``maximumVariantCandidates`` edit-distance checks.
struct PersonIndex {
    /// Shorter surnames have too many real near neighbours ("Conte", "Conti") to merge on one edit.
    static let minimumVariantLength = 6
    /// Longer "surnames" are run-on text, not names; skipping them keeps key generation cheap.
    static let maximumVariantLength = 40
    /// A spelling key shared by more people than this belongs to so common a surname that a
    /// transliteration merge would be a guess; it also bounds the work per lookup.
    static let maximumVariantCandidates = 32
    /// Names are at most this many words; longer suffixes are not indexed, which bounds the work per person.
    static let maximumIndexedSuffix = 6

    /// Where a key leads: one person, or several (then a short form is ambiguous and dropped).
    private enum Owner {
        case one(Int)
        case several

        mutating func add(_ index: Int) {
            if case .one(let existing) = self, existing != index { self = .several }
        }

        var unique: Int? {
            if case .one(let index) = self { return index }
            return nil
        }
    }

    /// Each person's fullest name, by index.
    private(set) var people: [[String]] = []
    /// Proper word suffixes of each person's name ("Hifter", from "Khalifa Hifter") → owner.
    private var suffixOwners: [ArraySlice<String>: Owner] = [:]
    /// Last word of each person's name → owner.
    private var surnameOwners: [String: Owner] = [:]
    /// Lower-cased surname and each one-letter deletion of it → people with that surname.
    private var variantKeys: [String: [Int]] = [:]

    /// Adds a person not yet known; returns its index.
    @discardableResult
    mutating func add(_ tokens: [String]) -> Int {
        let index = people.count
        people.append(tokens)
        for length in 1..<max(1, min(tokens.count, Self.maximumIndexedSuffix + 1)) {
            suffixOwners[tokens.suffix(length), default: .one(index)].add(index)
        }
        if let surname = tokens.last {
            surnameOwners[surname, default: .one(index)].add(index)
            if tokens.count >= 2, Self.allowsVariants(surname) {
                for key in Self.variantKeys(of: surname) {
                    // A doubled letter yields the same deletion twice ("Abbas" → "abas").
                    if variantKeys[key]?.last != index { variantKeys[key, default: []].append(index) }
                }
            }
        }
        return index
    }

    /// The only person whose longer name ends with `form` ("Conte" → "Giuseppe Conte").
    /// A sentence-initial particle is capitalised ("De la Torre" for "Juan Pablo de la Torre"), so that spelling is tried too.
    func uniqueLongerName(endingWith form: [String]) -> Int? {
        guard let first = form.first, form.count <= Self.maximumIndexedSuffix else { return nil }
        if let owner = suffixOwners[form[...]] { return owner.unique }
        guard let lowered = Self.loweredParticle(first) else { return nil }
        return suffixOwners[([lowered] + form.dropFirst())[...]]?.unique
    }

    /// The only person whose name ends with the word `surname`.
    func uniqueSurname(_ surname: String) -> Int? {
        if let owner = surnameOwners[surname] { return owner.unique }
        return Self.loweredParticle(surname).flatMap { surnameOwners[$0]?.unique }
    }

    /// "De" → "de", "El-Tayeb" → "el-Tayeb": the spelling inside a name of a particle capitalised at a sentence start.
    static func loweredParticle(_ word: String) -> String? {
        if let lowered = asciiLoweredParticle(word) { return lowered }
        let head = word.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard Tokenizer.namePrefixes.contains(head) || ["van", "von", "der", "la", "le"].contains(head),
              let first = word.first, first.isUppercase else { return nil }
        return first.lowercased() + word.dropFirst()
    }

    /// ``loweredParticle(_:)`` of an ASCII word that does not start with a hyphen, on its bytes
    /// (characters are bytes there); `.some(nil)` for no particle, nil for another word.
    private static func asciiLoweredParticle(_ word: String) -> String?? {
        let bytes = Array(word.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "-"), bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        // Only an uppercase first letter is lowered, so only such words can answer.
        guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return .some(nil) }
        let head = String(decoding: bytes.prefix { $0 != UInt8(ascii: "-") }.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 },
                          as: UTF8.self)
        guard Tokenizer.namePrefixes.contains(head) || ["van", "von", "der", "la", "le"].contains(head) else { return .some(nil) }
        return .some(String(decoding: [first | 0x20] + bytes.dropFirst(), as: UTF8.self))
    }

    /// The only person of whom `form` is a transliteration variant ("Hiftar" → "Khalifa Hifter"),
    /// provided no person already has `form`'s last word as surname.
    func uniqueVariant(of form: [String]) -> Int? {
        // No person has a surname long enough for variants: no key could find one.
        guard !variantKeys.isEmpty, let candidate = form.last, surnameOwners[candidate] == nil, Self.allowsVariants(candidate) else { return nil }
        var found: Int?
        for key in Self.variantKeys(of: candidate) {
            guard let bucket = variantKeys[key] else { continue }
            if bucket.count > Self.maximumVariantCandidates { return nil }
            // One person can sit under several keys of the candidate; it is still one match.
            for index in bucket where index != found && Self.isVariant(form, of: people[index]) {
                if found != nil { return nil }
                found = index
            }
        }
        return found
    }

    private static func allowsVariants(_ word: String) -> Bool {
        (minimumVariantLength...maximumVariantLength).contains(word.count)
    }

    /// The lower-cased word, every one-letter deletion of it, and its transliteration key. Two words one
    /// edit apart always share a key (equal, same deletion after a substitution, or the shorter is a
    /// deletion of the longer), as do two romanisations of one name, so the keys find every candidate;
    /// ``isVariant(_:of:)`` then confirms.
    static func variantKeys(of word: String) -> [String] {
        if let keys = asciiVariantKeys(of: word) { return keys }
        let lower = word.lowercased()
        var keys = [lower, "#" + Transliteration.key(lower)]
        keys.reserveCapacity(lower.count + 2)
        var skipped = lower.startIndex
        while skipped < lower.endIndex {
            let next = lower.index(after: skipped)
            keys.append(String(lower[..<skipped] + lower[next...]))
            skipped = next
        }
        return keys
    }

    /// ``variantKeys(of:)`` of an ASCII word, built from its bytes (characters are bytes there); nil
    /// for any other word.
    private static func asciiVariantKeys(of word: String) -> [String]? {
        var lower = Array(word.utf8)
        guard lower.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        for index in lower.indices where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(lower[index]) { lower[index] |= 0x20 }
        let lowered = String(decoding: lower, as: UTF8.self)
        var keys = [lowered, "#" + Transliteration.key(lowered)]
        keys.reserveCapacity(lower.count + 2)
        var deletion: [UInt8] = []
        deletion.reserveCapacity(lower.count)
        for skipped in lower.indices {
            deletion.removeAll(keepingCapacity: true)
            deletion.append(contentsOf: lower[..<skipped])
            deletion.append(contentsOf: lower[(skipped + 1)...])
            keys.append(String(decoding: deletion, as: UTF8.self))
        }
        return keys
    }

    /// `form` spells the end of `name` with the surname transliterated differently, and `name` has a given
    /// name so its last word is a surname. Either one edit apart with the same first letter and length
    /// within one (Hifter, Hiftar), or the same ``Transliteration/key(_:)`` and at most two edits apart
    /// (Gadhafi, Gaddafi, Qaddafi). Both need at least ``minimumVariantLength`` letters: shorter surnames
    /// have real neighbours (Conte, Conti).
    static func isVariant(_ form: [String], of name: [String]) -> Bool {
        guard name.count >= 2, form.count <= name.count, let surname = name.last, let candidate = form.last,
              candidate != surname, name.suffix(form.count).dropLast().elementsEqual(form.dropLast()),
              min(candidate.count, surname.count) >= minimumVariantLength else { return false }
        let lowerCandidate = candidate.lowercased()
        let lowerSurname = surname.lowercased()
        if abs(candidate.count - surname.count) <= 1, lowerCandidate.first == lowerSurname.first,
           editDistance(lowerCandidate, lowerSurname, limit: 1) <= 1 {
            return true
        }
        return Transliteration.key(lowerCandidate) == Transliteration.key(lowerSurname)
            && editDistance(lowerCandidate, lowerSurname, limit: 2) <= 2
    }
}
