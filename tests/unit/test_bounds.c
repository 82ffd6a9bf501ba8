/* test_bounds.c - what the recognitions imply (bounds.h): a minimum bound
 * from two recognised units (and a tie), a maximum bound, a recognised unit
 * with missing figures contributing nothing, contradictions of a draft, a
 * set number, a range and a must-indicator, narrowing that turns open
 * results met, and the recognitions read from a store (titles, one per unit
 * and year, the set in force, units without figures). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bounds.h"
#include "import.h"
#include "lua_crit.h"

static char dir[64];

static const char *file(const char *name, const char *text)
{
	static char path[160];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/ntm-bounds-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	char cmd[96];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char set_text[] =
	"set { id = 't-commune', title = 'T', decision = 'QĐ T', level = 'commune', years = { 2021, 2025 } }\n"
	"criterion '1' { name = 'All',\n"
	"  indicator '2.2' { name = 'village roads', measure = pct(v.road_ok_km, v.road_km),\n"
	"    min = unset('column not found'), cite = 'T 2.2' },\n"
	"  indicator '4.2' { name = 'electricity', measure = pct(v.hh_power, v.hh),\n"
	"    min = draft(by_region { tdmnpb = 95, dbsh = 99 }, 'recalled'), cite = 'T 4.2' },\n"
	"  indicator '6' { name = 'schools', measure = pct(v.schools_ok, v.schools), min = 50, cite = 'T 6' },\n"
	"  indicator '11' { name = 'poverty', measure = pct(v.poor, v.hh),\n"
	"    max = unset('column not found'), cite = 'T 11' },\n"
	"  indicator '12' { name = 'trained', measure = pct(v.trained, v.workers),\n"
	"    min = unset('a range, set below'), cite = 'T 12' },\n"
	"  indicator '1.1' { name = 'plan', measure = v.plan_ok, must = true, cite = 'T 1.1' },\n"
	"  indicator '10' { name = 'income', measure = v.income, min = unset('not found'), cite = 'T 10' },\n"
	"}\n";

enum { I22, I42, I6, I11, I12, I11P, I10 };   /* indicator indexes, in the file's order */

static struct critset *load_set(struct sandbox *sb)
{
	struct ntm_err err = { 0 };
	struct critset *s = lcrit_load(sb, file("t-commune.lua", set_text), NULL, NULL, NULL, &err);
	struct thr *t;

	if (!s)
		fail_msg("%s", err.msg);
	/* indicator 12: the law says 60..100 (built by hand: no dependence on range()) */
	crit_thr_free(s->ind[I12].thr);
	t = s->ind[I12].thr = calloc(1, sizeof *t);
	assert_non_null(t);
	t->kind = T_RANGE;
	t->num = 60;
	t->hi = 100;
	t->note = strdup("between 60 and 100");
	return s;
}

static int var(const struct critset *s, const char *name)
{
	int i;

	for (i = 0; i < s->nvar; i++)
		if (strcmp(s->var[i], name) == 0)
			return i;
	fail_msg("no variable %s", name);
	return -1;
}

/* A unit's figures: pairs of name and value, NULL-terminated; the rest NAN. */
static void figures(const struct critset *s, double *vals, ...)
{
	va_list ap;
	const char *name;
	int i;

	for (i = 0; i < s->nvar; i++)
		vals[i] = NAN;
	va_start(ap, vals);
	while ((name = va_arg(ap, const char *)))
		vals[var(s, name)] = va_arg(ap, double);
	va_end(ap);
}

static const struct bounds_cell *cell(const struct bounds *b, int ind, int region, int year)
{
	int i;

	for (i = 0; i < b->ncell; i++)
		if (b->cell[i].ind == ind && b->cell[i].region == region && b->cell[i].year == year)
			return &b->cell[i];
	return NULL;
}

/* Eight recognitions: 10 Kim Phượng, 11 Sơn Phú (fails three known
 * thresholds), 12 Lam Vỹ (road figure missing), 13 Quy Kỳ (no figures),
 * 14 Phú Đình (ties Kim Phượng on roads) in tdmnpb 2023; 15 Bình Yên in
 * dbsh 2023 (no plan: fails the must); 16 Tân Dương tdmnpb 2022; 17
 * with no threshold region. */
#define NREC 8
static double vals[NREC][16];

static void recognitions(const struct critset *s, struct bounds_recog *r)
{
	static const char *const name[NREC] = { "Kim Phượng", "Sơn Phú", "Lam Vỹ", "Quy Kỳ",
		"Phú Đình", "Bình Yên", "Tân Dương", "Nowhere" };
	static const int region[NREC] = { 0, 0, 0, 0, 0, 1, 0, -1 };
	static const int year[NREC] = { 2023, 2023, 2023, 2023, 2023, 2023, 2022, 2023 };
	int k;

	assert_true(s->nvar <= 16);
	figures(s, vals[0], "road_ok_km", 88.0, "road_km", 100.0, "hh_power", 97.0, "hh", 100.0,
	        "schools_ok", 3.0, "schools", 4.0, "poor", 3.0, "trained", 80.0, "workers", 100.0,
	        "plan_ok", 1.0, "income", 40.0, NULL);
	figures(s, vals[1], "road_ok_km", 92.0, "road_km", 100.0, "hh_power", 90.0, "hh", 100.0,
	        "schools_ok", 1.0, "schools", 4.0, "poor", 6.5, "trained", 55.0, "workers", 100.0,
	        "plan_ok", 1.0, "income", 45.0, NULL);
	figures(s, vals[2], "road_km", 100.0, "plan_ok", 1.0, NULL);
	figures(s, vals[3], NULL);
	figures(s, vals[4], "road_ok_km", 44.0, "road_km", 50.0, "plan_ok", 1.0, NULL);
	figures(s, vals[5], "road_ok_km", 70.0, "road_km", 100.0, "hh_power", 100.0, "hh", 100.0,
	        "plan_ok", 0.0, NULL);
	figures(s, vals[6], "road_ok_km", 80.0, "road_km", 100.0, NULL);
	figures(s, vals[7], "road_ok_km", 10.0, "road_km", 100.0, NULL);
	for (k = 0; k < NREC; k++) {
		r[k].unit = 10 + k;
		r[k].name = name[k];
		r[k].region = region[k];
		r[k].year = year[k];
		r[k].vals = vals[k];
	}
}

static void implied_bounds(void **state)
{
	struct sandbox sb;
	struct ntm_err err = { 0 };
	struct bounds_recog r[NREC];
	struct bounds b;
	const struct bounds_cell *x;
	struct critset *s;

	(void)state;
	assert_int_equal(sandbox_open(&sb, 16u << 20, 2000000, &err), 0);
	s = load_set(&sb);
	recognitions(s, r);
	assert_int_equal(bounds_compute(s, r, NREC, &b, &err), 0);
	assert_string_equal(b.set_id, "t-commune");
	assert_int_equal(b.year_from, 2022);
	assert_int_equal(b.year_to, 2023);
	assert_int_equal(b.nrecog, 7);
	assert_int_equal(b.nnoregion, 1);
	assert_int_equal(b.nnofig, 1);

	/* a minimum: the least of the recognised values, a tie binding twice;
	 * the two units with the road figure missing contribute nothing */
	assert_non_null(x = cell(&b, I22, 0, 2023));
	assert_int_equal(x->state, TS_UNSET);
	assert_int_equal(x->nrecog, 5);
	assert_int_equal(x->nvalue, 3);
	assert_int_equal(x->nmissing, 2);
	assert_true(x->bound == 88);
	assert_int_equal(x->nbinding, 2);
	assert_int_equal(x->binding[0], 10);
	assert_int_equal(x->binding[1], 14);
	assert_string_equal(x->who, "Kim Phượng and Phú Đình");
	assert_true(x->narrows);
	assert_true(x->new_lo == 0 && x->new_hi == 88);
	/* each region and year on its own */
	assert_non_null(x = cell(&b, I22, 1, 2023));
	assert_true(x->bound == 70);
	assert_string_equal(x->who, "Bình Yên");
	assert_non_null(x = cell(&b, I22, 0, 2022));
	assert_true(x->bound == 80);
	assert_null(cell(&b, I22, 2, 2023));

	/* a maximum: the greatest */
	assert_non_null(x = cell(&b, I11, 0, 2023));
	assert_true(x->bound == 6.5);
	assert_string_equal(x->who, "Sơn Phú");
	assert_true(x->new_lo == 6.5 && x->new_hi == 100);
	assert_true(x->narrows);

	/* a measure without an upper end: 0..∞ becomes 0..40 */
	assert_non_null(x = cell(&b, I10, 0, 2023));
	assert_true(x->bound == 40);
	assert_true(x->narrows);
	assert_true(x->new_lo == 0 && x->new_hi == 40);

	/* a draft: Sơn Phú's 90 contradicts 95; Kim Phượng's 97 is consistent */
	assert_non_null(x = cell(&b, I42, 0, 2023));
	assert_int_equal(x->state, TS_DRAFT);
	assert_int_equal(x->ncontra, 1);
	assert_int_equal(x->nvalue, 1);
	assert_false(x->narrows);
	assert_non_null(x = cell(&b, I42, 1, 2023));
	assert_int_equal(x->ncontra, 0);
	assert_true(x->bound == 100);

	/* a range 60..100: Sơn Phú's 55 fails all of it and bounds nothing */
	assert_non_null(x = cell(&b, I12, 0, 2023));
	assert_int_equal(x->state, TS_RANGE);
	assert_int_equal(x->ncontra, 1);
	assert_true(x->bound == 80);
	assert_true(x->new_lo == 60 && x->new_hi == 80);

	/* the findings, by unit: Sơn Phú's draft, set number and range, Bình Yên's must */
	assert_int_equal(b.nfind, 4);
	assert_int_equal(b.find[0].unit, 11);
	assert_int_equal(b.find[0].ind, I42);
	assert_int_equal(b.find[0].state, TS_DRAFT);
	assert_true(b.find[0].value == 90 && b.find[0].lo == 95);
	assert_int_equal(b.find[1].ind, I6);
	assert_int_equal(b.find[1].state, TS_SET);
	assert_true(b.find[1].value == 25 && b.find[1].lo == 50);
	assert_int_equal(b.find[2].ind, I12);
	assert_int_equal(b.find[2].state, TS_RANGE);
	assert_int_equal(b.find[3].unit, 15);
	assert_int_equal(b.find[3].ind, I11P);
	assert_int_equal(b.find[3].state, -1);
	assert_int_equal(b.find[3].region, 1);
	assert_true(b.find[3].value == 0);

	bounds_free(&b);
	crit_free(s);
	sandbox_close(&sb);
}

/* The status of indicator ind for a unit with figures v in region and year;
 * *note gets the threshold's note. */
static int judge(const struct critset *s, int ind, int region, int year, const double *v,
                 int *thr_status, const char **note)
{
	struct ind_result res[8];
	unsigned char crit[4];
	int ncm;

	eval_unit(s, v, region, year, res, crit, &ncm);
	if (thr_status)
		*thr_status = res[ind].thr_status;
	if (note)
		*note = res[ind].thr_note;
	return res[ind].status;
}

static void narrowing(void **state)
{
	struct sandbox sb;
	struct ntm_err err = { 0 };
	struct bounds_recog r[NREC];
	struct bounds b, other;
	struct critset *s;
	double v[16];
	const char *note;
	int ts;

	(void)state;
	assert_int_equal(sandbox_open(&sb, 16u << 20, 2000000, &err), 0);
	s = load_set(&sb);
	recognitions(s, r);
	assert_int_equal(bounds_compute(s, r, NREC, &b, &err), 0);

	/* before: 90 % of roads is open in tdmnpb 2023 (nobody set the minimum) */
	figures(s, v, "road_ok_km", 90.0, "road_km", 100.0, "poor", 5.0, "hh", 100.0,
	        "trained", 85.0, "workers", 100.0, "income", 41.0, NULL);
	assert_int_equal(judge(s, I10, 0, 2023, v, NULL, NULL), ST_OPEN);
	assert_int_equal(judge(s, I22, 0, 2023, v, &ts, NULL), ST_OPEN);
	assert_int_equal(ts, TS_UNSET);
	assert_int_equal(judge(s, I11, 0, 2023, v, NULL, NULL), ST_OPEN);
	assert_int_equal(judge(s, I12, 0, 2023, v, NULL, NULL), ST_OPEN);

	/* 2.2 in tdmnpb 2023 and 2022 and dbsh 2023, 11, 12 and 10 in tdmnpb 2023 */
	assert_int_equal(bounds_narrow(s, &b, &err), 6);

	/* after: met, and the result says why */
	assert_int_equal(judge(s, I22, 0, 2023, v, &ts, &note), ST_MET);
	assert_int_equal(ts, TS_RANGE);
	assert_non_null(note);
	assert_non_null(strstr(note, "implied by the recognition of Kim Phượng and Phú Đình (2023)"));
	assert_non_null(strstr(note, "not set before: column not found"));
	assert_int_equal(judge(s, I11, 0, 2023, v, NULL, &note), ST_MET);
	assert_non_null(strstr(note, "implied by the recognition of Sơn Phú (2023): a maximum below 6.5"));
	assert_int_equal(judge(s, I12, 0, 2023, v, NULL, &note), ST_MET);
	assert_non_null(strstr(note, "the range before: between 60 and 100"));
	assert_int_equal(judge(s, I10, 0, 2023, v, NULL, NULL), ST_MET);
	/* a value exactly at the bound meets it */
	figures(s, v, "road_ok_km", 88.0, "road_km", 100.0, "poor", 6.5, "hh", 100.0, NULL);
	assert_int_equal(judge(s, I22, 0, 2023, v, NULL, NULL), ST_MET);
	assert_int_equal(judge(s, I11, 0, 2023, v, NULL, NULL), ST_MET);
	/* below the bound stays open: a recognition only says "at most" */
	figures(s, v, "road_ok_km", 50.0, "road_km", 100.0, "poor", 7.0, "hh", 100.0,
	        "trained", 70.0, "workers", 100.0, NULL);
	assert_int_equal(judge(s, I22, 0, 2023, v, NULL, NULL), ST_OPEN);
	assert_int_equal(judge(s, I11, 0, 2023, v, NULL, NULL), ST_OPEN);
	assert_int_equal(judge(s, I12, 0, 2023, v, NULL, NULL), ST_OPEN);
	/* below the range is unmet, as before */
	figures(s, v, "trained", 50.0, "workers", 100.0, NULL);
	assert_int_equal(judge(s, I12, 0, 2023, v, NULL, NULL), ST_UNMET);
	/* other regions and years as before; each bounded one by its own bound */
	figures(s, v, "road_ok_km", 85.0, "road_km", 100.0, NULL);
	assert_int_equal(judge(s, I22, 0, 2022, v, NULL, &note), ST_MET);
	assert_non_null(strstr(note, "Tân Dương (2022)"));
	assert_int_equal(judge(s, I22, 0, 2024, v, &ts, &note), ST_OPEN);
	assert_int_equal(ts, TS_UNSET);
	assert_string_equal(note, "column not found");
	assert_int_equal(judge(s, I22, 0, 2021, v, &ts, NULL), ST_OPEN);
	assert_int_equal(ts, TS_UNSET);
	assert_int_equal(judge(s, I22, 1, 2023, v, NULL, NULL), ST_MET);
	assert_int_equal(judge(s, I22, 1, 2024, v, NULL, NULL), ST_OPEN);
	assert_int_equal(judge(s, I22, 2, 2023, v, &ts, NULL), ST_OPEN);
	assert_int_equal(ts, TS_UNSET);
	assert_int_equal(judge(s, I22, -1, 2023, v, &ts, NULL), ST_OPEN);
	assert_int_equal(ts, TS_UNSET);
	/* a draft is left as it is */
	figures(s, v, "hh_power", 96.0, "hh", 100.0, NULL);
	assert_int_equal(judge(s, I42, 0, 2023, v, &ts, NULL), ST_MET);
	assert_int_equal(ts, TS_DRAFT);

	/* bounds of another set are refused */
	memset(&other, 0, sizeof other);
	other.set_id = strdup("vn-318-commune");
	other.nind = s->nind;
	assert_int_equal(bounds_narrow(s, &other, &err), -1);
	assert_string_equal(err.msg, "the bounds were computed for set vn-318-commune, not for t-commune");
	bounds_free(&other);

	bounds_free(&b);
	crit_free(s);
	sandbox_close(&sb);
}

static void titles(void **state)
{
	(void)state;
	assert_true(bounds_title_counts("ntm", "ntm"));
	assert_true(bounds_title_counts("ntm", "ntm-reconfirmed"));
	assert_false(bounds_title_counts("ntm", "ntm-advanced"));
	assert_false(bounds_title_counts("ntm-advanced", "ntm"));
	assert_false(bounds_title_counts("ntm-advanced", "ntm-reconfirmed"));
	assert_true(bounds_title_counts("ntm-advanced", "ntm-advanced"));
}

/* ---- from a store --------------------------------------------------------- */

static const char csv_vars[] =
	"name,uom,meaning,source\n"
	"road_ok_km,km,hardened,t\nroad_km,km,roads,t\nhh_power,households,power,t\n"
	"hh,households,households,t\nschools_ok,count,schools ok,t\nschools,count,schools,t\n"
	"poor,households,poor,t\ntrained,persons,trained,t\nworkers,persons,workers,t\n"
	"plan_ok,bool,plan,t\nincome,mvnd_person_year,income,t\n";
static const char csv_units[] =
	"code,name,level,parent,region\n"
	"TN,Thái Nguyên,province,,tdmnpb\n"
	"TN-DH,Định Hóa,district,TN,\n"
	"TN-A,Kim Phượng,commune,TN-DH,\n"
	"TN-B,Sơn Phú,commune,TN-DH,\n"
	"TN-C,Lam Vỹ,commune,TN-DH,\n"
	"TN-D,Quy Kỳ,commune,TN-DH,\n"
	"TH,Thanh Hóa,province,,btb\n"
	"TH-QX,Quảng Xương,district,TH,\n"
	"TH-E,Quảng Giao,commune,TH-QX,\n";
static const char csv_obs[] =
	"unit,period,variable,value,source\n"
	"TN-A,2023,road_ok_km,88,t\nTN-A,2023,road_km,100,t\n"
	"TN-B,2023,road_ok_km,92,t\nTN-B,2023,road_km,100,t\n"
	"TN-C,2022,road_ok_km,60,t\nTN-C,2022,road_km,100,t\n"
	"TN-D,2023,road_ok_km,50,t\nTN-D,2023,road_km,100,t\n"
	"TH-E,2023,road_ok_km,40,t\nTH-E,2023,road_km,100,t\n"
	"TN-A,2020,road_ok_km,10,t\nTN-A,2020,road_km,100,t\n";
static const char csv_recogs[] =
	"unit,year,title,decision,source\n"
	"TN-A,2023,ntm,,t\n"
	"TN-A,2023,ntm-reconfirmed,,t\n"     /* the same unit and year: one recognition */
	"TN-B,2023,ntm-reconfirmed,,t\n"
	"TN-C,2023,ntm,,t\n"                 /* no figure in 2023: contributes nothing */
	"TN-D,2023,ntm-advanced,,t\n"        /* another title */
	"TH-E,2023,ntm,,t\n"                 /* Thanh Hóa has its own set in force */
	"TN-A,2020,ntm,,t\n";                /* before the set */
static const char province_set[] =
	"set { id = 'th-commune', extends = 't-commune', title = 'TH', decision = 'QĐ TH',\n"
	"  level = 'commune', years = { 2022, 2025 }, province = 'Thanh Hóa' }\n";

static void from_store(void **state)
{
	struct import_file files[4];
	struct import_opts o = { 0 };
	struct ctx c;
	struct critset *s;
	struct bounds b;
	const struct bounds_cell *x;
	char db[128], crit[128], path[4][160];
	const char *names[4] = { "vars.csv", "units.csv", "obs.csv", "recogs.csv" };
	const char *texts[4] = { csv_vars, csv_units, csv_obs, csv_recogs };
	int i, top;

	(void)state;
	snprintf(crit, sizeof crit, "%s/crit", dir);
	assert_int_equal(mkdir(crit, 0700), 0);
	file("crit/t-commune.lua", set_text);
	file("crit/th-commune.lua", province_set);
	memset(files, 0, sizeof files);
	for (i = 0; i < 4; i++) {
		snprintf(path[i], sizeof path[i], "%s", file(names[i], texts[i]));
		files[i].path = path[i];
	}
	snprintf(db, sizeof db, "%s/t.db", dir);
	ctx_init(&c);
	c.db_path = db;
	c.criteria_path = crit;
	c.progress = 0;
	assert_int_equal(ctx_db(&c), 0);
	if (import_run(c.db, files, 4, &o, &c.err) < 0)
		fail_msg("%s", c.err.msg);
	if (!(s = ctx_load_set(&c, "t-commune")))
		fail_msg("%s", c.err.msg);
	if (bounds_load(&c, s, -1, 0, 0, &b) < 0)
		fail_msg("%s", c.err.msg);
	/* Kim Phượng (once), Sơn Phú, Lam Vỹ */
	assert_int_equal(b.nrecog, 3);
	assert_int_equal(b.nnofig, 1);
	assert_int_equal(b.year_from, 2023);
	assert_int_equal(b.year_to, 2023);
	assert_non_null(x = cell(&b, I22, 0, 2023));
	assert_int_equal(x->nrecog, 3);
	assert_int_equal(x->nvalue, 2);
	assert_int_equal(x->nmissing, 1);
	assert_true(x->bound == 88);
	assert_string_equal(x->who, "Kim Phượng");
	assert_int_equal(x->binding[0], ctx_find_unit(&c, "TN-A"));
	assert_null(cell(&b, I22, 2, 2023));   /* Quảng Giao's recognition is under th-commune */
	bounds_free(&b);

	/* under a unit, and for years without recognitions */
	assert_true((top = ctx_find_unit(&c, "Sơn Phú")) >= 0);
	assert_int_equal(bounds_load(&c, s, top, 0, 0, &b), 0);
	assert_int_equal(b.nrecog, 1);
	assert_true(cell(&b, I22, 0, 2023)->bound == 92);
	bounds_free(&b);
	assert_int_equal(bounds_load(&c, s, -1, 2021, 2022, &b), 0);
	assert_int_equal(b.nrecog, 0);
	assert_int_equal(b.ncell, 0);
	bounds_free(&b);
	assert_int_equal(bounds_load(&c, s, -1, 2019, 2023, &b), -1);
	assert_string_equal(c.err.msg, "set t-commune applies to 2021-2025 (QĐ T); 2019-2023 is outside it");
	crit_free(s);
	ctx_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(implied_bounds),
		cmocka_unit_test(narrowing),
		cmocka_unit_test(titles),
		cmocka_unit_test(from_store),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
