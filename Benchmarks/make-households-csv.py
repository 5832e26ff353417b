#!/usr/bin/env python3
"""Writes a synthetic household import file (one row per person) with valid ID numbers.

usage: make-households-csv.py ROWS OUT.csv [--seed S]
Households of 1-5 persons over Changzhou streets; deterministic for a seed.
"""
import csv, random, sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"

def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rnd = random.Random(seed)
    streets = [line.split(",")[0] for line in open(sys.path[0] + "/../Sources/MinzhengCore/Resources/regions/changzhou-streets.csv", encoding="utf-8").read().splitlines()[1:]]
    relations = ["本人", "配偶", "子女", "子女", "父母"]
    n, household = 0, 0
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["户编号", "与户主关系", "姓名", "身份证号", "所属区划", "地址", "联系电话", "户籍性质"])
        while n < rows:
            household += 1
            street = rnd.choice(streets)
            region = street + "%03d" % rnd.randint(1, 20)
            address = "常州市某路%d号%d室" % (rnd.randint(1, 999), rnd.randint(101, 2999))
            for i in range(min(rnd.randint(1, 5), rows - n)):
                # Sequence numbers from the running count make every ID unique.
                k = n // 1000
                key = "%s%04d%02d%02d" % (street[:6], 1930 + k // 336, k // 28 % 12 + 1, k % 28 + 1)
                first17 = key + "%03d" % (n % 1000)
                idn = first17 + C[sum(int(d) * x for d, x in zip(first17, W)) % 11]
                w.writerow(["H%d" % household, relations[i], "居民%d" % n, idn, region, address,
                            "139%08d" % n, rnd.choice(["城镇", "农村"])])
                n += 1

if __name__ == "__main__":
    main()
