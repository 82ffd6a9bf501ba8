/* test_gnuplot.c - quoting of user text for gnuplot and the Vietnamese
 * number format (gnuplot.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "gnuplot.h"

static void quoting(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(gp_quote("Định Hóa", buf, sizeof buf), "'Định Hóa'");
	/* a quote is doubled, so it cannot close the string */
	assert_string_equal(gp_quote("a'; system('x')", buf, sizeof buf), "'a''; system(''x'')'");
	/* no line break can start a new command */
	assert_string_equal(gp_quote("a\nquit\r\n", buf, sizeof buf), "'aquit'");
	/* backquotes are plain characters inside single quotes */
	assert_string_equal(gp_quote("`touch x`", buf, sizeof buf), "'`touch x`'");
	/* truncation keeps the closing quote */
	assert_string_equal(gp_quote("abcdefgh", buf, 6), "'ab'");
}

static void vietnamese_numbers(void **state)
{
	char buf[64];

	(void)state;
	gp_vnnum(buf, sizeof buf, 1234.5, 1);
	assert_string_equal(buf, "1.234,5");
	gp_vnnum(buf, sizeof buf, 250000, 0);
	assert_string_equal(buf, "250.000");
	gp_vnnum(buf, sizeof buf, 999, 0);
	assert_string_equal(buf, "999");
	gp_vnnum(buf, sizeof buf, -1234567.891, 2);
	assert_string_equal(buf, "-1.234.567,89");
	gp_vnnum(buf, sizeof buf, NAN, 0);
	assert_string_equal(buf, "—");
}

static void terminals(void **state)
{
	(void)state;
	assert_int_equal(gp_term_parse("png"), GP_PNG);
	assert_int_equal(gp_term_parse("svg"), GP_SVG);
	assert_int_equal(gp_term_parse("dumb"), GP_DUMB);
	assert_int_equal(gp_term_parse("pdf"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting),
		cmocka_unit_test(vietnamese_numbers),
		cmocka_unit_test(terminals),
	};

	return cmocka_run_group_tests_name("gnuplot", tests, NULL, NULL);
}
