/* test_gnuplot.c - quoting of user text for gnuplot, the colour
 * validator, the bounds of what reaches gnuplot, and the Vietnamese number
 * format (gnuplot.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gnuplot.h"
#include "i18n.h"

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
	/* every control character goes, not only line breaks: no terminal
	 * escape reaches a text chart, no tab or form feed a command */
	assert_string_equal(gp_quote("a\x1b[31mb\tc\fd\x7f", buf, sizeof buf), "'a[31mbcd'");
}

static void colors(void **state)
{
	static const char *const bad[] = {
		"red'\n!touch /tmp/x\n#", "red' lw 9 title 'x", "#12345", "#1234567", "#12345g",
		"#ff0000'", "rgb(1,2,3)", "0x123456", "red ", " red", "", "#", "transparent",
		"0xffff0000", "dark green", "reddish",
	};
	char hex[8];
	size_t i;

	(void)state;
	assert_int_equal(gp_color("#1b6ca8", hex), 0);
	assert_string_equal(hex, "#1b6ca8");
	assert_int_equal(gp_color("#AABBcc", hex), 0);
	assert_string_equal(hex, "#aabbcc");
	/* names become their gnuplot value: only #rrggbb is ever written */
	assert_int_equal(gp_color("red", hex), 0);
	assert_string_equal(hex, "#ff0000");
	assert_int_equal(gp_color("Dark-Green", hex), 0);
	assert_string_equal(hex, "#006400");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memcpy(hex, "unset", 6);
		if (gp_color(bad[i], hex) != -1)
			fail_msg("colour '%s' was taken", bad[i]);
	}
}

/* sizes and the time limit are checked before any command is written */
static void bounds(void **state)
{
	struct ntm_err err = { 0 };
	struct gp g;

	(void)state;
	unsetenv("NTM_GNUPLOT_TIMEOUT");
	assert_int_equal(gp_open(&g, GP_PNG, 5, 540, &err), -1);
	assert_string_equal(err.msg, "chart size 5x540: width and height are 10 to 10000");
	assert_int_equal(gp_open(&g, GP_SVG, 900, 10001, &err), -1);
	assert_int_equal(gp_open(&g, GP_DUMB, 100, 30, &err), 0);
	assert_true(g.timeout == GP_TIMEOUT_DEFAULT);
	gp_discard(&g);
	setenv("NTM_GNUPLOT_TIMEOUT", "2.5", 1);
	assert_int_equal(gp_open(&g, GP_DUMB, 100, 30, &err), 0);
	assert_true(g.timeout == 2.5);
	gp_discard(&g);
	setenv("NTM_GNUPLOT_TIMEOUT", "-1", 1);
	assert_int_equal(gp_open(&g, GP_DUMB, 100, 30, &err), -1);
	setenv("NTM_GNUPLOT_TIMEOUT", "1e9", 1);
	assert_int_equal(gp_open(&g, GP_DUMB, 100, 30, &err), -1);
	setenv("NTM_GNUPLOT_TIMEOUT", "60s", 1);
	assert_int_equal(gp_open(&g, GP_DUMB, 100, 30, &err), -1);
	assert_string_equal(err.msg, "NTM_GNUPLOT_TIMEOUT '60s' is not a number of seconds "
	                    "(more than 0, at most 86400)");
	unsetenv("NTM_GNUPLOT_TIMEOUT");
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
	/* decimals are bounded: a billion would format gigabytes */
	gp_vnnum(buf, sizeof buf, 1.5, 1000000000);
	assert_string_equal(buf, "1,500000");
	gp_vnnum(buf, sizeof buf, 1.5, -3);
	assert_string_equal(buf, "2");
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
		cmocka_unit_test(colors),
		cmocka_unit_test(bounds),
		cmocka_unit_test(vietnamese_numbers),
		cmocka_unit_test(terminals),
	};

	i18n_init("en");   /* the messages compared are the English ones */
	return cmocka_run_group_tests_name("gnuplot", tests, NULL, NULL);
}
