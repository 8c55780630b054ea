#!/usr/bin/env python3
# Writes a CSV of about SIZE bytes for the check benchmark: 10 columns of
# mixed types (integers, Chilean and dotted decimals, dates, booleans, text),
# some errors (type errors, short rows, blank and duplicate rows) and some
# RUT numbers, deterministically (fixed seed).
#   gen-check-csv.py OUT SIZE_BYTES
import random
import sys


def rut(body):
    s, f = 0, 2
    for d in reversed(str(body)):
        s += int(d) * f
        f = 2 if f == 7 else f + 1
    dv = 11 - s % 11
    dv = "0" if dv == 11 else "K" if dv == 10 else str(dv)
    return f"{body // 1000000}.{body // 1000 % 1000:03d}.{body % 1000:03d}-{dv}"


def main():
    out, size = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(7)
    comunas = ["Arica", "Iquique", "Antofagasta", "Copiapó", "La Serena", "Valparaíso",
               "Santiago", "Rancagua", "Talca", "Chillán", "Concepción", "Temuco",
               "Valdivia", "Puerto Montt", "Coyhaique", "Punta Arenas"]
    rows = []
    for i in range(4096):
        r = [str(i + 1), rnd.choice(comunas), str(rnd.randint(0, 500000)),
             f"{rnd.randint(0, 99999)}.{rnd.randint(0, 99)}",
             f"{rnd.randint(1, 28):02d}-{rnd.randint(1, 12):02d}-20{rnd.randint(10, 25)}",
             rnd.choice(["sí", "no"]), f"Programa {rnd.randint(1, 300)} de apoyo",
             f"{rnd.randint(0, 999)},{rnd.randint(0, 99):02d}",
             rnd.choice(["A", "B", "C", "D"]),
             "" if rnd.random() < 0.1 else f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"]
        k = rnd.random()
        if k < 0.002:
            r[2] = "n/a"                     # type-error
        elif k < 0.003:
            r = r[:7]                        # missing-cell
        elif k < 0.004:
            r = [""] * 10                    # blank-row
        elif k < 0.006:
            r[6] = rut(rnd.randint(5000000, 25000000))  # a RUT in a text column
        rows.append(",".join(f'"{c}"' if "," in c else c for c in r) + "\n")
    header = "id,comuna,monto,tasa,fecha,activo,programa,indice,categoria,fecha_cierre\n"
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        written += len(header.encode())
        block = []
        while written < size:
            row = rows[n % len(rows)]
            # Distinct ids keep rows distinct except the planted duplicates.
            if n % 5000 != 17 and not row.startswith(","):
                row = str(n + 1) + row[row.index(","):]
            block.append(row)
            written += len(row.encode())
            n += 1
            if len(block) == 10000:
                f.write("".join(block))
                block = []
        f.write("".join(block))


if __name__ == "__main__":
    main()
