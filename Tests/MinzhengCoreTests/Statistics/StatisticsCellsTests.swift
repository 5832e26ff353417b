import Testing

@testable import MinzhengCore

@Suite("Statistics cells: canonical order, digest, the year from its months, the view's table")
struct StatisticsCellsTests {
    let paid = "assistance.dibao.paid"
    let households = "assistance.dibao.recipients"

    @Test("the digest ignores order and zeros and changes with any value")
    func digest() {
        let a = [
            StatisticsCell(region: "320402001", figure: paid, value: 100),
            StatisticsCell(region: "320404001", figure: households, value: 2),
            StatisticsCell(region: "320402001", figure: households, value: 0),
        ]
        #expect(StatisticsCells.digest(a) == StatisticsCells.digest(a.reversed()))
        #expect(StatisticsCells.canonical(a).count == 2)
        #expect(StatisticsCells.digest(a).count == 64)
        var b = a
        b[0] = StatisticsCell(region: "320402001", figure: paid, value: 101)
        #expect(StatisticsCells.digest(a) != StatisticsCells.digest(b))
    }

    @Test("a year adds up the flows and keeps the stocks of its last month")
    func year() {
        let months = [
            [
                StatisticsCell(region: "320402001", figure: paid, value: 100),
                StatisticsCell(region: "320402001", figure: households, value: 3),
            ],
            [
                StatisticsCell(region: "320402001", figure: paid, value: 50),
                StatisticsCell(region: "320402001", figure: households, value: 2),
            ],
        ]
        let year = StatisticsCells.year(months)
        #expect(year.first { $0.figure == paid }?.value == 150)
        #expect(year.first { $0.figure == households }?.value == 2)
    }

    @Test("the table adds the cells up under the region and by column; every figure has a definition")
    func table() {
        let cells = [
            StatisticsCell(region: "320402001", figure: households, value: 3),
            StatisticsCell(region: "320402002", figure: households, value: 4),
            StatisticsCell(region: "320404001", figure: households, value: 5),
        ]
        let lines = StatisticsCells.table(cells, region: "320402", columns: ["320402001", "320402002"])
        let line = lines.first { $0.figure.key == households }!
        #expect(line.total == 7 && line.values == [3, 4])
        #expect(lines.count == StatisticsCatalogue.figures.count)
        #expect(StatisticsCatalogue.figures.allSatisfy { !$0.definition.isEmpty })
        #expect(Set(StatisticsCatalogue.figures.map(\.key)).count == StatisticsCatalogue.figures.count)
        #expect(StatisticsCells.within("320404", cells).map(\.value) == [5])
    }
}
