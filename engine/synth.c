/* synth.c - the national synthetic dataset (synth.h). Every value comes
 * from a hash of (seed, unit, year, variable), not from a running random
 * sequence, so a commune's figures do not depend on how many came before
 * and years of one commune stay coherent. Writes with stdio only. */
#include "synth.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"

static const struct { const char *name; int region; } provinces[63] = {
	{ "Hà Giang", 0 }, { "Cao Bằng", 0 }, { "Lạng Sơn", 0 }, { "Bắc Giang", 0 },
	{ "Phú Thọ", 0 }, { "Thái Nguyên", 0 }, { "Bắc Kạn", 0 }, { "Tuyên Quang", 0 },
	{ "Lào Cai", 0 }, { "Yên Bái", 0 }, { "Lai Châu", 0 }, { "Sơn La", 0 },
	{ "Điện Biên", 0 }, { "Hòa Bình", 0 },
	{ "Hà Nội", 1 }, { "Hải Phòng", 1 }, { "Hải Dương", 1 }, { "Hưng Yên", 1 },
	{ "Vĩnh Phúc", 1 }, { "Bắc Ninh", 1 }, { "Thái Bình", 1 }, { "Nam Định", 1 },
	{ "Hà Nam", 1 }, { "Ninh Bình", 1 }, { "Quảng Ninh", 1 },
	{ "Thanh Hóa", 2 }, { "Nghệ An", 2 }, { "Hà Tĩnh", 2 }, { "Quảng Bình", 2 },
	{ "Quảng Trị", 2 }, { "Thừa Thiên Huế", 2 },
	{ "Đà Nẵng", 3 }, { "Quảng Nam", 3 }, { "Quảng Ngãi", 3 }, { "Bình Định", 3 },
	{ "Phú Yên", 3 }, { "Khánh Hòa", 3 }, { "Ninh Thuận", 3 }, { "Bình Thuận", 3 },
	{ "Kon Tum", 4 }, { "Gia Lai", 4 }, { "Đắk Lắk", 4 }, { "Đắk Nông", 4 }, { "Lâm Đồng", 4 },
	{ "TP Hồ Chí Minh", 5 }, { "Đồng Nai", 5 }, { "Bà Rịa - Vũng Tàu", 5 }, { "Bình Dương", 5 },
	{ "Bình Phước", 5 }, { "Tây Ninh", 5 },
	{ "Cần Thơ", 6 }, { "Long An", 6 }, { "Tiền Giang", 6 }, { "Bến Tre", 6 },
	{ "Trà Vinh", 6 }, { "Vĩnh Long", 6 }, { "An Giang", 6 }, { "Đồng Tháp", 6 },
	{ "Kiên Giang", 6 }, { "Hậu Giang", 6 }, { "Sóc Trăng", 6 }, { "Bạc Liêu", 6 },
	{ "Cà Mau", 6 },
};

/* How each variable is generated. T: a size (lo..hi, times the commune's
 * size factor); S: a share of the variable named in `of`, from lo..hi %
 * in the first year, gaining `gain` points a year; B: yes/no, lo % likely
 * in the first year, gaining `gain` a year; I: income; P: a percentage;
 * Z: mostly zero, up to hi. */
enum { T, S, B, I, P, Z };
static const struct rule {
	const char *name;
	int kind;
	const char *of;
	double lo, hi, gain;
	int integer;
} rules[] = {
	{ "households_total", T, NULL, 600, 4000, 0, 1 },
	{ "population_total", S, "households_total", 360, 400, 0, 1 },
	{ "villages_total", T, NULL, 5, 20, 0, 1 },
	{ "commune_plan_valid", B, NULL, 85, 95, 3, 1 },
	{ "commune_plan_regulation_issued", B, NULL, 80, 95, 3, 1 },
	{ "road_commune_total_km", T, NULL, 5, 30, 0, 0 },
	{ "road_commune_paved_km", S, "road_commune_total_km", 85, 100, 3, 0 },
	{ "road_village_total_km", T, NULL, 10, 60, 0, 0 },
	{ "road_village_hardened_km", S, "road_village_total_km", 55, 95, 5, 0 },
	{ "road_alley_total_km", T, NULL, 5, 40, 0, 0 },
	{ "road_alley_hardened_km", S, "road_alley_total_km", 50, 95, 5, 0 },
	{ "road_field_total_km", T, NULL, 5, 50, 0, 0 },
	{ "road_field_ok_km", S, "road_field_total_km", 40, 90, 5, 0 },
	{ "agri_land_ha", T, NULL, 200, 3000, 0, 0 },
	{ "agri_land_irrigated_drained_ha", S, "agri_land_ha", 60, 95, 3, 0 },
	{ "disaster_four_on_site_ok", B, NULL, 85, 95, 3, 1 },
	{ "power_system_standard", B, NULL, 85, 95, 3, 1 },
	{ "households_electricity_safe", S, "households_total", 93, 100, 1, 1 },
	{ "schools_total", T, NULL, 2, 6, 0, 1 },
	{ "schools_facility_standard", S, "schools_total", 40, 100, 10, 1 },
	{ "commune_culture_house_and_sports", B, NULL, 80, 95, 4, 1 },
	{ "play_area_children_elderly", B, NULL, 70, 90, 5, 1 },
	{ "villages_with_culture_house", S, "villages_total", 70, 100, 6, 1 },
	{ "has_rural_market_or_trading_place", B, NULL, 85, 95, 2, 1 },
	{ "has_postal_point", B, NULL, 95, 100, 1, 1 },
	{ "has_telecom_internet", B, NULL, 95, 100, 1, 1 },
	{ "has_radio_loudspeakers_all_villages", B, NULL, 85, 95, 3, 1 },
	{ "uses_it_in_management", B, NULL, 90, 98, 2, 1 },
	{ "houses_temporary_dilapidated", Z, NULL, 0, 6, 0, 1 },
	{ "households_solid_house", S, "households_total", 70, 98, 3, 1 },
	{ "income_per_capita_mvnd", I, NULL, 30, 70, 7, 0 },
	{ "households_poor_multidim", S, "households_total", 1, 15, -1.5, 1 },
	{ "labour_employed", S, "population_total", 50, 60, 0, 1 },
	{ "labour_employed_trained", S, "labour_employed", 50, 80, 3, 1 },
	{ "labour_trained_certified", S, "labour_employed_trained", 25, 50, 2, 1 },
	{ "coops_effective_count", T, NULL, 0, 4, 0, 1 },
	{ "has_linkage_model_key_product", B, NULL, 60, 85, 5, 1 },
	{ "has_traceability_key_products", B, NULL, 55, 85, 5, 1 },
	{ "craft_villages_count", Z, NULL, 0, 3, 0, 1 },
	{ "craft_village_plan_ok", B, NULL, 60, 85, 5, 1 },
	{ "has_community_extension_team", B, NULL, 80, 95, 3, 1 },
	{ "universalisation_ok", B, NULL, 90, 98, 2, 1 },
	{ "lower_sec_graduates", S, "population_total", 1, 1.6, 0, 1 },
	{ "lower_sec_graduates_continuing", S, "lower_sec_graduates", 70, 95, 2, 1 },
	{ "population_health_insured", S, "population_total", 80, 98, 2, 1 },
	{ "commune_health_standard", B, NULL, 80, 95, 3, 1 },
	{ "children_under5", S, "population_total", 6, 9, 0, 1 },
	{ "children_under5_stunted", S, "children_under5", 8, 30, -1.5, 1 },
	{ "population_e_health_record", S, "population_total", 30, 90, 10, 1 },
	{ "villages_cultural_standard", S, "villages_total", 60, 100, 5, 1 },
	{ "households_hygienic_water", S, "households_total", 85, 100, 2, 1 },
	{ "households_clean_water_standard", S, "households_total", 30, 80, 6, 1 },
	{ "households_clean_water_centralised", S, "households_clean_water_standard", 20, 90, 4, 1 },
	{ "establishments_total", T, NULL, 5, 60, 0, 1 },
	{ "establishments_env_compliant", S, "establishments_total", 70, 100, 4, 1 },
	{ "landscape_ok", B, NULL, 70, 90, 5, 1 },
	{ "burial_ok", B, NULL, 75, 92, 4, 1 },
	{ "solid_waste_generated_t", T, NULL, 300, 3000, 0, 0 },
	{ "solid_waste_collected_treated_t", S, "solid_waste_generated_t", 60, 98, 5, 0 },
	{ "pesticide_pack_medical_waste_ok", B, NULL, 70, 92, 5, 1 },
	{ "households_hygienic_toilet_bath_tank", S, "households_total", 55, 95, 5, 1 },
	{ "livestock_households", S, "households_total", 20, 60, 0, 1 },
	{ "livestock_households_hygienic_pens", S, "livestock_households", 50, 90, 5, 1 },
	{ "food_businesses_total", T, NULL, 5, 80, 0, 1 },
	{ "food_businesses_compliant", S, "food_businesses_total", 80, 100, 3, 1 },
	{ "households_sorting_at_source", S, "households_total", 10, 60, 8, 1 },
	{ "plastic_waste_handled_pct", P, NULL, 40, 85, 6, 0 },
	{ "officials_meet_standard", B, NULL, 88, 98, 2, 1 },
	{ "party_government_rated_good", B, NULL, 85, 95, 2, 1 },
	{ "mass_orgs_rated_good", B, NULL, 85, 95, 2, 1 },
	{ "legal_access_standard", B, NULL, 85, 95, 2, 1 },
	{ "gender_equality_ok", B, NULL, 88, 97, 2, 1 },
	{ "militia_ok", B, NULL, 90, 98, 2, 1 },
	{ "security_safe_commune", B, NULL, 88, 97, 2, 1 },
};
#define NRULE ((int)(sizeof rules / sizeof rules[0]))

/* splitmix64 over a combined key */
static uint64_t mix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* uniform in [0, 1) from a key */
static double unit_rand(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t h = mix(seed ^ mix(a ^ mix(b ^ mix(c))));

	return (double)(h >> 11) / 9007199254740992.0;
}

void synth_defaults(struct synth_opts *o)
{
	memset(o, 0, sizeof *o);
	o->seed = 2021;
	o->year_from = 2021;
	o->year_to = 2025;
	o->scale = 1;
}

/* Prints v with at most 2 decimals, rounded through integers so the text
 * does not depend on the platform's printf rounding. */
static void put_num(FILE *f, double v, int integer)
{
	long long c = (long long)(v * 100 + (v >= 0 ? 0.5 : -0.5));

	if (integer) {
		fprintf(f, "%lld", (c + 50) / 100);
		return;
	}
	if (c % 100 == 0)
		fprintf(f, "%lld", c / 100);
	else if (c % 10 == 0)
		fprintf(f, "%lld.%lld", c / 100, (c % 100) / 10);
	else
		fprintf(f, "%lld.%02lld", c / 100, c % 100);
}

static int rule_of(const char *name)
{
	int i;

	for (i = 0; i < NRULE; i++)
		if (strcmp(rules[i].name, name) == 0)
			return i;
	return -1;
}

struct out {
	FILE *f;
	char tmp[1024], path[1024];
};

static int open_out(struct out *o, const char *dir, const char *name, struct ntm_err *err)
{
	snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
	snprintf(o->tmp, sizeof o->tmp, "%s/.%s.tmp", dir, name);
	if (!(o->f = fopen(o->tmp, "w")))
		return err_set(err, "%s: cannot write: %s", o->tmp, strerror(errno));
	setvbuf(o->f, NULL, _IOFBF, 1 << 20);
	return 0;
}

static int close_out(struct out *o, int ok, struct ntm_err *err)
{
	int bad = ferror(o->f);

	if (fclose(o->f) != 0)
		bad = 1;
	o->f = NULL;
	if (!ok || bad) {
		remove(o->tmp);
		return ok ? err_set(err, "%s: write failed: %s", o->path, strerror(errno)) : -1;
	}
	if (rename(o->tmp, o->path) != 0) {
		remove(o->tmp);
		return err_set(err, "%s: cannot rename into place: %s", o->path, strerror(errno));
	}
	return 0;
}

/* Writes one commune's figures for all years. */
static void commune_rows(FILE *f, const struct synth_opts *o, const char *code, uint64_t id,
                         int region, const char *src)
{
	double val[NRULE], size = 0.6 + 0.8 * unit_rand(o->seed, id, 1, 0);
	/* poorer regions start lower: a region handicap in points */
	static const double lag[RG_N] = { 12, 0, 6, 4, 10, 2, 7 };
	int y, i, ncraft = 0;

	for (y = o->year_from; y <= o->year_to; y++) {
		int t = y - o->year_from;

		for (i = 0; i < NRULE; i++) {
			const struct rule *r = &rules[i];
			double u = unit_rand(o->seed, id, (uint64_t)i, 7);   /* the commune's own level */
			double jitter = unit_rand(o->seed, id, (uint64_t)i, (uint64_t)y) - 0.5;
			double share, v = 0;
			int of;

			switch (r->kind) {
			case T:
				v = (r->lo + (r->hi - r->lo) * u) * size;
				if (r->integer && v < 1)
					v = 1;
				break;
			case S:
				of = rule_of(r->of);
				share = r->lo + (r->hi - r->lo) * u + r->gain * t + jitter * 2;
				if (r->gain > 0)
					share -= lag[region] * (1 - u) * 0.5;
				if (share > 100 && r->hi <= 100)
					share = 100;
				if (share < 0)
					share = 0;
				v = of >= 0 ? val[of] * share / 100 : 0;
				if (r->integer)
					v = (double)(long long)v;
				break;
			case B:
				v = unit_rand(o->seed, id, (uint64_t)i, (uint64_t)y + 100) * 100 <
				    r->lo + (r->hi - r->lo) * u + r->gain * t - lag[region] * 0.5;
				break;
			case I:
				v = (r->lo + (r->hi - r->lo) * u - lag[region]) ;
				if (v < 25)
					v = 25 + u * 5;
				for (int k = 0; k < t; k++)
					v *= 1 + r->gain / 100;
				v *= 1 + jitter * 0.02;
				break;
			case P:
				v = r->lo + (r->hi - r->lo) * u + r->gain * t;
				if (v > 100)
					v = 100;
				break;
			case Z:
				v = u < 0.8 ? 0 : (double)(long long)(1 + (r->hi - 1) * unit_rand(o->seed, id, (uint64_t)i, (uint64_t)y));
				if (rule_of("houses_temporary_dilapidated") == i && t >= 2 && u < 0.9)
					v = 0;
				break;
			}
			val[i] = v;
			if (strcmp(r->name, "craft_villages_count") == 0)
				ncraft = v > 0;
			/* "nếu có": no plan figure where there is no craft village */
			if (strcmp(r->name, "craft_village_plan_ok") == 0 && !ncraft)
				continue;
			fprintf(f, "%s,%d,%s,", code, y, r->name);
			put_num(f, v, r->integer || r->kind == B);
			fprintf(f, ",%s\n", src);
		}
	}
}

int synth_generate(const char *dir, const struct synth_opts *o, struct ntm_err *err)
{
	struct out u = { 0 }, ob = { 0 }, fu = { 0 };
	int p, d, c, ok = 0, ndist_total = (int)(700 * o->scale + 0.5), dist_no = 0;
	long ncommunes = 0, target = (long)(8200 * o->scale + 0.5);
	char src[64], code[64];
	uint64_t id = 0;
	int nprov = o->scale >= 1 ? 63 : (int)(63 * o->scale + 1);

	if (nprov > 63)
		nprov = 63;
	if (ndist_total < nprov)
		ndist_total = nprov;
	if (target < ndist_total * 3L)
		target = ndist_total * 3L;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return err_set(err, "%s: cannot create directory: %s", dir, strerror(errno));
	if (open_out(&u, dir, "units.csv", err) < 0 || open_out(&ob, dir, "observations.csv", err) < 0 ||
	    open_out(&fu, dir, "funding.csv", err) < 0)
		goto done;
	snprintf(src, sizeof src, "synthetic: ntm synth seed=%llu", o->seed);
	fputs("code,name,level,parent,region\n", u.f);
	fputs("unit,period,variable,value,source\n", ob.f);
	fputs("unit,year,fund,kind,allocated,disbursed,measure,source\n", fu.f);
	for (p = 0; p < nprov; p++) {
		/* districts spread unevenly: 5 to 17 a province at scale 1 */
		int nd = ndist_total / nprov + (p < ndist_total % nprov ? 1 : 0);

		fprintf(u.f, "S%02d,%s,province,,%s\n", p + 1, provinces[p].name,
		        store_region_name[provinces[p].region]);
		for (d = 0; d < nd; d++) {
			int y, nc;
			double w = unit_rand(o->seed, (uint64_t)p, (uint64_t)d, 3);

			dist_no++;
			nc = (int)((double)target / ndist_total * (0.5 + w) + 0.5);
			if (nc < 3)
				nc = 3;
			fprintf(u.f, "S%02d-D%02d,Huyện Tổng hợp %02d,district,S%02d,\n", p + 1, d + 1, d + 1, p + 1);
			for (y = o->year_from; y <= o->year_to; y++) {
				double alloc = 5000 + 75000 * unit_rand(o->seed, (uint64_t)dist_no, (uint64_t)y, 11);
				double rate = 0.8 + 0.2 * unit_rand(o->seed, (uint64_t)dist_no, (uint64_t)y, 12);

				fprintf(fu.f, "S%02d-D%02d,%d,central,investment,", p + 1, d + 1, y);
				put_num(fu.f, alloc, 0);
				fputc(',', fu.f);
				put_num(fu.f, alloc * rate, 0);
				fprintf(fu.f, ",mVND,%s\n", src);
				fprintf(fu.f, "S%02d-D%02d,%d,province,investment,", p + 1, d + 1, y);
				put_num(fu.f, alloc * 0.4, 0);
				fputc(',', fu.f);
				put_num(fu.f, alloc * 0.4 * rate, 0);
				fprintf(fu.f, ",mVND,%s\n", src);
				if (unit_rand(o->seed, (uint64_t)dist_no, (uint64_t)y, 13) < 0.3) {
					fprintf(fu.f, "S%02d-D%02d,%d,province,in_kind,", p + 1, d + 1, y);
					put_num(fu.f, 1000 + 20000 * unit_rand(o->seed, (uint64_t)dist_no, (uint64_t)y, 14), 1);
					fprintf(fu.f, ",,tonnes,%s\n", src);
				}
			}
			for (c = 0; c < nc; c++) {
				int township = c == 0;

				snprintf(code, sizeof code, "S%02d-D%02d-C%03d", p + 1, d + 1, c + 1);
				if (township)
					fprintf(u.f, "%s,Thị trấn Tổng hợp %02d,township,S%02d-D%02d,\n", code, d + 1, p + 1, d + 1);
				else
					fprintf(u.f, "%s,Xã Tổng hợp %03d,commune,S%02d-D%02d,\n", code, c, p + 1, d + 1);
				commune_rows(ob.f, o, code, ++id, provinces[p].region, src);
				ncommunes++;
				if (o->progress && o->on_progress && ncommunes % 256 == 0)
					o->on_progress(o->ctx, "synth", ncommunes, target);
			}
		}
	}
	ok = 1;
done:
	if (fu.f && close_out(&fu, ok, err) < 0)
		ok = 0;
	if (ob.f && close_out(&ob, ok, err) < 0)
		ok = 0;
	if (u.f && close_out(&u, ok, err) < 0)
		ok = 0;
	return ok ? 0 : -1;
}
