import MinzhengCore
import Testing

@Suite("List counts and name pairs")
struct ListCountTests {
    @Test("a count held to the cap says 10 000+ past it, and a page read makes it exact at the end")
    func capped() {
        #expect(ListCount(counted: 10_000) == ListCount(value: 10_000, exact: true))
        let over = ListCount(counted: 10_001)
        #expect(over == ListCount(value: 10_000, exact: false) && over.label == "10 000+")
        #expect(ListCount(counted: 1_234).label == "1 234" && ListCount(counted: 7).label == "7")
        #expect(over.pageCount(perPage: 20) == 500 && over.pageLabel(perPage: 20) == "500+")
        #expect(over.refined(offset: 40_000, onPage: 20, more: true) == ListCount(value: 40_020, exact: false))
        #expect(over.refined(offset: 40_000, onPage: 7, more: false) == ListCount(value: 40_007, exact: true))
        #expect(ListCount(counted: 30).refined(offset: 0, onPage: 20, more: true) == ListCount(counted: 30))
        #expect(ListCount(value: 0, exact: true).pageCount(perPage: 20) == 1)
    }

    @Test("a name's pairs are its neighbouring characters, each once; a query is looked up by its first")
    func pairs() {
        #expect(NameGrams.pairs("王秀英") == ["王秀", "秀英"])
        #expect(NameGrams.pairs("欧阳娜娜娜") == ["欧阳", "阳娜", "娜娜"])
        #expect(NameGrams.pairs("阿依古丽·买买提").count == 7)
        #expect(NameGrams.pairs("王").isEmpty && NameGrams.lookupKey("秀") == nil)
        #expect(NameGrams.lookupKey("秀英") == "秀英" && NameGrams.lookupKey("王秀英") == "王秀")
    }
}
