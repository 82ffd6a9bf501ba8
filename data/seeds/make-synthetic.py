#!/usr/bin/env python3
"""Writes the illustrative per-commune figures of data/seeds/ (rows whose source
says 'synthetic'): Định Hóa's 22 communes and Chợ Chu 2021-2023, Quảng Giao
2021-2023. Deterministic; consistent with the seed documents' totals (see
data/seeds/README.md). The seed figures themselves are written by hand in the
*-seed-*.csv files; this script writes only *-synthetic.csv.

    python3 data/seeds/make-synthetic.py
"""
import csv, os, random

HERE = os.path.dirname(os.path.abspath(__file__))

COMMUNES = [  # code suffix, name, status: reconfirmed/advanced (earlier NTM), ntm2022, ntm2023
    ("BAOCUONG", "Bảo Cường", "reconfirmed"), ("BAOLINH", "Bảo Linh", "ntm2022"),
    ("BINHTHANH", "Bình Thành", "ntm2022"), ("BINHYEN", "Bình Yên", "reconfirmed"),
    ("BOCNHIEU", "Bộc Nhiêu", "ntm2023"), ("DIEMMAC", "Điềm Mặc", "reconfirmed"),
    ("DINHBIEN", "Định Biên", "reconfirmed"), ("DONGTHINH", "Đồng Thịnh", "reconfirmed"),
    ("KIMPHUONG", "Kim Phượng", "advanced"), ("LAMVY", "Lam Vỹ", "ntm2023"),
    ("LINHTHONG", "Linh Thông", "ntm2023"), ("PHUDINH", "Phú Đình", "ntm2023"),
    ("PHUTIEN", "Phú Tiến", "reconfirmed"), ("PHUCCHU", "Phúc Chu", "reconfirmed"),
    ("PHUONGTIEN", "Phượng Tiến", "ntm2022"), ("QUYKY", "Quy Kỳ", "ntm2023"),
    ("SONPHU", "Sơn Phú", "advanced"), ("TANDUONG", "Tân Dương", "reconfirmed"),
    ("TANTHINH", "Tân Thịnh", "ntm2022"), ("THANHDINH", "Thanh Định", "ntm2022"),
    ("TRUNGHOI", "Trung Hội", "advanced"), ("TRUNGLUONG", "Trung Lương", "ntm2023"),
]

BOOLS = """commune_plan_valid commune_plan_regulation_issued disaster_four_on_site_ok
power_system_standard commune_culture_house_and_sports play_area_children_elderly
has_rural_market_or_trading_place has_postal_point has_telecom_internet
has_radio_loudspeakers_all_villages uses_it_in_management has_linkage_model_key_product
has_traceability_key_products has_community_extension_team universalisation_ok
commune_health_standard landscape_ok burial_ok pesticide_pack_medical_waste_ok
officials_meet_standard party_government_rated_good mass_orgs_rated_good
legal_access_standard gender_equality_ok militia_ok security_safe_commune""".split()


def strong(status, year):
    """Whether a commune looks like one that meets the set in that year."""
    return {"reconfirmed": year >= 2022, "advanced": year >= 2022,
            "ntm2022": year >= 2022, "ntm2023": year >= 2023}[status]


def num(v, integer=False):
    if integer:
        return str(int(round(v)))
    s = "%.2f" % v
    return s.rstrip("0").rstrip(".") if "." in s else s


def split(total, weights):
    """Integer split of total in proportion to weights, summing exactly."""
    raw = [total * w / sum(weights) for w in weights]
    out = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)[: total - sum(out)]:
        out[i] += 1
    return out


def commune_rows(rng, code, status, year, size, villages, roads, src, households=None):
    """Figures of one commune in one year; roads = (commune, village, alley, field) km
    totals and hardened km, fixed by the caller so that the district adds up."""
    good = strong(status, year)
    rows = []
    hh = households or int(900 + 1400 * size) + (year - 2021) * 8
    pop = int(hh * (3.6 if households else 3.7))

    def add(var, value, integer=False):
        rows.append((code, str(year), var, num(value, integer), src))

    def share(lo_good, hi_good, lo_bad, hi_bad):
        return rng.uniform(lo_good, hi_good) if good else rng.uniform(lo_bad, hi_bad)

    add("households_total", hh, True)
    add("population_total", pop, True)
    add("villages_total", villages, True)
    (ct, vt, at, ft), (ch, vh, ah, fh) = roads
    add("road_commune_total_km", ct); add("road_commune_paved_km", ch)
    add("road_village_total_km", vt); add("road_village_hardened_km", vh)
    add("road_alley_total_km", at); add("road_alley_hardened_km", ah)
    add("road_field_total_km", ft); add("road_field_ok_km", fh)
    land = 300 + 900 * size
    add("agri_land_ha", land); add("agri_land_irrigated_drained_ha", land * share(0.82, 0.95, 0.6, 0.8))
    add("households_electricity_safe", hh * share(0.99, 1.0, 0.95, 0.99), True)
    schools = 3 + int(size * 2)
    add("schools_total", schools, True)
    add("schools_facility_standard", schools if good else schools - 1 - rng.randint(0, 1), True)
    with_house = villages if (good or year == 2023) else villages - rng.randint(1, 3)
    add("villages_with_culture_house", with_house, True)
    add("houses_temporary_dilapidated", 0 if good or year == 2023 else rng.randint(1, 12), True)
    add("households_solid_house", hh * share(0.9, 0.97, 0.75, 0.88), True)
    add("households_poor_multidim", hh * share(0.02, 0.045, 0.08, 0.15), True)
    emp = int(pop * 0.56)
    trained = emp * share(0.7, 0.8, 0.5, 0.65)
    add("labour_employed", emp, True); add("labour_employed_trained", trained, True)
    add("labour_trained_certified", trained * share(0.35, 0.45, 0.25, 0.35), True)
    add("coops_effective_count", 1 + int(size * 2) if good else rng.randint(0, 1), True)
    crafts = 1 if code.endswith(("PHUDINH", "TANDUONG", "DONGTHINH")) else 0
    add("craft_villages_count", crafts, True)
    if crafts:
        add("craft_village_plan_ok", 1 if good else 0, True)
    grads = int(pop * 0.013)
    add("lower_sec_graduates", grads, True)
    add("lower_sec_graduates_continuing", grads * share(0.85, 0.95, 0.7, 0.82), True)
    add("population_health_insured", pop * share(0.95, 0.99, 0.85, 0.93), True)
    u5 = int(pop * 0.075)
    add("children_under5", u5, True)
    add("children_under5_stunted", u5 * share(0.12, 0.2, 0.22, 0.3), True)
    add("population_e_health_record", pop * share(0.72, 0.9, 0.2, 0.5), True)
    add("villages_cultural_standard", villages if good else villages - rng.randint(1, 3), True)
    add("households_hygienic_water", hh * share(0.97, 1.0, 0.85, 0.95), True)
    clean = hh * share(0.85, 0.95, 0.6, 0.8)
    add("households_clean_water_standard", clean, True)
    add("households_clean_water_centralised", clean * share(0.2, 0.4, 0.05, 0.2), True)
    est = 8 + int(size * 20)
    add("establishments_total", est, True)
    add("establishments_env_compliant", est if good else est - rng.randint(1, 4), True)
    waste = 400 + 900 * size
    add("solid_waste_generated_t", waste)
    add("solid_waste_collected_treated_t", waste * share(0.9, 0.98, 0.6, 0.85))
    add("households_hygienic_toilet_bath_tank", hh * share(0.8, 0.92, 0.55, 0.75), True)
    live = int(hh * rng.uniform(0.3, 0.5))
    add("livestock_households", live, True)
    add("livestock_households_hygienic_pens", live * share(0.75, 0.9, 0.5, 0.7), True)
    food = 10 + int(size * 25)
    add("food_businesses_total", food, True)
    add("food_businesses_compliant", food if good else food - rng.randint(1, 3), True)
    add("households_sorting_at_source", hh * share(0.3, 0.6, 0.1, 0.3), True)
    add("plastic_waste_handled_pct", share(70, 90, 40, 65))
    for b in BOOLS:
        add(b, 1 if good or rng.random() < 0.8 else 0, True)
    return rows


def main():
    rng = random.Random(20240314)
    src_dh = "synthetic: per-commune figures consistent with seed A (Định Hóa report 14/03/2024) totals"
    rows = []
    sizes = [rng.uniform(0.2, 1.0) for _ in COMMUNES]
    # 228 hamlets and residential groups in all (seed A §II culture), Chợ Chu's among them
    villages = split(228, sizes + [0.9])
    # 912 km of road, 813 hardened, in 2023 (seed A §II roads): split by commune
    # size, then by class; earlier years have less hardened
    totals = split(91200, [s + 0.3 for s in sizes] + [0.5])
    hard = split(81300, [t for t in totals])
    # population-weighted income 45.86 mVND in 2023 (seed A §II intro)
    incomes = [rng.uniform(41, 51) for _ in COMMUNES]
    for i, (suffix, _, status) in enumerate(COMMUNES):
        code = "TN-DH-" + suffix
        for year in (2021, 2022, 2023):
            t = totals[i] / 100.0
            h = hard[i] / 100.0
            if year < 2023:
                h *= {2021: 0.82, 2022: 0.93}[year] if not strong(status, year) else 0.97
            cls_t = [t * 0.2, t * 0.35, t * 0.25, t * 0.2]
            # hardened: paved commune roads first, then village, alley, field
            ch = min(cls_t[0], h * 0.25)
            rest = h - ch
            vh = min(cls_t[1], rest * 0.42)
            ah = min(cls_t[2], rest * 0.3)
            fh = rest - vh - ah
            roads = (tuple(round(x, 2) for x in cls_t), tuple(round(x, 2) for x in (ch, vh, ah, fh)))
            rows += commune_rows(rng, code, status, year, sizes[i], villages[i], roads, src_dh)
    # incomes: scale so that the population-weighted mean is 45.86 in 2023
    pops = {}
    for r in rows:
        if r[2] == "population_total" and r[1] == "2023":
            pops[r[0]] = int(r[3])
    codes = ["TN-DH-" + c[0] for c in COMMUNES]
    mean = sum(incomes[i] * pops[c] for i, c in enumerate(codes)) / sum(pops.values())
    for i, c in enumerate(codes):
        for year, f in ((2021, 1 / 1.08 ** 2), (2022, 1 / 1.08), (2023, 1.0)):
            rows.append((c, str(year), "income_per_capita_mvnd", num(incomes[i] * 45.86 / mean * f), src_dh))
    # Chợ Chu (township): its residential groups and roads, so the district adds up
    for year in (2021, 2022, 2023):
        t, h = totals[-1] / 100.0, hard[-1] / 100.0
        rows.append(("TN-DH-CHOCHU", str(year), "villages_total", str(villages[-1]), src_dh))
        rows.append(("TN-DH-CHOCHU", str(year), "road_commune_total_km", num(t), src_dh))
        rows.append(("TN-DH-CHOCHU", str(year), "road_commune_paved_km", num(h if year == 2023 else h * 0.97), src_dh))
    write("dinh-hoa-synthetic.csv", rows)

    src_qg = "synthetic: consistent with seed B (Quảng Giao plan 09/04/2024), an NTM commune keeping the standard"
    rows = []
    for year in (2021, 2022, 2023):
        roads = ((6.2, 14.8, 9.5, 8.0), (6.2, 14.8, 9.1, 7.1))
        hh = 1250 - (2023 - year) * 6
        r = commune_rows(rng, "TH-QX-QUANGGIAO", "reconfirmed", max(year, 2022), 0.3, 12, roads, src_qg, hh)
        r = [(c, str(year), v, val, s) for (c, _, v, val, s) in r]
        fixed = {}
        if year == 2023:
            # seed B §II.3.1 Q1: "from 40 % to 60 %" of households on centralised clean water
            fixed["households_clean_water_centralised"] = str(int(hh * 0.40))
        r = [(c, y, v, fixed.get(v, val), s) for (c, y, v, val, s) in r]
        if year < 2023:
            r.append(("TH-QX-QUANGGIAO", str(year), "income_per_capita_mvnd",
                      num(58 / 1.07 ** (2023 - year)), src_qg))
        rows += r
    write("quang-giao-synthetic.csv", rows)


def write(name, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "period", "variable", "value", "source"])
        for r in rows:
            w.writerow(r)


if __name__ == "__main__":
    main()
