from pypinyin import pinyin, Style
import pypinyin
chars=[]
for hi in range(0xB0,0xF8):
    for lo in range(0xA1,0xFF):
        try: c=bytes([hi,lo]).decode('gb2312')
        except: continue
        chars.append(c)
extra=open('/work/wt-family/Sources/MinzhengDemo/ChineseNames.swift').read()
for c in extra:
    if '\u4e00'<=c<='\u9fff' and c not in chars: chars.append(c)
out=[]
for c in chars:
    p=pinyin(c,style=Style.TONE3,heteronym=False,neutral_tone_with_five=True)[0][0]
    if not p or not p[-1].isdigit(): continue
    out.append(c+p)
print(len(out), pypinyin.__version__)
s=' '.join(out)
lines=[]
line=''
for w in out:
    if len(line)+len(w)+1>100: lines.append(line); line=''
    line+=(' ' if line else '')+w
lines.append(line)
with open('/work/wt-family/Sources/MinzhengCore/FamilySearch/PinyinTable.swift','w') as f:
    f.write('''// Generated: the 6,763 characters of GB 2312 (and the demo's name characters) with their
// most common Mandarin reading in numbered-tone pinyin (zhang1), taken from pypinyin %s's data
// (the pinyin-data project, from Unicode's Unihan kMandarin/kHanyuPinyin; MIT licence).
// Surname readings that differ from the common one are in `Pinyin.surnameReadings`.
// Do not edit by hand: regenerate with the script in the README (Family search).

extension Pinyin {
    static let table: String = """
''' % pypinyin.__version__)
    for l in lines: f.write('        '+l+'\n')
    f.write('        """\n}\n')
