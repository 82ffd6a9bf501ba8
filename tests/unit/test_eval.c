/* test_eval.c - judging with thresholds the set does not know (eval.h,
 * crit.h): the natural domain of a measure, met/unmet/open against unset
 * thresholds and ranges, the break-even, three-valued combination of
 * criteria, --strict, and the results value (results.h) rebuilding what
 * eval_unit gave. Sets are built by hand: no Lua here. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "results.h"

static struct expr *var(int i)
{
	struct expr *e = calloc(1, sizeof *e);

	e->op = X_VAR;
	e->var = i;
	return e;
}

static struct expr *op2(int op, struct expr *a, struct expr *b)
{
	struct expr *e = calloc(1, sizeof *e);

	e->op = op;
	e->n = 2;
	e->arg = calloc(2, sizeof *e->arg);
	e->arg[0] = a;
	e->arg[1] = b;
	return e;
}

static struct thr *thr_num(double v)
{
	struct thr *t = calloc(1, sizeof *t);

	t->kind = T_NUM;
	t->num = v;
	return t;
}

static struct thr *thr_unset(void)
{
	struct thr *t = calloc(1, sizeof *t);

	t->kind = T_UNSET;
	t->note = strdup("not found");
	return t;
}

static struct thr *thr_range(double lo, double hi)
{
	struct thr *t = calloc(1, sizeof *t);

	t->kind = T_RANGE;
	t->num = lo;
	t->hi = hi;
	t->note = strdup("between the old and the new value");
	return t;
}

static struct thr *thr_draft(double v)
{
	struct thr *t = calloc(1, sizeof *t);

	t->kind = T_DRAFT;
	t->inner = thr_num(v);
	t->note = strdup("one secondary source");
	return t;
}

/* Variables: 0 roads_hard_km, 1 roads_km, 2 temp_houses (count),
 * 3 income_mvnd. Indicators, two criteria:
 *   "2"  2.2 pct(hard, total) >= unset; 2.1 pct(hard, total) >= range 60..80
 *   "9"  9.1 temp_houses <= unset;      10 income >= draft 45 */
static struct critset *make_set(void)
{
	struct critset *s = calloc(1, sizeof *s);
	static const char *const names[] = { "roads_hard_km", "roads_km", "temp_houses", "income_mvnd" };
	int i;

	s->id = strdup("t");
	s->nvar = 4;
	s->var = calloc(4, sizeof *s->var);
	for (i = 0; i < 4; i++)
		s->var[i] = strdup(names[i]);
	s->ncrit = 2;
	s->crit = calloc(2, sizeof *s->crit);
	s->crit[0] = (struct criterion){ strdup("2"), strdup("roads"), strdup("II"), 0, 2 };
	s->crit[1] = (struct criterion){ strdup("9"), strdup("homes"), strdup("II"), 2, 2 };
	s->nind = 4;
	s->ind = calloc(4, sizeof *s->ind);
	for (i = 0; i < 4; i++) {
		s->ind[i].name = strdup("");
		s->ind[i].cite = strdup("test");
		s->ind[i].note = strdup("");
		s->ind[i].file = strdup("t.lua");
		s->ind[i].unit = strdup(i < 2 ? "%" : "");
		s->ind[i].criterion = i < 2 ? 0 : 1;
	}
	s->ind[0].id = strdup("2.2");
	s->ind[0].measure = op2(X_PCT, var(0), var(1));
	s->ind[0].cmp = CMP_MIN;
	s->ind[0].thr = thr_unset();
	s->ind[1].id = strdup("2.1");
	s->ind[1].measure = op2(X_PCT, var(0), var(1));
	s->ind[1].cmp = CMP_MIN;
	s->ind[1].thr = thr_range(60, 80);
	s->ind[2].id = strdup("9.1");
	s->ind[2].measure = var(2);
	s->ind[2].cmp = CMP_MAX;
	s->ind[2].thr = thr_unset();
	s->ind[3].id = strdup("10");
	s->ind[3].measure = var(3);
	s->ind[3].cmp = CMP_MIN;
	s->ind[3].thr = thr_draft(45);
	crit_domains(s, NULL);
	return s;
}

struct fixture {
	struct critset *s;
	struct ind_result res[4];
	unsigned char crit[2];
	int status, ncm;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->s = make_set();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	crit_free(f->s);
	free(f);
	return 0;
}

static void run(struct fixture *f, double hard, double total, double houses, double income)
{
	double vals[4] = { hard, total, houses, income };

	f->status = eval_unit(f->s, vals, 0, 2023, f->res, f->crit, &f->ncm);
}

static void domains_are_natural(void **state)
{
	struct fixture *f = *state;

	assert_true(f->s->ind[0].dom_lo == 0 && f->s->ind[0].dom_hi == 100);   /* a share */
	assert_true(f->s->ind[2].dom_lo == 0 && isinf(f->s->ind[2].dom_hi));   /* a count */
}

static void unset_thresholds_decide_what_logic_allows(void **state)
{
	struct fixture *f = *state;

	/* 100 % meets any minimum a share can have; 0 houses any ceiling */
	run(f, 40, 40, 0, 50);
	assert_int_equal(f->res[0].status, ST_MET);
	assert_int_equal(f->res[2].status, ST_MET);
	assert_int_equal(f->status, ST_MET);
	/* 88 % against an unset minimum: open, met if the minimum is <= 88 */
	run(f, 35.2, 40, 0, 50);
	assert_int_equal(f->res[0].status, ST_OPEN);
	assert_true(fabs(eval_break_even(&f->res[0]) - 88) < 1e-9);
	assert_true(f->res[0].thr_lo == 0 && f->res[0].thr_hi == 100);
	/* 3 temporary houses against an unset ceiling: open */
	run(f, 40, 40, 3, 50);
	assert_int_equal(f->res[2].status, ST_OPEN);
	assert_true(eval_break_even(&f->res[2]) == 3);
	/* a missing figure is unknown, never open */
	run(f, NAN, 40, 0, 50);
	assert_int_equal(f->res[0].status, ST_UNKNOWN);
	assert_true(isnan(eval_break_even(&f->res[0])));
}

static void ranges_narrow_what_is_open(void **state)
{
	struct fixture *f = *state;

	run(f, 32, 40, 0, 50);   /* 80 %: the top of 60..80 */
	assert_int_equal(f->res[1].status, ST_MET);
	run(f, 28, 40, 0, 50);   /* 70 %: inside */
	assert_int_equal(f->res[1].status, ST_OPEN);
	assert_int_equal(f->res[1].thr_status, TS_RANGE);
	run(f, 23.6, 40, 0, 50);   /* 59 %: below every admissible minimum */
	assert_int_equal(f->res[1].status, ST_UNMET);
	assert_int_equal(f->status, ST_UNMET);
}

static void criteria_combine_in_three_values(void **state)
{
	struct fixture *f = *state;

	/* open and met: open */
	run(f, 28, 40, 0, 50);
	assert_int_equal(f->crit[0], ST_OPEN);
	assert_int_equal(f->status, ST_OPEN);
	assert_int_equal(f->ncm, 1);
	/* open and unknown: unknown (data can be collected) */
	run(f, 28, 40, NAN, 50);
	assert_int_equal(f->crit[1], ST_UNKNOWN);
	assert_int_equal(f->status, ST_UNKNOWN);
	/* unmet decides over everything */
	run(f, 28, 40, NAN, 44);
	assert_int_equal(f->crit[1], ST_UNMET);
	assert_int_equal(f->status, ST_UNMET);
}

static void strict_treats_drafts_as_unset(void **state)
{
	struct fixture *f = *state;

	run(f, 40, 40, 0, 44);
	assert_int_equal(f->res[3].status, ST_UNMET);
	assert_int_equal(f->res[3].thr_status, TS_DRAFT);
	f->s->strict = 1;
	run(f, 40, 40, 0, 44);
	assert_int_equal(f->res[3].status, ST_OPEN);   /* 44 meets a minimum <= 44 */
	assert_int_equal(f->res[3].thr_status, TS_UNSET);
	f->s->strict = 0;
}

static void results_rebuild_what_eval_gave(void **state)
{
	struct fixture *f = *state;
	int units[2] = { 10, 11 }, region[2] = { 0, -1 }, k, i;
	double data[2][4] = { { 28, 40, 3, 50 }, { NAN, 40, 0, 44 } };
	struct results R;
	struct ind_result got[4];

	assert_int_equal(results_init(&R, f->s, units, region, 2, 2022, 2023), 0);
	assert_false(results_judged(&R, 0, 2022));
	for (i = 0; i < 2; i++) {
		f->status = eval_unit(f->s, data[i], region[i], 2023, f->res, f->crit, &f->ncm);
		results_put(&R, i, 2023, f->res, f->crit, f->status, f->ncm);
		results_inds(&R, i, 2023, got);
		assert_int_equal(results_status(&R, i, 2023), f->status);
		assert_int_equal(results_ncrit(&R, i, 2023), f->ncm);
		for (k = 0; k < 4; k++) {
			assert_int_equal(got[k].status, f->res[k].status);
			assert_int_equal(got[k].thr_status, f->res[k].thr_status);
			assert_memory_equal(&got[k].value, &f->res[k].value, sizeof(double));
			assert_memory_equal(&got[k].threshold, &f->res[k].threshold, sizeof(double));
			assert_memory_equal(&got[k].thr_lo, &f->res[k].thr_lo, sizeof(double));
			assert_memory_equal(&got[k].thr_hi, &f->res[k].thr_hi, sizeof(double));
			assert_ptr_equal(got[k].thr_note, f->res[k].thr_note);
		}
	}
	assert_int_equal(results_find(&R, 11), 1);
	results_free(&R);
}

/* A threshold by commune group (QĐ 51/2025): nhóm 1 80, nhóm 2 70, nhóm 3
 * a draft 60, judged in a place (crit_place); a group not on record is the
 * span of the groups' values. */
static void thresholds_by_commune_group(void **state)
{
	struct fixture *f = *state;
	struct thr *g = calloc(1, sizeof *g), *old = f->s->ind[1].thr;
	double v[4] = { 75, 100, 0, 50 };
	int r, k, units[3] = { 1, 2, 3 }, region[3] = { 0, 0, -1 };
	struct results R;
	struct ind_result got[4];

	/* places: a region alone is a place of group 0; every pair comes back */
	for (r = -1; r < 7; r++)
		for (k = 0; k <= CRIT_NGROUP; k++) {
			assert_int_equal(crit_place_region(crit_place(r, k)), r);
			assert_int_equal(crit_place_group(crit_place(r, k)), k);
			assert_true(crit_place(r, k) + 1 < CRIT_NPLACE && crit_place(r, k) >= -1);
		}
	assert_int_equal(crit_place(3, 0), 3);
	assert_string_equal(crit_place_name(crit_place(0, 2)), "nhóm 2");
	assert_string_equal(crit_place_name(crit_place(0, 0)), "tdmnpb");
	g->kind = T_GROUP;
	g->region[0] = thr_num(80);
	g->region[1] = thr_num(70);
	g->region[2] = thr_draft(60);
	g->note = strdup("depends on the commune group");
	f->s->ind[1].thr = g;
	crit_history(f->s);
	assert_true(f->s->has_group_thr);
	f->status = eval_unit(f->s, v, crit_place(0, 1), 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].status, ST_UNMET);
	assert_false(f->res[1].group_open);
	f->status = eval_unit(f->s, v, crit_place(0, 2), 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].status, ST_MET);
	f->status = eval_unit(f->s, v, crit_place(0, 3), 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].status, ST_MET);
	assert_int_equal(f->res[1].thr_status, TS_DRAFT);
	/* not on record: 75 lies between 60 and 80 */
	f->status = eval_unit(f->s, v, 0, 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].status, ST_OPEN);
	assert_true(f->res[1].group_open);
	assert_int_equal(f->res[1].thr_status, TS_RANGE);
	assert_true(f->res[1].thr_lo == 60 && f->res[1].thr_hi == 80);
	assert_string_equal(f->res[1].thr_note, "depends on the commune group");
	v[0] = 80;   /* meets every group's value */
	f->status = eval_unit(f->s, v, -1, 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].status, ST_MET);
	v[0] = 59;   /* meets none */
	f->status = eval_unit(f->s, v, -1, 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].status, ST_UNMET);
	/* strict: a span that holds a draft is unset */
	f->s->strict = 1;
	v[0] = 75;
	f->status = eval_unit(f->s, v, 0, 2026, f->res, f->crit, &f->ncm);
	assert_int_equal(f->res[1].thr_status, TS_UNSET);
	f->s->strict = 0;
	/* results keep the group per cell and rebuild each place's threshold */
	assert_int_equal(results_init(&R, f->s, units, region, 3, 2026, 2026), 0);
	assert_non_null(R.group);
	R.group[results_cell(&R, 0, 2026)] = 1;
	R.group[results_cell(&R, 1, 2026)] = 2;
	for (r = 0; r < 3; r++) {
		f->status = eval_unit(f->s, v, results_place(&R, r, 2026), 2026, f->res, f->crit, &f->ncm);
		results_put(&R, r, 2026, f->res, f->crit, f->status, f->ncm);
		results_inds(&R, r, 2026, got);
		for (k = 0; k < 4; k++) {
			assert_int_equal(got[k].status, f->res[k].status);
			assert_int_equal(got[k].thr_status, f->res[k].thr_status);
			assert_int_equal(got[k].group_open, f->res[k].group_open);
			assert_memory_equal(&got[k].thr_lo, &f->res[k].thr_lo, sizeof(double));
			assert_memory_equal(&got[k].thr_hi, &f->res[k].thr_hi, sizeof(double));
		}
	}
	assert_int_equal(results_status(&R, 0, 2026), ST_UNMET);   /* nhóm 1: 75 < 80 */
	assert_int_equal(results_status(&R, 2, 2026), ST_OPEN);
	results_free(&R);
	f->s->ind[1].thr = old;
	crit_thr_free(g);
	crit_history(f->s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(domains_are_natural, setup, teardown),
		cmocka_unit_test_setup_teardown(unset_thresholds_decide_what_logic_allows, setup, teardown),
		cmocka_unit_test_setup_teardown(ranges_narrow_what_is_open, setup, teardown),
		cmocka_unit_test_setup_teardown(criteria_combine_in_three_values, setup, teardown),
		cmocka_unit_test_setup_teardown(strict_treats_drafts_as_unset, setup, teardown),
		cmocka_unit_test_setup_teardown(results_rebuild_what_eval_gave, setup, teardown),
		cmocka_unit_test_setup_teardown(thresholds_by_commune_group, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
