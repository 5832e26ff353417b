#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target (Fuzz/Corpus/<target>/) from the inputs the tests use.

Run again after changing it; the files are committed (a few KB). Sources, per target:
  id-number   Tests/MinzhengCoreTests/ResidentIDTests.swift, CreditCodeTests.swift
  region      Tests/MinzhengCoreTests/RegionCodeTests.swift, AppTests/RegionChoiceTests.swift
  csv         Tests/AppTests/ImportTests.swift (the household file, in UTF-8, UTF-8 with BOM and GB18030)
  assessment  ../shared/policy-examples/*.json requests, Tests/MinzhengCoreTests/Policy/AssessmentRequestDecodingTests.swift
  feed-rows   Tests/MinzhengCoreTests/Monitoring/MonitoringFixtures.swift (one valid row per kind, JSON and CSV)
  upload      Tests/MinzhengCoreTests/Applications/DocumentRulesTests.swift (MagicBytes)
"""
import hashlib, json, os, pathlib, shutil, sys

ROOT = pathlib.Path(__file__).resolve().parent
CORPUS = ROOT / "Corpus"

def write(target, items):
    folder = CORPUS / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for data in items:
        if isinstance(data, str):
            data = data.encode("utf-8")
        (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)

def check(body17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body17 + "10X98765432"[sum(int(c) * w for c, w in zip(body17, weights)) % 11]

PERSON = check("32040219800102123")

# --- id-number ---------------------------------------------------------------------------
write("id-number", [
    "11010519491231002X", "11010519491231002x", "130503196704010016", "320405195003150022",
    "130503670401001", "320405500315002", "1101051949123100XX", "010105194912310020",
    "100105194912310020", "11010519491231002", "130503670230001", "１１０１０５１９４９１２３１００２Ｘ",
    PERSON, check("32040220240616001"),
    "91320402MA1XXXXX0X", "  91110108MA01A0QD9Y ", "51320400MJ5566777Q",
])

# --- region --------------------------------------------------------------------------------
write("region", [
    "32", "3204", "320402", "320402001", "320402001001", "3204.2", "32 4", "-32", "",
    "新北区", "三井街道", "湖塘", "城东街道", "  天宁区  ", "常州",
    "320402001\n007", "320402001\n320402001007", "三井街道\n001", "湖塘\n320412101001", "\n001",
])

# --- csv -----------------------------------------------------------------------------------
household = (
    "姓名,身份证号,户编号,与户主关系,所属区划,地址,联系电话,户籍性质\r\n"
    f"张建国,{PERSON},A,本人,320402001001,\"常州市天宁区雕庄街道1号, 1幢\",13912345678,城镇\r\n"
    "李秀英,32040219820304152x,A,spouse,320402001001,\"常州市天宁区雕庄街道1号, 1幢\",,urban\r\n"
    "王强,320402197001014517,B,户主,320402001,\"说\"\"明\"\"\n第二行\",,农村\r\n"
    "\r\n"
    "赵六,32040219800101501,C,配偶,320402001,常州市天宁区雕庄街道3号,,\n"
)
write("csv", [
    b"\x00" + household.encode("utf-8"),
    b"\x07" + b"\xef\xbb\xbf" + household.encode("utf-8"),
    b"\x02" + household.encode("gb18030"),
    b"\x0f" + "a,b,c\n1,\"2,3\",4\n\"\",,\n".encode(),
    b"\x03" + "sourceRecordId,idNumber,status\nR-1,x,吊销\n".encode("gb18030"),
    b"\x01" + b"\"open quote\n",
])

# --- assessment ----------------------------------------------------------------------------
examples = pathlib.Path(os.environ.get("POLICY_EXAMPLES", ROOT.parent.parent / "shared" / "policy-examples"))
if not examples.is_dir():
    examples = pathlib.Path("/work/shared/policy-examples")
requests = [json.dumps(json.load(open(p))["request"], ensure_ascii=False, separators=(",", ":"))
            for p in sorted(examples.glob("*.json"))]
adult = '{"birthDate": "1975-05-01", "sex": "male"}'
body = lambda members=f"[{adult}]", extra="": f'{{"region": "320402", "month": "2021-06", "members": {members}{extra}}}'
member = lambda fields: body(members=f'[{{"birthDate": "1975-05-01", "sex": "male", {fields}}}]')
write("assessment", requests + [
    body(), body(extra=', "foo": 1'), member('"disabilityGrade": 2, "disabilityKind": "visual", "selfCare": "none"'),
    member('"incomes": [{"kind": "wage", "monthlyFen": 1000000000001}]'),
    member('"careSetting": "institution", "childCategory": "orphan", "orphan": true, "hukou": "rural"'),
    body(extra=', "assets": {"financialFen": 5000000, "vehicles": 1, "residentialProperties": 2, "ownsBusiness": true}'),
    body(extra=', "annualRigidExpensesFen": {"medical": 100, "education": 2, "rehabilitation": 3, "disaster": 4}'),
    body(members="[]"), '\ufeff' + body(), '{"region": "3204\\u0030\\ud83d\\ude00", "month": "2021-06", "members": []}',
    '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]', '{"a":1e999,"b":-0.0e-5,"c":"\\n"}',
])

# --- feed-rows -----------------------------------------------------------------------------
kinds = ["death", "medicalExpense", "unemployment", "pension", "disability", "vehicle",
         "realEstate", "business", "school", "custody", "hukouMove"]
common = [("sourceRecordId", "R-0001"), ("idNumber", PERSON)]
rows = {
    "death": [("deathDate", "2024-06-10")],
    "medicalExpense": [("admissionDate", "2024-05-01"), ("dischargeDate", "2024-05-20"), ("totalFen", "3500000"),
                       ("outOfPocketFen", "1200000"), ("seriousIllness", "true")],
    "unemployment": [("registeredDate", "2024-06-01"), ("status", "registered")],
    "pension": [("monthlyFen", "185000"), ("fromMonth", "2024-07")],
    "disability": [("grade", "2"), ("kind", "physical"), ("certifiedDate", "2024-06-03")],
    "vehicle": [("registeredDate", "2024-04-18"), ("valueFen", "8900000")],
    "realEstate": [("properties", "2"), ("areaM2", "85.5")],
    "business": [("registeredDate", "2024-03-02"), ("capitalFen", "10000000"), ("status", "active")],
    "school": [("level", "high"), ("enrolledDate", "2024-09-01")],
    "custody": [("startDate", "2024-05-05"), ("endDate", "2025-05-04")],
    "hukouMove": [("movedOutDate", "2024-06-01"), ("toRegion", "320505")],
}
numeric = {"totalFen", "outOfPocketFen", "monthlyFen", "grade", "valueFen", "properties", "capitalFen", "areaM2"}
feeds = []
for i, kind in enumerate(kinds):
    pairs = common + rows[kind]
    obj = "{" + ",".join(f'"{k}":' + (v if k in numeric or k == "seriousIllness" else f'"{v}"') for k, v in pairs) + "}"
    feeds.append(bytes([i, 0]) + f'[{obj},{{"sourceRecordId":7}},3]'.encode())
    feeds.append(bytes([i, 0]) + f'{{"items":[{obj}]}}'.encode())
    csv = ",".join(k for k, _ in pairs) + "\n" + ",".join(v for _, v in pairs) + "\n"
    feeds.append(bytes([i, 1]) + csv.encode())
feeds.append(bytes([7, 1]) + ("sourceRecordId,idNumber,registeredDate,capitalFen,status\n"
                              f"B-1,{PERSON},2024-03-02,100,吊销\n").encode("gb18030"))
write("feed-rows", feeds)

# --- upload --------------------------------------------------------------------------------
def upload(name, content):
    n = name.encode("utf-8")
    return bytes([len(n)]) + n + content
write("upload", [
    upload("收入证明.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), upload("户口簿.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    upload("IMG_0001.JPEG", b"\xff\xd8\xff\xe1\x00\x18Exif"), upload("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    upload("", b"%PDF-1.4"), upload("申请书.pdf", b"hello, world"), upload("空白.pdf", b""),
    upload("C:\\Users\\张三\\证明.pdf", b"%PDF-1.5"), upload("a\r\nb\".pdf", b"\x89PNG\r\n\x1a\n"),
])
print("seed corpora written to", CORPUS)
