/* test_project.c - projections without a store (project.h): fits on
 * rising, falling and flat series (least squares and Theil-Sen, which an
 * outlier does not move), one and two points, the year a minimum and a
 * maximum are reached, moving away, flat, a threshold that changes by year,
 * an open threshold giving a span (and none when its far end is infinite),
 * and criteria combined from their indicators. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "project.h"

static const double years[] = { 2021, 2022, 2023, 2024, 2025 };

/* the thresholds lo..hi in every year from y0 to y0 + n - 1 */
static void fill(double *lo, double *hi, int n, double l, double h)
{
	int j;

	for (j = 0; j < n; j++)
		lo[j] = l, hi[j] = h;
}

static void fit_rising_falling_flat(void **state)
{
	static const double rising[] = { 50, 55, 60 }, falling[] = { 12, 9, 6 }, flat[] = { 7, 7, 7 };
	struct proj_fit f;
	int m;

	(void)state;
	for (m = 0; m < PROJ_NMETHOD; m++) {
		assert_int_equal(proj_fit(m, years, rising, 3, &f), 0);
		assert_int_equal(f.n, 3);
		assert_true(fabs(f.slope - 5) < 1e-12);
		assert_true(f.last == 60 && f.x_last == 2023 && f.x_first == 2021);
		assert_true(fabs(proj_at(&f, 2025) - 70) < 1e-9);
		assert_int_equal(proj_fit(m, years, falling, 3, &f), 0);
		assert_true(fabs(f.slope + 3) < 1e-12);
		assert_int_equal(proj_fit(m, years, flat, 3, &f), 0);
		assert_true(f.slope == 0);
	}
}

static void fit_theil_sen_resists_an_outlier(void **state)
{
	/* 10, 12, 14, 16, 18 with a wild 60 for 16: least squares is pulled up
	 * to 6.4 a year, the median of the pairwise slopes stays at 2 */
	static const double v[] = { 10, 12, 14, 60, 18 };
	struct proj_fit ls, ts;

	(void)state;
	assert_int_equal(proj_fit(PROJ_LINEAR, years, v, 5, &ls), 0);
	assert_int_equal(proj_fit(PROJ_THEIL_SEN, years, v, 5, &ts), 0);
	assert_true(fabs(ls.slope - 6.4) < 1e-12);
	assert_true(fabs(ts.slope - 2) < 1e-12);
	assert_int_equal(proj_method_parse("theil-sen"), PROJ_THEIL_SEN);
	assert_int_equal(proj_method_parse("linear"), PROJ_LINEAR);
	assert_int_equal(proj_method_parse("quadratic"), -1);
}

static void fewer_than_three_points(void **state)
{
	static const double one[] = { 40 }, two[] = { 40, 46 };
	double lo[3], hi[3];
	struct proj_fit f;
	struct proj_when w;

	(void)state;
	/* one point: no slope, no trend */
	assert_int_equal(proj_fit(PROJ_LINEAR, years, one, 1, &f), -1);
	assert_int_equal(f.n, 1);
	assert_true(isnan(f.slope));
	assert_true(f.last == 40 && f.x_last == 2021);
	fill(lo, hi, 3, 50, 50);
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_TOO_FEW);
	assert_int_equal(w.first, PROJ_NEVER);
	assert_int_equal(w.certain, PROJ_NEVER);
	/* two points: a line through both (the caller adds the note) */
	assert_int_equal(proj_fit(PROJ_THEIL_SEN, years, two, 2, &f), 0);
	assert_int_equal(f.n, 2);
	assert_true(fabs(f.slope - 6) < 1e-12);
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);   /* 46 in 2022, 52 in 2023 */
	assert_int_equal(w.status, PJ_REACHES);
	assert_int_equal(w.certain, 2023);
	assert_int_equal(w.first, 2023);
	/* no points */
	assert_int_equal(proj_fit(PROJ_LINEAR, years, one, 0, &f), -1);
	assert_int_equal(f.n, 0);
}

static void minimum_rising_reaches(void **state)
{
	static const double v[] = { 50, 55, 60 };
	double lo[3], hi[3];
	struct proj_fit f;
	struct proj_when w;

	(void)state;
	proj_fit(PROJ_LINEAR, years, v, 3, &f);
	fill(lo, hi, 3, 70, 70);   /* 2023..2025: 60, 65, 70 */
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_REACHES);
	assert_int_equal(w.pace, PJ_TOWARD);
	assert_int_equal(w.first, 2025);
	assert_int_equal(w.certain, 2025);
	/* a horizon one year short: not by then */
	proj_cross(&f, CMP_MIN, lo, hi, 2, &w);
	assert_int_equal(w.status, PJ_NOT_BY);
	assert_int_equal(w.certain, PROJ_NEVER);
	/* already there */
	fill(lo, hi, 3, 60, 60);
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_MET);
	assert_int_equal(w.certain, 2023);
}

static void maximum_falling_reaches(void **state)
{
	/* poor households: 12 %, 9 %, 6 %; at most 3 % */
	static const double v[] = { 12, 9, 6 };
	double lo[3], hi[3];
	struct proj_fit f;
	struct proj_when w;

	(void)state;
	proj_fit(PROJ_LINEAR, years, v, 3, &f);
	fill(lo, hi, 3, 3, 3);
	proj_cross(&f, CMP_MAX, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_REACHES);
	assert_int_equal(w.certain, 2024);
	/* a falling series against a minimum moves away */
	fill(lo, hi, 3, 20, 20);
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_AWAY);
	assert_int_equal(w.pace, PJ_AWAY_PACE);
}

static void flat_series(void **state)
{
	static const double v[] = { 7, 7, 7 };
	double lo[3], hi[3];
	struct proj_fit f;
	struct proj_when w;

	(void)state;
	proj_fit(PROJ_LINEAR, years, v, 3, &f);
	fill(lo, hi, 3, 10, 10);
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_FLAT);
	assert_int_equal(w.pace, PJ_STILL);
	/* a threshold that comes down to the value is reached even so */
	lo[2] = hi[2] = 7;
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_REACHES);
	assert_int_equal(w.certain, 2025);
}

static void threshold_by_year(void **state)
{
	/* 60, 65, 70, 75 from 2023 against 70, 80, 80, 80: not 2025 (80 by then) */
	static const double v[] = { 50, 55, 60 };
	double lo[4] = { 70, 70, 80, 80 }, hi[4] = { 70, 70, 80, 80 };
	struct proj_fit f;
	struct proj_when w;

	(void)state;
	proj_fit(PROJ_LINEAR, years, v, 3, &f);
	proj_cross(&f, CMP_MIN, lo, hi, 4, &w);
	assert_int_equal(w.status, PJ_NOT_BY);
	lo[1] = hi[1] = 65;   /* lower in 2024: met then */
	proj_cross(&f, CMP_MIN, lo, hi, 4, &w);
	assert_int_equal(w.certain, 2024);
}

static void open_threshold_gives_a_span(void **state)
{
	/* 50, 55, 60: a minimum known to lie in 70..80 may be met from 2025
	 * (70) and certainly in 2027 (80) */
	static const double v[] = { 50, 55, 60 };
	double lo[6], hi[6];
	struct proj_fit f;
	struct proj_when w;

	(void)state;
	proj_fit(PROJ_LINEAR, years, v, 3, &f);
	fill(lo, hi, 6, 70, 80);
	proj_cross(&f, CMP_MIN, lo, hi, 6, &w);
	assert_int_equal(w.status, PJ_REACHES);
	assert_int_equal(w.first, 2025);
	assert_int_equal(w.certain, 2027);
	/* to 2025 only: may, not certainly */
	proj_cross(&f, CMP_MIN, lo, hi, 3, &w);
	assert_int_equal(w.status, PJ_MAY_REACH);
	assert_int_equal(w.first, 2025);
	assert_int_equal(w.certain, PROJ_NEVER);
	/* inside the range now: may be met already */
	fill(lo, hi, 6, 55, 80);
	proj_cross(&f, CMP_MIN, lo, hi, 6, &w);
	assert_int_equal(w.first, 2023);
	assert_int_equal(w.certain, 2027);
	/* unset with no upper end: never certain */
	fill(lo, hi, 6, 0, INFINITY);
	proj_cross(&f, CMP_MIN, lo, hi, 6, &w);
	assert_int_equal(w.status, PJ_MAY_REACH);
	assert_int_equal(w.first, 2023);
	assert_int_equal(w.certain, PROJ_NEVER);
	assert_true(w.far_inf);
	/* a maximum in a range: falling 12, 9, 6 against 2..4 */
	{
		static const double p[] = { 12, 9, 6 };

		proj_fit(PROJ_LINEAR, years, p, 3, &f);
		fill(lo, hi, 6, 2, 4);
		proj_cross(&f, CMP_MAX, lo, hi, 6, &w);
		assert_int_equal(w.first, 2024);    /* 3 <= 4 */
		assert_int_equal(w.certain, 2025);  /* 0 <= 2 */
	}
}

static void criteria_combine(void **state)
{
	struct proj_when a = { PJ_MET, 0, 2023, 2023, 0, 0 }, b = { PJ_REACHES, PJ_TOWARD, 2024, 2026, 0, 0 };
	struct proj_when c = { PJ_MAY_REACH, PJ_TOWARD, 2023, PROJ_NEVER, 1, 0 };
	struct proj_when na = { PJ_NA, 0, PROJ_NEVER, PROJ_NEVER, 0, 0 };
	struct proj_when nf = { PJ_NO_FIGURES, 0, PROJ_NEVER, PROJ_NEVER, 0, 0 }, w;

	(void)state;
	proj_when_start(&w);
	proj_when_add(&w, &a);
	proj_when_add(&w, &na);
	proj_when_end(&w, 2025);
	assert_int_equal(w.status, PJ_MET);
	proj_when_start(&w);
	proj_when_add(&w, &a);
	proj_when_add(&w, &b);
	proj_when_end(&w, 2025);
	assert_int_equal(w.status, PJ_MAY_REACH);   /* certainly only in 2026 */
	assert_int_equal(w.first, 2024);
	assert_int_equal(w.certain, 2026);
	proj_when_end(&w, 2026);
	assert_int_equal(w.status, PJ_REACHES);
	proj_when_start(&w);
	proj_when_add(&w, &b);
	proj_when_add(&w, &c);
	proj_when_end(&w, 2030);
	assert_int_equal(w.status, PJ_MAY_REACH);
	assert_int_equal(w.certain, PROJ_NEVER);
	assert_true(w.far_inf);
	proj_when_start(&w);
	proj_when_add(&w, &b);
	proj_when_add(&w, &nf);
	proj_when_end(&w, 2030);
	assert_int_equal(w.status, PJ_NO_FIGURES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fit_rising_falling_flat),
		cmocka_unit_test(fit_theil_sen_resists_an_outlier),
		cmocka_unit_test(fewer_than_three_points),
		cmocka_unit_test(minimum_rising_reaches),
		cmocka_unit_test(maximum_falling_reaches),
		cmocka_unit_test(flat_series),
		cmocka_unit_test(threshold_by_year),
		cmocka_unit_test(open_threshold_gives_a_span),
		cmocka_unit_test(criteria_combine),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
