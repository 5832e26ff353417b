import Testing
@testable import MinzhengCore
@testable import MinzhengDemo

private let today = CivilDate(year: 2024, month: 6, day: 1)!

/// One sample shared by the statistical tests: generating it is the slow part.
private let sample = Array(SyntheticHouseholds(seed: 20_240_601, today: today).prefix(20_000))
private let persons = sample.flatMap(\.members)

private func share(_ predicate: (SyntheticPerson) -> Bool) -> Double {
    Double(persons.count(where: predicate)) / Double(persons.count)
}

@Suite("SyntheticHouseholds")
struct SyntheticHouseholdsTests {
    @Test("the same seed gives the same households, another seed others")
    func determinism() {
        let a = Array(SyntheticHouseholds(seed: 42, today: today).prefix(2_000))
        let b = Array(SyntheticHouseholds(seed: 42, today: today).prefix(2_000))
        let c = Array(SyntheticHouseholds(seed: 43, today: today).prefix(2_000))
        #expect(a == b)
        #expect(a != c)
        #expect(zip(a, c).count { $0.address == $1.address } < 20)
    }

    @Test("each household has one head, listed first, and one to six members")
    func oneHead() {
        for household in sample {
            #expect((1...6).contains(household.members.count))
            #expect(household.members.count { $0.relation == .head } == 1)
            #expect(household.head.relation == .head)
            #expect(household.members.count { $0.relation == .spouse } <= 1)
        }
        let perHousehold = Double(persons.count) / Double(sample.count)
        #expect((2.2...2.9).contains(perHousehold), "\(perHousehold) persons per household")
    }

    @Test("every ID number is valid and agrees with birth date and sex")
    func validIDs() throws {
        for person in persons {
            let id = try ResidentID(person.residentID.value, today: today)
            #expect(id == person.residentID)
            #expect(id.birthDate == person.birthDate)
            #expect(id.sex == person.sex)
            #expect(person.birthDate <= today)
        }
    }

    @Test("ID numbers are unique over 200 000 persons")
    func uniqueIDs() {
        var seen = Set<String>()
        var count = 0
        for household in SyntheticHouseholds(seed: 7, today: today) {
            for person in household.members { seen.insert(person.residentID.value) }
            count += household.members.count
            if count >= 200_000 { break }
        }
        #expect(seen.count == count)
    }

    @Test("address codes: Changzhou's own, old ones for older people, home counties of in-migrants")
    func addressCodes() {
        let changzhouCodes = Set(IDAddressCodes.changzhou)
        var outside = 0
        for household in sample {
            let district = household.street.parent!.value
            for person in household.members {
                let code = person.residentID.addressCode
                if code.hasPrefix("3204") {
                    #expect(changzhouCodes.contains(code), "\(code)")
                    // Former codes are carried only by numbers issued before the change.
                    if code == "320482" { #expect(district == "320413" && person.birthDate.year < 2015) }
                    if code == "320405" { #expect(district == "320412" && person.birthDate.year < 2015) }
                    if code == "320421" { #expect(person.birthDate.year < 1995) }
                    if person.birthDate.year >= 2015 { #expect(code == district, "\(code) in \(district)") }
                } else {
                    outside += 1
                    #expect(RegionTable.shipped.contains(RegionCode(code)!), "\(code)")
                }
            }
        }
        let outsideShare = Double(outside) / Double(persons.count)
        #expect((0.05...0.15).contains(outsideShare), "\(outsideShare)")
        for old in ["320405", "320482", "320421", "320483"] {
            #expect(persons.contains { $0.residentID.addressCode == old }, "\(old)")
        }
    }

    @Test("all 67 streets are used, each community lies in its street")
    func streetsAndCommunities() {
        let streets = Set(sample.map(\.street))
        #expect(streets == Set(RegionTable.shipped.streets(under: RegionTable.changzhou)))
        for household in sample {
            #expect(household.community.level == .community)
            #expect(household.community.parent == household.street)
            let number = Int(household.community.value.suffix(3))!
            #expect((1...99).contains(number))
        }
        let busiest = Dictionary(grouping: sample, by: \.street).values.map(\.count).max()!
        #expect(busiest < sample.count / 20)
    }

    @Test("addresses start with the city, district and street")
    func addresses() {
        let table = RegionTable.shipped
        for household in sample {
            let prefix = "常州市" + table.name(of: household.street.parent!)! + table.name(of: household.street)!
            #expect(household.address.hasPrefix(prefix))
            #expect(household.address.hasSuffix("室") || household.address.hasSuffix("号"))
            #expect(household.address.count > prefix.count + 4)
        }
    }

    @Test("an ageing population: about a fifth aged 60 or more, some over 80 and 90")
    func ages() {
        let ages = persons.map { $0.birthDate.age(on: today) }
        let sixtyPlus = Double(ages.count { $0 >= 60 }) / Double(ages.count)
        let eightyPlus = Double(ages.count { $0 >= 80 }) / Double(ages.count)
        let ninetyPlus = Double(ages.count { $0 >= 90 }) / Double(ages.count)
        let minors = Double(ages.count { $0 < 18 }) / Double(ages.count)
        #expect((0.15...0.30).contains(sixtyPlus), "60+: \(sixtyPlus)")
        #expect((0.02...0.07).contains(eightyPlus), "80+: \(eightyPlus)")
        #expect((0.002...0.015).contains(ninetyPlus), "90+: \(ninetyPlus)")
        #expect((0.10...0.25).contains(minors), "minors: \(minors)")
        #expect(ages.allSatisfy { (0...105).contains($0) })
    }

    @Test("relations fit the ages")
    func relationsFitAges() {
        for household in sample {
            let head = household.head, headAge = head.birthDate.age(on: today)
            #expect(headAge >= 18)
            for member in household.members {
                let age = member.birthDate.age(on: today)
                switch member.relation {
                case .spouse:
                    #expect(age >= 18)
                    #expect(member.sex != head.sex)
                case .child: #expect(headAge - age >= 15, "child \(age) of \(headAge)")
                case .parent: #expect(age - headAge >= 15, "parent \(age) of \(headAge)")
                case .grandchild: #expect(headAge - age >= 30, "grandchild \(age) of \(headAge)")
                default: break
                }
            }
        }
    }

    @Test("names: a common surname and one or two given characters; children carry the father's")
    func names() {
        for person in persons {
            #expect((2...3).contains(person.name.count), "\(person.name)")
            #expect(person.name.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) })
        }
        var children = 0, withHeadsSurname = 0
        for household in sample where household.head.sex == .male {
            for child in household.members where child.relation == .child {
                children += 1
                if child.name.first == household.head.name.first { withHeadsSurname += 1 }
            }
        }
        #expect(Double(withHeadsSurname) / Double(children) > 0.85)
        let surnames = Dictionary(grouping: persons, by: { $0.name.first! }).mapValues(\.count)
        let top = surnames.sorted { $0.value > $1.value }.prefix(5).map(\.key)
        #expect(Set(top).isSubset(of: Set("王李张陈刘杨徐周吴")), "\(top)")
    }

    @Test("mobile numbers: 11 digits from 13x to 19x; children share the head's")
    func phones() {
        for household in sample {
            for person in household.members {
                let digits = Array(person.phone.utf8)
                #expect(digits.count == 11 && digits.allSatisfy { (48...57).contains($0) })
                #expect(digits[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1]))
                if person.birthDate.age(on: today) < 16 { #expect(person.phone == household.head.phone) }
            }
        }
    }

    @Test("hukou is more rural in Liyang and Jintan than in the city districts")
    func hukou() {
        func ruralShare(_ districts: Set<String>) -> Double {
            let members = sample.filter { districts.contains($0.street.parent!.value) }.flatMap(\.members)
            return Double(members.count { $0.hukou == .rural }) / Double(members.count)
        }
        let countySide = ruralShare(["320413", "320481"]), city = ruralShare(["320402", "320404"])
        #expect(countySide > city + 0.2, "\(countySide) vs \(city)")
    }

    @Test("about 6% disabled, with grade and kind together; care and labour fit age and disability")
    func health() {
        let disabled = share { $0.disabilityGrade != nil }
        #expect((0.04...0.08).contains(disabled), "\(disabled)")
        for person in persons {
            #expect((person.disabilityGrade == nil) == (person.disabilityKind == nil))
            if let grade = person.disabilityGrade { #expect((1...4).contains(grade)) }
            let age = person.birthDate.age(on: today)
            if age < 16 { #expect(person.laborCapacity == .none) }
            if person.selfCare == .none { #expect(person.laborCapacity == .none) }
            if let grade = person.disabilityGrade, grade <= 2 { #expect(person.laborCapacity == .none) }
            if person.disabilityGrade == nil && age < 70 { #expect(person.selfCare == .full) }
        }
        let severe = persons.filter { $0.disabilityGrade == 1 }
        #expect(Double(severe.count { $0.selfCare != .full }) / Double(severe.count) > 0.6)
        let nonagenarians = persons.filter { $0.birthDate.age(on: today) >= 90 }
        #expect(Double(nonagenarians.count { $0.selfCare != .full }) / Double(nonagenarians.count) > 0.4)
    }
}
