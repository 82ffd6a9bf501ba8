/* synth.c - the national synthetic dataset (synth.h). Every value comes
 * from a hash of (seed, unit, year, variable), not from a running random
 * sequence, so a commune's figures do not depend on how many came before
 * and years of one commune stay coherent. Units are invented, or read from
 * a units file (csv.h; years parsed as import.h does). Writes with stdio. */
#include "synth.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "i18n.h"
#include "import.h"
#include "map.h"
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
		return err_set(err, _("%s: cannot write: %s"), o->tmp, strerror(errno));
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
		return ok ? err_set(err, _("%s: write failed: %s"), o->path, strerror(errno)) : -1;
	}
	if (rename(o->tmp, o->path) != 0) {
		remove(o->tmp);
		return err_set(err, _("%s: cannot rename into place: %s"), o->path, strerror(errno));
	}
	return 0;
}

/* Writes one commune's figures for year y: each year's figures come from
 * the hash alone, so a commune that exists only in some years of the span
 * gets those years exactly as it would in the full span. code is written
 * as given (a csv cell). */
static void commune_year(FILE *f, const struct synth_opts *o, const char *code, uint64_t id,
                         int region, const char *src, int y)
{
	double val[NRULE], size = 0.6 + 0.8 * unit_rand(o->seed, id, 1, 0);
	/* poorer regions start lower: a region handicap in points */
	static const double lag[RG_N] = { 12, 0, 6, 4, 10, 2, 7 };
	int i, ncraft = 0, t = y - o->year_from;

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

/* Writes one commune's figures for all years. */
static void commune_rows(FILE *f, const struct synth_opts *o, const char *code, uint64_t id,
                         int region, const char *src)
{
	int y;

	for (y = o->year_from; y <= o->year_to; y++)
		commune_year(f, o, code, id, region, src, y);
}

/* Writes a district's funding rows for year y; key picks its amounts. */
static void district_funding(FILE *f, const struct synth_opts *o, const char *code, uint64_t key,
                             int y, const char *src)
{
	double alloc = 5000 + 75000 * unit_rand(o->seed, key, (uint64_t)y, 11);
	double rate = 0.8 + 0.2 * unit_rand(o->seed, key, (uint64_t)y, 12);

	fprintf(f, "%s,%d,central,investment,", code, y);
	put_num(f, alloc, 0);
	fputc(',', f);
	put_num(f, alloc * rate, 0);
	fprintf(f, ",mVND,%s\n", src);
	fprintf(f, "%s,%d,province,investment,", code, y);
	put_num(f, alloc * 0.4, 0);
	fputc(',', f);
	put_num(f, alloc * 0.4 * rate, 0);
	fprintf(f, ",mVND,%s\n", src);
	if (unit_rand(o->seed, key, (uint64_t)y, 13) < 0.3) {
		fprintf(f, "%s,%d,province,in_kind,", code, y);
		put_num(f, 1000 + 20000 * unit_rand(o->seed, key, (uint64_t)y, 14), 1);
		fprintf(f, ",,tonnes,%s\n", src);
	}
}

/* The invented country: 63 provinces, districts and communes by scale. */
static void invent(FILE *uf, FILE *of, FILE *ff, const struct synth_opts *o, const char *src)
{
	int p, d, c, ndist_total = (int)(700 * o->scale + 0.5), dist_no = 0;
	long ncommunes = 0, target = (long)(8200 * o->scale + 0.5);
	char code[64];
	uint64_t id = 0;
	int nprov = o->scale >= 1 ? 63 : (int)(63 * o->scale + 1);

	if (nprov > 63)
		nprov = 63;
	if (ndist_total < nprov)
		ndist_total = nprov;
	if (target < ndist_total * 3L)
		target = ndist_total * 3L;
	fputs("code,name,level,parent,region\n", uf);
	for (p = 0; p < nprov; p++) {
		/* districts spread unevenly: 5 to 17 a province at scale 1 */
		int nd = ndist_total / nprov + (p < ndist_total % nprov ? 1 : 0);

		fprintf(uf, "S%02d,%s,province,,%s\n", p + 1, provinces[p].name,
		        store_region_name[provinces[p].region]);
		for (d = 0; d < nd; d++) {
			int y, nc;
			double w = unit_rand(o->seed, (uint64_t)p, (uint64_t)d, 3);

			dist_no++;
			nc = (int)((double)target / ndist_total * (0.5 + w) + 0.5);
			if (nc < 3)
				nc = 3;
			fprintf(uf, "S%02d-D%02d,Huyện Tổng hợp %02d,district,S%02d,\n", p + 1, d + 1, d + 1, p + 1);
			snprintf(code, sizeof code, "S%02d-D%02d", p + 1, d + 1);
			for (y = o->year_from; y <= o->year_to; y++)
				district_funding(ff, o, code, (uint64_t)dist_no, y, src);
			for (c = 0; c < nc; c++) {
				int township = c == 0;

				snprintf(code, sizeof code, "S%02d-D%02d-C%03d", p + 1, d + 1, c + 1);
				if (township)
					fprintf(uf, "%s,Thị trấn Tổng hợp %02d,township,S%02d-D%02d,\n", code, d + 1, p + 1, d + 1);
				else
					fprintf(uf, "%s,Xã Tổng hợp %03d,commune,S%02d-D%02d,\n", code, c, p + 1, d + 1);
				commune_rows(of, o, code, ++id, provinces[p].region, src);
				ncommunes++;
				if (o->progress && o->on_progress && ncommunes % 256 == 0)
					o->on_progress(o->ctx, "synth", ncommunes, target);
			}
		}
	}
}

/* ---- a units file (--units): real units, synthetic figures ------------- */

/* One row of a units file: one unit, in its years. */
struct runit {
	char *code;             /* as written (owned) */
	char *cell;             /* the code as a csv cell (owned) */
	int level;
	int region;             /* its own region, then (communes) the one it takes; -1 none */
	int from, to;           /* the years it exists; 0: open */
	int up;                 /* its parent's row, or -1 */
	int prev;               /* the row before it given the same code, or -1 */
	long line;
};

struct tree {
	char *text;             /* the file as read, written back as it is */
	size_t len;
	struct runit *u;
	size_t n, cap;
	struct map codes;       /* code -> its last row so far */
};

static void tree_free(struct tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->u[i].code);
		free(t->u[i].cell);
	}
	free(t->u);
	free(t->text);
	map_free(&t->codes);
}

/* The whole of path ("-": stdin) into *text (caller frees). */
static int slurp(const char *path, char **text, size_t *len, struct ntm_err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t n = 0, cap = 0, got;
	int rc = -1;

	if (!f)
		return err_set(err, _("%s: cannot open: %s"), path, strerror(errno));
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			if (!(nb = realloc(buf, cap))) {
				err_set(err, _("out of memory reading %s"), path);
				goto done;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		err_set(err, _("%s: cannot read: %s"), path, strerror(errno));
		goto done;
	}
	*text = buf;
	*len = n;
	buf = NULL;
	rc = 0;
done:
	if (f != stdin)
		fclose(f);
	free(buf);
	return rc;
}

/* The row of code's chain (from its last row, head) that exists in year,
 * else the open-ended one, else the last: how the importer reads a parent's
 * code in a unit's years. */
static int row_at(const struct tree *t, int head, int year)
{
	int k, open = -1;

	for (k = head; k >= 0; k = t->u[k].prev) {
		if (year && (!t->u[k].from || t->u[k].from <= year) && (!t->u[k].to || year <= t->u[k].to))
			return k;
		if (!t->u[k].to && open < 0)
			open = k;
	}
	return open >= 0 ? open : head;
}

static int exists_in(const struct runit *u, int y)
{
	return (!u->from || u->from <= y) && (!u->to || y <= u->to);
}

/* 64-bit FNV-1a of a code: a unit's key in the hash, whatever its place in
 * the file, so its figures do not depend on the rows around it. */
static uint64_t code_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

enum { C_CODE, C_NAME, C_LEVEL, C_PARENT, C_REGION, C_FROM, C_TO, C_N };
static const char *const col_name[C_N] = {
	"code", "name", "level", "parent", "region", "valid_from", "valid_to",
};

/* Reads path's units: each row's level, region and years, its parent
 * resolved as the importer does (the parent's code in the unit's first
 * year, among earlier lines), and for a commune the region of the nearest
 * unit above it that has one. Returns 0, or -1 with err naming file, line
 * and field. */
static int tree_read(struct tree *t, const char *path, struct ntm_err *err)
{
	struct csv c;
	int col[C_N], i, got, rc = -1, open = 0;
	size_t f;
	char where[512];

	map_init(&t->codes);
	if (slurp(path, &t->text, &t->len, err) < 0)
		return -1;
	if (csv_open_mem(&c, path, t->text, t->len, err) < 0)
		return -1;
	open = 1;
	if ((got = csv_next(&c, err)) <= 0) {
		if (got == 0)
			err_set(err, _("%s: empty file; expected a units file (code,name,level,parent,region"
			        "[,valid_from,valid_to,merged_into,split_from])"), path);
		goto done;
	}
	for (i = 0; i < C_N; i++)
		col[i] = -1;
	for (f = 0; f < c.nfield; f++)
		for (i = 0; i < C_N; i++)
			if (col[i] < 0 && strcmp(csv_trim(c.field[f]), col_name[i]) == 0)
				col[i] = (int)f;
	for (i = 0; i < C_FROM; i++)
		if (col[i] < 0) {
			err_set(err, _("%s:%ld: the header has no column '%s' (a units file begins "
			        "code,name,level,parent,region)"), path, c.line, col_name[i]);
			goto done;
		}
	while ((got = csv_next(&c, err)) > 0) {
		const char *v[C_N];
		struct runit *u;
		int64_t head;

		for (i = 0; i < C_N; i++)
			v[i] = col[i] >= 0 && (size_t)col[i] < c.nfield ? csv_trim(c.field[col[i]]) : "";
		if (t->n == t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 1024;
			struct runit *nu = realloc(t->u, cap * sizeof *nu);

			if (!nu) {
				err_set(err, _("out of memory reading %s"), path);
				goto done;
			}
			t->u = nu;
			t->cap = cap;
		}
		u = &t->u[t->n];
		memset(u, 0, sizeof *u);
		u->line = c.line;
		u->up = u->prev = -1;
		if (!*v[C_CODE]) {
			err_set(err, _("%s:%ld: field 'code': is empty"), path, c.line);
			goto done;
		}
		if ((u->level = store_level_parse(v[C_LEVEL])) < 0) {
			err_set(err, _("%s:%ld: field 'level': '%s' is not one of: "), path, c.line, v[C_LEVEL]);
			for (i = 0; i < LV_N; i++)
				err_append(err, "%s%s", i ? ", " : "", store_level_name[i]);
			goto done;
		}
		u->region = -1;
		if (*v[C_REGION] && (u->region = store_region_parse(v[C_REGION])) < 0) {
			err_set(err, _("%s:%ld: field 'region': '%s' is not a threshold region of QĐ 318: "),
			        path, c.line, v[C_REGION]);
			for (i = 0; i < RG_N; i++)
				err_append(err, "%s%s", i ? ", " : "", store_region_name[i]);
			goto done;
		}
		snprintf(where, sizeof where, "%s:%ld: field 'valid_from': ", path, c.line);
		if (*v[C_FROM] && import_text_year(v[C_FROM], &u->from, where, err) < 0)
			goto done;
		snprintf(where, sizeof where, "%s:%ld: field 'valid_to': ", path, c.line);
		if (*v[C_TO] && import_text_year(v[C_TO], &u->to, where, err) < 0)
			goto done;
		if (*v[C_PARENT]) {
			if (!map_get(&t->codes, v[C_PARENT], &head)) {
				err_set(err, _("%s:%ld: field 'parent': unknown parent '%s' (define it on an "
				        "earlier line)"), path, c.line, v[C_PARENT]);
				goto done;
			}
			u->up = row_at(t, (int)head, u->from ? u->from : u->to);
		}
		if (map_get(&t->codes, v[C_CODE], &head))
			u->prev = (int)head;
		if (!(u->code = strdup(v[C_CODE])) || !(u->cell = csv_cell(v[C_CODE])) ||
		    map_put(&t->codes, v[C_CODE], (int64_t)t->n) < 0) {
			free(u->code);
			free(u->cell);
			err_set(err, _("out of memory reading %s"), path);
			goto done;
		}
		t->n++;
		if (u->level == LV_COMMUNE) {
			int k = (int)t->n - 1, hops;

			for (hops = 0; k >= 0 && t->u[k].region < 0 && hops < 16; hops++)
				k = t->u[k].up;
			if (k < 0 || t->u[k].region < 0) {
				err_set(err, _("%s:%ld: commune '%s': neither it nor a unit above it has a "
				        "region (a province row gives its threshold region)"), path, c.line,
				        u->code);
				goto done;
			}
			u->region = t->u[k].region;
		}
	}
	if (got == 0)
		rc = 0;
done:
	if (open)
		csv_close(&c);
	return rc;
}

/* Figures for every commune of t in each year it exists, and funding for
 * every district in each year it exists. */
static void from_tree(const struct tree *t, FILE *of, FILE *ff, const struct synth_opts *o,
                      const char *src)
{
	size_t i;
	long done = 0, total = 0;
	int y;

	for (i = 0; i < t->n; i++)
		total += t->u[i].level == LV_COMMUNE;
	for (i = 0; i < t->n; i++) {
		const struct runit *u = &t->u[i];
		uint64_t key = code_key(u->code);

		if (u->level == LV_DISTRICT)
			for (y = o->year_from; y <= o->year_to; y++)
				if (exists_in(u, y))
					district_funding(ff, o, u->cell, key, y, src);
		if (u->level != LV_COMMUNE)
			continue;
		for (y = o->year_from; y <= o->year_to; y++)
			if (exists_in(u, y))
				commune_year(of, o, u->cell, key, u->region, src, y);
		done++;
		if (o->progress && o->on_progress && done % 256 == 0)
			o->on_progress(o->ctx, "synth", done, total);
	}
}

int synth_generate(const char *dir, const struct synth_opts *o, struct ntm_err *err)
{
	struct out u = { 0 }, ob = { 0 }, fu = { 0 };
	struct tree t = { 0 };
	char src[64];
	int ok = 0;

	/* the units file is read whole before anything is written */
	if (o->units && tree_read(&t, o->units, err) < 0)
		goto done;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		err_set(err, _("%s: cannot create directory: %s"), dir, strerror(errno));
		goto done;
	}
	if (open_out(&u, dir, "units.csv", err) < 0 || open_out(&ob, dir, "observations.csv", err) < 0 ||
	    open_out(&fu, dir, "funding.csv", err) < 0)
		goto done;
	snprintf(src, sizeof src, "synthetic: ntm synth seed=%llu", o->seed);
	fputs("unit,period,variable,value,source\n", ob.f);
	fputs("unit,year,fund,kind,allocated,disbursed,measure,source\n", fu.f);
	if (o->units) {
		fwrite(t.text, 1, t.len, u.f);
		from_tree(&t, ob.f, fu.f, o, src);
	} else {
		invent(u.f, ob.f, fu.f, o, src);
	}
	ok = 1;
done:
	if (fu.f && close_out(&fu, ok, err) < 0)
		ok = 0;
	if (ob.f && close_out(&ob, ok, err) < 0)
		ok = 0;
	if (u.f && close_out(&u, ok, err) < 0)
		ok = 0;
	tree_free(&t);
	return ok ? 0 : -1;
}
